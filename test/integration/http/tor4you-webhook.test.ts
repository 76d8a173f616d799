import Fastify, { type FastifyInstance } from "fastify";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tor4youWebhookRoutes } from "../../../src/http/tor4you-webhook.ts";
import { signWebhook } from "../../../src/tor4you/signature.ts";
import { SITE, startPipeline } from "../reminders/pipeline-world.ts";

const KEY = `whk-${SITE}`;
let p: Awaited<ReturnType<typeof startPipeline>>;
let http: FastifyInstance;
const outcomes: string[] = [];

beforeEach(async () => {
  p = await startPipeline({ appointments: () => [] });
  http = Fastify();
  await tor4youWebhookRoutes({
    sites: [{ id: SITE, webhookKey: KEY, timezone: "Asia/Jerusalem" }],
    record: p.jobs.recordWebhook,
    logger: pino({ level: "silent" }),
    count: (o) => outcomes.push(o),
  })(http);
  outcomes.length = 0;
});
afterEach(async () => {
  await http.close();
  await p.stop();
});

const body = (id: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    action: "1",
    apptid: "8001",
    From_date: "24/11/2026 10:00:00",
    to_date: "24/11/2026 10:30:00",
    customercell: "0527777777",
    updateby: "99",
    sh: signWebhook(id, KEY),
    ...over,
  });
const post = (payload: string, url = `/webhooks/tor4you/${SITE}`, type = "application/json") =>
  http.inject({ method: "POST", url, payload, headers: { "content-type": type } });

describe("POST /webhooks/tor4you", () => {
  it("records a signed webhook once per notification id and answers 200", async () => {
    const a = await post(body("5001"));
    expect(a.statusCode).toBe(200);
    expect((await post(body("5001"))).statusCode).toBe(200); // Tor4You's retry of the same notification
    expect((await post(body("5002"), "/webhooks/tor4you", "text/plain")).statusCode).toBe(200); // single-site path, any content type
    const jobs = await p.jobs.queues.sync.getJobs(["waiting", "delayed", "active", "completed"]);
    expect(jobs.map((j) => j.id).sort()).toEqual(["wh-5001", "wh-5002"]);
    // the job carries ids only: no phone, no name
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toContain("0527777777");
  });

  it("reads a body that starts with a byte-order mark (a 400 would make Tor4You retry, then switch the webhook off)", async () => {
    expect((await post(`\uFEFF${body("5004")}`)).statusCode).toBe(200);
    const jobs = await p.jobs.queues.sync.getJobs(["waiting", "delayed", "active", "completed"]);
    expect(jobs.map((j) => j.id)).toEqual(["wh-5004"]);
  });

  it("refuses a wrong signature with 401 and records nothing", async () => {
    const res = await post(body("5003", { sh: "0".repeat(64) }));
    expect(res.statusCode).toBe(401);
    expect(await p.jobs.queues.sync.count()).toBe(0);
    expect(outcomes).toEqual(["unsigned"]);
  });

  it("answers a body that is not JSON with 400", async () => {
    expect((await post("id=1&action=1")).statusCode).toBe(400);
    expect(await p.jobs.queues.sync.count()).toBe(0);
  });

  it("acknowledges a signed but unusable body (so Tor4You stops retrying) and records nothing", async () => {
    const res = await post(body("5004", { action: "9" }));
    expect(res.statusCode).toBe(200);
    expect(await p.jobs.queues.sync.count()).toBe(0);
    expect(outcomes).toEqual(["malformed"]);
  });

  it("answers 404 for a site it does not serve", async () => {
    expect((await post(body("5005"), "/webhooks/tor4you/999999")).statusCode).toBe(404);
  });
});
