import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWorld, texts } from "./world.ts";

/**
 * The whole product against a Tor4You that sends no staff or branch names, no branch addresses,
 * numbers as numbers and a flat apptinfo without its status (the emulator's variants wire): a
 * customer still books and sees the booking, with no question nobody could answer.
 */
const NEW_CELL = "0501234568";

let w: Awaited<ReturnType<typeof startWorld>>;
beforeAll(async () => {
  w = await startWorld({ wire: "variants" });
});
afterAll(async () => {
  await w?.stop();
});

describe("booking over the variants wire", () => {
  it("skips the branch and staff questions it cannot label, books, and lists the booking", async () => {
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("book");
    await c.send({ type: "contact", phone: NEW_CELL, own: true, first: "Dana", last: "Levi" });
    const next = await c.tapLabel(/^תספורת גברים ·/);
    // No empty buttons and no branch or staff question: the next question is the day.
    const labels = next.flatMap((m) => (m.type === "choices" ? m.choices.map((x) => x.label.trim()) : []));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l !== "")).toBe(true);
    await c.tapLabel(/^Wed 25\.11/);
    await c.tapLabel(/^Afternoon 12:00/);
    const summary = await c.tapLabel("12:00");
    // The nameless provider is "anyone", never an empty gap after "with".
    expect(texts(summary)).not.toMatch(/with\s*(\n|$|·|,)/);
    const booked = await c.tapLabel("Yes, book it");
    expect(texts(booked)).toMatch(/You're booked/);
    expect(texts(booked)).not.toMatch(/with\s*(\n|$|·|,)/);

    const s = w.emulator.site(DEMO_BARBER_SITEID);
    const mine = [...s.appointments.values()].filter((a) => s.customers.get(a.customer)?.cell === NEW_CELL);
    expect(mine.map((a) => [a.status, a.from.toFormat("yyyy-MM-dd HH:mm")])).toEqual([
      ["1", "2026-11-25 12:00"],
    ]);

    expect(texts(await c.text("my appointments"))).toMatch(/25\.11/);
  });
});
