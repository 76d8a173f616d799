import { afterEach, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { barberUpToSummary, startWorld, texts } from "./world.ts";

// A booking Tor4You made whose answer never reached us (the connection dropped after the work):
// the customer hears they are booked, and "try again" never books the same time twice.
const CELL = "0501234577";
const BOOKED = /You're booked/;

let w: Awaited<ReturnType<typeof startWorld>>;
afterEach(async () => {
  await w?.stop();
});

const live = (cell: string) => {
  const s = w.emulator.site(DEMO_BARBER_SITEID);
  const ids = [...s.customers.values()].filter((c) => c.cell === cell).map((c) => c.id);
  return [...s.appointments.values()].filter((a) => ids.includes(a.customer) && a.status === "1");
};

async function upToConfirm() {
  const c = w.chat(DEMO_BARBER_SITEID);
  return { c, time: await barberUpToSummary(c, CELL) };
}

it("the booking was made but its answer was lost: the customer's appointments are looked up and it is confirmed", async () => {
  w = await startWorld();
  const { c, time } = await upToConfirm();
  w.emulator.faults.add({ mode: "lost", count: 1, calls: ["addappt"] });
  const out = await c.tapLabel("Yes, book it");
  expect(texts(out)).toMatch(BOOKED);
  const mine = live(CELL);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.from.toFormat("HH:mm")).toBe(time);
});

it("lost answer and no lookup either: the customer is told it is unclear, and 'try again' does not book twice", async () => {
  w = await startWorld();
  const { c, time } = await upToConfirm();
  w.emulator.faults.add({ mode: "lost", count: 1, calls: ["addappt"] });
  w.emulator.faults.add({ mode: "http500", calls: ["apptbycellortz"] });
  const failed = await c.tapLabel("Yes, book it");
  expect(texts(failed)).toMatch(/can't tell yet whether that went through/);
  expect(texts(failed)).not.toMatch(/Nothing was changed/);
  expect(live(CELL)).toHaveLength(1); // made, though we did not hear it

  w.emulator.faults.clear();
  const again = await c.tapLabel("Try again");
  expect(texts(again)).toMatch(BOOKED);
  const mine = live(CELL);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.from.toFormat("HH:mm")).toBe(time);
});

it("an HTTP 500 before any work: looked up, nothing found, and 'try again' books it once", async () => {
  w = await startWorld();
  const { c } = await upToConfirm();
  w.emulator.faults.add({ mode: "http500", count: 1, calls: ["addappt"] });
  const failed = await c.tapLabel("Yes, book it");
  // An HTTP 500 may come after the work: looked up, nothing found, so the customer may try again.
  expect(texts(failed)).toMatch(/can't tell yet|couldn't reach/);
  expect(live(CELL)).toHaveLength(0);
  const again = await c.tapLabel("Try again");
  expect(texts(again)).toMatch(BOOKED);
  expect(live(CELL)).toHaveLength(1);
});
