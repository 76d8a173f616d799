import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUEUES } from "../../../jobs/queues.ts";
import type { Inbound, OutboundMessage } from "../../../src/core/messages.ts";
import { tor4youWebhookRoutes } from "../../../src/http/tor4you-webhook.ts";
import { signWebhook } from "../../../src/tor4you/signature.ts";
import { CELL, SITE, startPipeline, waitFor } from "../reminders/pipeline-world.ts";

// Issue 13 §5: a customer's lookup is one apptbycellortz, kept briefly for their next turns, and
// dropped when a webhook touches one of their appointments or the bot changes one.
const KEY = `whk-${SITE}`;
const A = "61001";
const B = "61002";
let p: Awaited<ReturnType<typeof startPipeline>>;
let lookups: string[];

beforeEach(async () => {
  lookups = [];
  p = await startPipeline({
    appointments: (now) =>
      [A, B].map((id, i) => {
        const from = now.plus({ days: 2 + i }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
        return { id, staff: "11", service: "21", customer: "900", from, to: from.plus({ minutes: 30 }) };
      }),
    fetch: (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes("/apptbycellortz")) lookups.push(url);
      return fetch(input, init);
    },
  });
});
afterEach(async () => {
  await p.stop();
});

const send = (message: Inbound) =>
  p.app.engine.handle({ id: randomUUID(), address: p.chat, message, languageHint: "en" });
const myAppointments = () => send({ type: "choice", id: "m.appointments" });
/** Appointment ids the answer offers to cancel. */
const listed = (out: OutboundMessage[]) =>
  out
    .flatMap((m) => (m.type === "choices" ? m.choices.map((c) => c.id) : []))
    .filter((id) => id.startsWith("a.x."));

/**
 * The business cancels A on Tor4You, and Tor4You's signed webhook about it reaches our route
 * (with the customer's cell, or without it as the reference allows). Returns the route's status.
 */
async function businessCancelsA(webhookId: string, opts: { withCell: boolean }) {
  const http = Fastify();
  await tor4youWebhookRoutes({
    sites: [{ id: SITE, webhookKey: KEY, timezone: "Asia/Jerusalem" }],
    record: p.jobs.recordWebhook,
    logger: pino({ level: "silent" }),
  })(http);
  try {
    const site = p.emulator.site(SITE);
    const a = site.appointments.get(A)!;
    p.emulator.bookings.cancel(site, a, "1");
    const res = await http.inject({
      method: "POST",
      url: `/webhooks/tor4you/${SITE}`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({
        id: webhookId,
        action: "3",
        apptid: A,
        From_date: a.from.toFormat("dd/MM/yyyy HH:mm:ss"),
        to_date: a.to.toFormat("dd/MM/yyyy HH:mm:ss"),
        ...(opts.withCell ? { customercell: CELL } : {}),
        updateby: "1",
        sh: signWebhook(webhookId, KEY),
      }),
    });
    return res.statusCode;
  } finally {
    await http.close();
  }
}

describe("a customer's own appointments, looked up once and kept briefly", () => {
  it("'my appointments' costs one apptbycellortz, and asking again right after costs none", async () => {
    const first = await myAppointments();
    expect(listed(first)).toEqual([`a.x.${A}`, `a.x.${B}`]);
    expect(lookups).toHaveLength(1);
    const again = await myAppointments();
    expect(listed(again)).toEqual([`a.x.${A}`, `a.x.${B}`]);
    expect(lookups).toHaveLength(1);
  });

  it("a webhook about one of their appointments drops the kept list: the business's cancel shows at once", async () => {
    await myAppointments();
    expect(await businessCancelsA("9101", { withCell: true })).toBe(200);
    const after = await myAppointments();
    expect(listed(after)).toEqual([`a.x.${B}`]);
    expect(lookups).toHaveLength(2);
  });

  it("a webhook without the customer's cell drops the kept list that holds its appointment", async () => {
    await myAppointments();
    p.jobs.startWorkers([QUEUES.sync]);
    expect(await businessCancelsA("9102", { withCell: false })).toBe(200);
    await waitFor(async () => (await p.jobs.queues.sync.getCompletedCount()) === 1);
    expect(listed(await myAppointments())).toEqual([`a.x.${B}`]);
  });

  it("the bot's own cancel drops it too: the list right after no longer has the appointment", async () => {
    await myAppointments();
    const ask = await send({ type: "choice", id: `a.x.${B}` });
    const yes = ask
      .flatMap((m) => (m.type === "choices" ? m.choices : []))
      .find((c) => c.id.endsWith(".yes."));
    expect(yes).toBeDefined();
    await send({ type: "choice", id: yes!.id });
    expect(p.emulator.site(SITE).appointments.get(B)!.status).toBe("0");
    const after = await myAppointments();
    expect(listed(after)).toEqual([`a.x.${A}`]);
  });
});
