import { afterEach, expect, it } from "vitest";
import { DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID } from "../../../src/emulator/seed-demo.ts";
import { barberUpToSummary, startWorld, texts } from "./world.ts";

// Issue 13 §2: siteinfo may not say that a site requires the ID number (tz). A refused booking
// whose time is still free asks for it and tries once more; "that time was taken" is said only
// when a fresh look shows it taken.
const NEW_CELL = "0501234568";
const TAKEN = /taken|נתפסה/;

let w: Awaited<ReturnType<typeof startWorld>>;
afterEach(async () => {
  await w?.stop();
});

const live = (site: string, cell: string) => {
  const s = w.emulator.site(site);
  const ids = [...s.customers.values()].filter((c) => c.cell === cell).map((c) => c.id);
  return [...s.appointments.values()].filter((a) => ids.includes(a.customer) && a.status === "1");
};

it("a site that requires the ID number without siteinfo saying so: asked after the refusal, then booked", async () => {
  // In the variants mode siteinfo leaves `istz` out; the studio still refuses a booking without tz.
  w = await startWorld({ wire: "variants" });
  const c = w.chat(DEMO_STUDIO_SITEID);
  await c.text("book");
  await c.send({ type: "contact", phone: NEW_CELL, own: true, first: "Noa", last: "Bar" });
  await c.tapLabel(/^פילאטיס מכשירים ·/);
  await c.tapLabel("Tomorrow morning");
  await c.tapLabel("08:00");
  const summary = await c.tapLabel("1");
  expect(texts(summary)).not.toMatch(/ID number/); // nothing told us to ask before
  const asked = await c.tapLabel("Yes, book it");
  expect(texts(asked)).toMatch(/ID number/);
  expect(texts(asked)).not.toMatch(TAKEN);
  expect(live(DEMO_STUDIO_SITEID, NEW_CELL)).toHaveLength(0);
  expect(texts(await c.text("123456789"))).toMatch(/isn't valid/);
  const booked = await c.text("123 45678-2");
  expect(texts(booked)).not.toMatch(TAKEN);
  const mine = live(DEMO_STUDIO_SITEID, NEW_CELL);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.from.toFormat("HH:mm")).toBe("08:00");
  expect(w.emulator.site(DEMO_STUDIO_SITEID).customers.get(mine[0]!.customer)!.tz).toBe("123456782");
});

it("refused again with the ID number and the time still free: says so plainly, never 'taken'", async () => {
  w = await startWorld();
  const c = w.chat(DEMO_BARBER_SITEID);
  await barberUpToSummary(c, NEW_CELL);
  // Tor4You refuses every booking for a while, in words that do not say why.
  w.emulator.faults.add({ mode: "status0", calls: ["addappt"] });
  const asked = await c.tapLabel("Yes, book it");
  expect(texts(asked)).toMatch(/ID number/);
  const out = await c.text("123456782");
  expect(texts(out)).toMatch(/didn't accept this booking/);
  expect(texts([...asked, ...out])).not.toMatch(TAKEN);
  expect(live(DEMO_BARBER_SITEID, NEW_CELL)).toHaveLength(0);
});
