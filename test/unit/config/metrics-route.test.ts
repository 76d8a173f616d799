import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/http/metrics.ts";
import { mergeExposition, metricsRoute } from "../../../src/http/metrics-route.ts";

describe("/metrics", () => {
  it("needs the admin token and exposes counters without personal labels", async () => {
    const metrics = createMetrics();
    metrics.skipped("318001", "opted_out");
    metrics.sent("318001", "telegram");
    const app = Fastify();
    await metricsRoute(metrics.registry, "a-long-admin-token-123")(app);
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: "/metrics", headers: { authorization: "Bearer nope" } })).statusCode,
    ).toBe(401);
    const ok = await app.inject({
      url: "/metrics",
      headers: { authorization: "Bearer a-long-admin-token-123" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('tor4you_bot_reminders_skipped_total{site="318001",reason="opted_out"} 1');
    expect(ok.body).toContain('tor4you_bot_reminders_sent_total{site="318001",channel="telegram"} 1');
  });

  it("does not exist without an admin token", async () => {
    const app = Fastify();
    await metricsRoute(createMetrics().registry, undefined)(app);
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(404);
  });

  it("appends BullMQ's exporter, each metric family described once", async () => {
    const queue = (name: string) =>
      `# HELP bullmq_job_count Number of jobs\n# TYPE bullmq_job_count gauge\nbullmq_job_count{queue="${name}", state="waiting"} 1\n`;
    const app = Fastify();
    await metricsRoute(createMetrics().registry, "a-long-admin-token-123", async () => [
      queue("a"),
      queue("b"),
    ])(app);
    const body = (
      await app.inject({ url: "/metrics", headers: { authorization: "Bearer a-long-admin-token-123" } })
    ).body;
    expect(body.match(/# TYPE bullmq_job_count gauge/g)).toHaveLength(1);
    expect(body).toContain('bullmq_job_count{queue="a", state="waiting"} 1');
    expect(body).toContain('bullmq_job_count{queue="b", state="waiting"} 1');
    expect(mergeExposition(["# TYPE x gauge\nx 1", "# TYPE x gauge\nx 2"])).toBe(
      "# TYPE x gauge\nx 1\nx 2\n",
    );
  });
});
