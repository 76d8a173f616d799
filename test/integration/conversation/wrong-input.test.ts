import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/core/messages.ts";
import { DEMO_BARBER_SITEID, DEMO_STUDIO_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWorld, texts } from "./world.ts";

type World = Awaited<ReturnType<typeof startWorld>>;
let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.stop();
});

const buttons = (out: OutboundMessage[]) => {
  const m = [...out].reverse().find((x) => x.type === "choices");
  return m?.type === "choices" ? m.choices : [];
};
/** The current flow token, taken from a button the engine sent. */
const tokenOf = (out: OutboundMessage[]) => buttons(out)[0]!.id.split(".")[0]!;

/**
 * At every step a wrong answer (free text, a forged or out-of-range button of the same flow)
 * re-asks the same question with the same buttons and changes nothing.
 */
describe("wrong input at every step re-asks and changes nothing", () => {
  it("book: service, branch, staff, date, time", async () => {
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("book");
    let out = await c.shareOwnContact("0509876543", "Dana", "Levi");
    const steps: Array<[string, (token: string) => string]> = [
      ["service", (t) => `${t}.svc.999`],
      ["branch", (t) => `${t}.br.999`],
      ["staff", (t) => `${t}.stf.999`],
      ["date", (t) => `${t}.day.20300101`],
      ["time", (t) => `${t}.tm.500`],
    ];
    for (const [step, forged] of steps) {
      const asked = buttons(out);
      const reask = await c.tap(forged(tokenOf(out)));
      expect(texts(reask), step).toMatch(/pick one of these options/);
      expect(buttons(reask), step).toEqual(asked);
      const viaText = await c.text("something else entirely");
      expect(buttons(viaText), step).toEqual(asked);
      out = await c.tap(asked[step === "staff" ? 1 : 0]!.id);
    }
    expect(texts(out)).toMatch(/Shall I book it/);
    expect(texts(await c.text("perhaps"))).toMatch(/pick one/);
  });

  it("book on a group slot: participants beyond the places left, and a typed number for a button", async () => {
    const c = w.chat(DEMO_STUDIO_SITEID);
    await c.text("book");
    await c.shareOwnContact("0509876544", "Noa", "Bar");
    await c.tapLabel(/^פילאטיס מכשירים ·/);
    await c.tapLabel(/^Wed 25\.11/);
    const ppl = await c.tapLabel("08:00");
    expect(texts(ppl)).toMatch(/How many people/);
    const reask = await c.tap(`${tokenOf(ppl)}.ppl.50`);
    expect(texts(reask)).toMatch(/pick one/);
    const tz = await c.text("3"); // typed on WhatsApp: the third button
    expect(texts(tz)).toMatch(/ID number/);
    expect(texts(await c.text("12345"))).toMatch(/isn't valid/);
  });

  it("cancel: a forged pick and a vague answer to 'are you sure'", async () => {
    const c = w.chat(DEMO_STUDIO_SITEID);
    await c.text("cancel");
    const pick = await c.shareOwnContact("0546667788", "מיכל", "כץ");
    expect(texts(pick)).toMatch(/Which appointment/);
    const forged = await c.tap(`${tokenOf(pick)}.pick.1`);
    expect(texts(forged)).toMatch(/couldn't find that appointment/);
    const again = await c.text("cancel");
    const confirm = await c.tap(buttons(again)[0]!.id);
    expect(texts(confirm)).toMatch(/^Cancel /m);
    const vague = await c.text("hmm");
    expect(buttons(vague)).toEqual(buttons(confirm));
    const kept = await c.text("no");
    expect(texts(kept)).toMatch(/stays/);
  });

  it("forget me: anything but yes keeps the link", async () => {
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("my appointments");
    await c.shareOwnContact("0527654321");
    await c.text("forget me");
    await c.text("what?");
    expect(await w.app.identities.get(c.address)).not.toBeNull();
    await c.text("no");
    expect(await w.app.identities.get(c.address)).not.toBeNull();
  });
});
