import { afterEach, describe, expect, it } from "vitest";
import { DEMO_BARBER_SITEID } from "../../../src/emulator/seed-demo.ts";
import { startWorld, texts } from "./world.ts";

const DAVID = "0527654321";
type World = Awaited<ReturnType<typeof startWorld>>;
let w: World;
afterEach(async () => {
  await w?.stop();
});

/** David's chat, linked, with his appointment's reminder just delivered. */
async function reminded(env: Record<string, string> = {}) {
  w = await startWorld({ env });
  const c = w.chat(DEMO_BARBER_SITEID);
  await c.text("my appointments");
  await c.shareOwnContact(DAVID, "דוד", "אברהם");
  const [appt] = await w.app.clients
    .get(DEMO_BARBER_SITEID)!
    .apptbycellortz({ cell: DAVID, showFuture: true });
  const out = (await w.app.engine.prepareReminder(c.address, appt!))!;
  c.transcript.push(out);
  const stored = () => w.emulator.site(DEMO_BARBER_SITEID).appointments.get(appt!.id)!;
  return { c, appt: appt!, out, stored };
}

describe("a contact card shared in a linked chat while a reminder waits", () => {
  it("someone else's card is not used, starts no linking, and the typed answer still answers the reminder", async () => {
    const { c, stored } = await reminded();
    const out = await c.send({ type: "contact", phone: "0501112233", own: false, first: "נועה" });
    expect(texts(out)).toMatch(/already uses your own number/);
    expect(out.some((m) => m.type === "requestPhone")).toBe(false);
    expect(texts(await c.text("yes"))).toMatch(/noted that you're coming/);
    expect(stored().iscoming).toBe("1");
  });

  it("the customer's own card again changes nothing, and the answer still counts", async () => {
    const { c, stored } = await reminded();
    const out = await c.send({ type: "contact", phone: DAVID, own: true });
    expect(texts(out)).toMatch(/already uses your own number/);
    expect(texts(await c.text("כן"))).toMatch(/אושרה/);
    expect(stored().iscoming).toBe("1");
  });
});

describe("a day and time typed alone", () => {
  it("while a reminder waits, it asks about the reminder instead of starting a second booking", async () => {
    const { c, stored } = await reminded();
    const out = await c.text("Thursday at 11:00");
    expect(out[0]?.type === "choices" && out[0].choices.map((x) => x.label)).toEqual([
      "Yes, I'm coming",
      "No, I can't come",
      "Change time",
    ]);
    expect(stored().iscoming).toBe("0");
  });

  it("in a chat at rest, it starts a booking", async () => {
    w = await startWorld();
    const c = w.chat(DEMO_BARBER_SITEID);
    await c.text("my appointments");
    await c.shareOwnContact(DAVID, "דוד", "אברהם");
    const out = await c.text("Thursday at 11:00");
    expect(texts(out)).toMatch(/Which service would you like/);
  });
});

describe("replies to a reminder", () => {
  it("shows business, service, staff and local time with three answers", async () => {
    const { out } = await reminded();
    expect(texts(out)).toMatch(
      /מספרת הדקל: תספורת גברים with יוסי כהן, Tuesday 24\.11 \(tomorrow\) at 09:00/,
    );
    expect(out[0]?.type === "choices" && out[0].choices.map((c) => c.label)).toEqual([
      "Yes, I'm coming",
      "No, I can't come",
      "Change time",
    ]);
  });

  it.each([
    ["כן", /ההגעה שלך .* אושרה/],
    ["yes", /noted that you're coming/],
    ["да", /Отметили, что вы придёте/],
    ["نعم", /تم تأكيد الحضور/],
    ["1", /noted that you're coming/],
  ])("'%s' sets iscoming=1 once and confirms, in the language it was typed in", async (answer, reply) => {
    const { c, stored } = await reminded();
    const out = await c.text(answer);
    expect(texts(out)).toMatch(reply);
    expect(stored().iscoming).toBe("1");
    const calls = stored().history.length;
    await c.send({ type: "choice", id: `a.c.${stored().id}` });
    expect(stored().history.length).toBe(calls); // already confirmed: no second iscoming call
  });

  it("a decline inside the cut-off records iscoming=2 and offers cancel or keep (no 'change time': too late); cancel ignores the cut-off", async () => {
    const { c, stored } = await reminded({ CANCEL_CUTOFF: "48h" });
    const out = await c.text("I won't make it");
    expect(stored().iscoming).toBe("2");
    expect(out[0]?.type === "choices" && out[0].choices.map((x) => x.label)).toEqual([
      "Cancel it",
      "Keep it",
    ]);
    await c.tapLabel("Cancel it");
    const done = await c.tapLabel("Yes, cancel it");
    expect(texts(done)).toMatch(/is cancelled/);
    expect(stored().status).toBe("0");
  });

  it("a decline then 'keep it' leaves the appointment", async () => {
    const { c, stored } = await reminded();
    await c.tapLabel("No, I can't come");
    expect(texts(await c.tapLabel("Keep it"))).toMatch(/stays/);
    expect(stored().status).toBe("1");
  });

  it("a reply after the business moved the appointment changes nothing and says where it went", async () => {
    const { c, stored, appt } = await reminded();
    const root = w.emulator.baseUrl!.replace(/\/api$/, "");
    const res = await fetch(`${root}/__emulator/sites/${DEMO_BARBER_SITEID}/appointments/${appt.id}/move`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "202611251100", to: "202611251130" }),
    });
    expect(res.status).toBe(200);
    const out = await c.tapLabel("Yes, I'm coming");
    expect(texts(out)).toMatch(/moved to Wednesday 25\.11 at 11:00/);
    expect(stored().iscoming).toBe("0");
  });

  it("a reply after a cancel changes nothing and says so", async () => {
    const { c, stored, appt } = await reminded();
    const root = w.emulator.baseUrl!.replace(/\/api$/, "");
    await fetch(`${root}/__emulator/sites/${DEMO_BARBER_SITEID}/appointments/${appt.id}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const out = await c.text("yes");
    expect(texts(out)).toMatch(/has been cancelled/);
    expect(stored().iscoming).toBe("0");
  });
});
