/**
 * Issue goal ("API economy"): over a business day our design (webhooks + an `lu`-cursor scan every
 * 10 minutes + apptinfo only where needed) makes at least 10× fewer Tor4You calls per reminder
 * sent than the naive poller of public Tor4You scripts (apptlist for today and tomorrow, no `lu`,
 * every 10 minutes).
 *
 * One business on the emulator, its clock frozen at 00:00 and moved 10 minutes per step; the
 * day's 144 scans are run directly. During opening hours the business creates, moves and cancels
 * appointments through the emulator's dashboard routes, with its webhooks pointed at our real
 * HTTP route. The real sync, reminder and Telegram-outbound workers run on the real Redis; the
 * Telegram send is a recorder. Calls are counted by the emulator's own usage meter.
 *
 *   npx tsx bench/api-economy.ts       (REDIS_URL, default redis://127.0.0.1:6379)
 */
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { demoSiteDefaults } from "../src/config/load.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../src/emulator/seed.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createHttpServer } from "../src/http/server.ts";
import { createApp } from "../src/roles/app.ts";
import { createBackground } from "../src/roles/background.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { listAppointments } from "../src/tor4you/apptlist-range.ts";
import { formatApiMinute } from "../src/tor4you/dates.ts";

const SITE = "710001";
const zone = "Asia/Jerusalem";
const DAY = DateTime.fromISO("2026-11-24T00:00", { zone }); // a Tuesday: both staff work 09:00–17:00
const STEPS = 144; // 24 h of 10-minute scans
/** The default REMINDER_OFFSETS (24h, 2h), as plain offsets: quiet hours are not what is measured. */
const OFFSETS = [1440, 120];
const SEEDED = 60; // 30 today (2h reminders today) + 30 tomorrow (24h reminders today)
const EVENTS = { create: 15, move: 10, cancel: 8 };

/** Reproducible "randomness", so every run scripts the same day. */
let state = 42;
const rand = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
/** A half-hour start in opening hours, today or tomorrow, at least an hour after `now`. */
const slotAfter = (now: DateTime) => {
  const free = [0, 1]
    .flatMap((d) => Array.from({ length: 16 }, (_, i) => DAY.plus({ days: d, hours: 9, minutes: 30 * i })))
    .filter((t) => t > now.plus({ hours: 1 }));
  return pick(free);
};

const cell = (i: number) => `0521${String(i).padStart(6, "0")}`;
const customers = Array.from({ length: SEEDED + EVENTS.create }, (_, i) => ({
  id: String(1000 + i),
  first: `C${i}`,
  last: "Bench",
  cell: cell(i),
}));
const seeded = Array.from({ length: SEEDED }, (_, i) => {
  const from = DAY.plus({ days: i < 30 ? 0 : 1, hours: 9, minutes: 30 * Math.floor((i % 30) / 2) });
  return {
    id: String(8000 + i),
    staff: i % 2 ? "12" : "11",
    service: "21",
    customer: String(1000 + i),
    from,
    to: from.plus({ minutes: 30 }),
  };
});

async function main() {
  const emulator = createEmulator({
    start: DAY,
    frozen: true,
    limits: { perMinute: 1e6, perDay: 1e7 },
    seed: buildSeed(buildSite(SITE, { customers, appointments: seeded })),
  });
  const apiUrl = await emulator.listen(0);
  const admin = apiUrl.replace(/\/api$/, "/__emulator");
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const logger = pino({ level: "silent" });
  // The site's own budget must not be what limits the day: raise it like the emulator's.
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ DEFAULT_LOCALE: "en" })).map((s) => ({
    ...s,
    tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 },
  }));
  const byEndpoint = new Map<string, number>();
  // Everything of ours runs on the emulator's clock, so "now" is the scripted day's.
  const app = createApp({
    sites,
    redis,
    logger,
    defaultLocale: "en",
    keyPrefix: prefix,
    now: () => emulator.clock.now(),
    // Our client's calls by endpoint, to show where they go (the total is the emulator's meter).
    fetch: (url, init) => {
      const endpoint = String(url).match(/\/api\/(\w+)/)?.[1] ?? "?";
      byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + 1);
      return fetch(url, init);
    },
  });
  const sent: string[] = [];
  const { jobs, webhookRoutes } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    telegram: {
      has: () => true,
      send: async (_site, _chatId, messages) => {
        sent.push(messages[0]?.text ?? "");
        return "sent";
      },
    },
    plans: {
      plan: (_site, appt: Appointment, now: DateTime) => ({
        desired: OFFSETS.map((offsetMin) => ({
          offsetMin,
          dueAt: appt.start.minus({ minutes: offsetMin }),
        })).filter((d) => appt.status === "live" && d.dueAt > now.minus({ seconds: 5 })),
        skipped: [],
      }),
      knownOffsets: () => OFFSETS,
    },
  });
  const http = await createHttpServer({ logger, readiness: [], plugins: [webhookRoutes] });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${admin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };

  try {
    const port = await http.listen({ port: 0, host: "127.0.0.1" }).then((a) => new URL(a).port);
    await post(`/sites/${SITE}/webhook`, { url: `http://127.0.0.1:${port}/webhooks/tor4you/${SITE}` });
    // Every customer has a linked Telegram chat, so every due reminder has somewhere to go.
    for (const c of customers) {
      await app.identities.link(
        { site: SITE, channel: "telegram", chatId: `5${c.id}` },
        { cell: c.cell, first: c.first, linkedAt: Date.now() },
      );
    }
    jobs.startWorkers(["tor4you-sync", "reminders", "telegram-outbound"]);
    const { sync, reminders, telegram } = jobs.queues;
    const busy = async () => {
      // In the order work flows (sync → reminders → outbound), so an empty pass means all done.
      for (const q of [sync, reminders, telegram]) {
        const c = await q.getJobCounts("waiting", "active", "prioritized");
        if (Object.values(c).some((n) => n > 0)) return true;
      }
      return false;
    };
    const settle = async () => {
      await emulator.webhooks.settled(); // delivered = recorded as sync jobs
      while (await busy()) await new Promise((r) => setTimeout(r, 10));
    };

    // The day's changes, spread over 08:00–19:00 (steps 48–113), one at most per step.
    const kinds = Object.entries(EVENTS).flatMap(([k, n]) => Array<string>(n).fill(k));
    const steps = new Map<number, string>();
    for (const k of kinds) {
      let s: number;
      do s = 48 + Math.floor(rand() * 66);
      while (steps.has(s));
      steps.set(s, k);
    }
    let created = 0;
    let scanCalls = 0;
    const site = emulator.site(SITE);
    for (let step = 0; step < STEPS; step++) {
      emulator.clock.set(DAY.plus({ minutes: 10 * step }));
      const now = emulator.clock.now();
      const future = [...site.appointments.values()].filter((a) => a.status === "1" && a.from > now);
      const kind = steps.get(step);
      // force: the business's own dashboard may book outside the rules; placement is not measured.
      if (kind === "create") {
        const from = slotAfter(now);
        await post(`/sites/${SITE}/appointments`, {
          staff: pick(["11", "12"]),
          service: "21",
          from: formatApiMinute(from),
          customerid: customers[SEEDED + created++]!.id,
          by: "widget",
          force: true,
        });
      } else if (kind === "move") {
        await post(`/sites/${SITE}/appointments/${pick(future).id}/move`, {
          from: formatApiMinute(slotAfter(now)),
          force: true,
        });
      } else if (kind === "cancel") {
        await post(`/sites/${SITE}/appointments/${pick(future).id}/cancel`, {});
      }
      await settle();
      scanCalls += (await jobs.runScan(SITE)).calls;
      // BullMQ delays run on the real clock; instead of waiting hours, reminders whose time has
      // come on the scripted clock are promoted, and the real workers take it from there.
      for (const j of await reminders.getDelayed()) {
        const due = DateTime.fromISO(j.data.plannedStart).minus({ minutes: j.data.offsetMin });
        if (due <= now) await j.promote();
      }
      await settle();
    }

    const ours = emulator.usage.snapshot(SITE).day;
    const apptinfo = byEndpoint.get("apptinfo") ?? 0; // webhook syncs + send-time checks
    // The rest: the names catalog (siteinfo, services, staff…) re-read when composing messages.
    // "Reminders sent" = reminders the recorder actually received (change notices not counted).
    const remindersSent = sent.filter((t) => t.startsWith("Reminder from")).length;
    const notices = sent.length - remindersSent;
    // The naive poller's cost per poll, measured: one listing of today+tomorrow, no `lu`, nothing
    // else. It sees the same appointments, so it is credited with the same reminders.
    const before = emulator.usage.snapshot(SITE).day;
    await listAppointments(app.clients.get(SITE)!, { from: DAY, to: DAY.plus({ days: 1 }), format: 2 });
    const perPoll = emulator.usage.snapshot(SITE).day - before;
    const naive = STEPS * perPoll;
    const ratio = naive / ours;
    const per = (n: number) => (n / remindersSent).toFixed(2);
    console.log(
      `api economy: ${SEEDED} appts + ${EVENTS.create} created, ${EVENTS.move} moved, ${EVENTS.cancel} cancelled; ` +
        `${remindersSent} reminders delivered (+${notices} change notices); ` +
        `ours ${ours} calls (${scanCalls} scan apptlist, ${apptinfo} apptinfo, ` +
        `${ours - scanCalls - apptinfo} catalog) = ${per(ours)}/reminder; ` +
        `naive ${naive} calls (${STEPS} polls × ${perPoll} apptlist) = ${per(naive)}/reminder; ` +
        `naive/ours ${ratio.toFixed(2)}× (goal ≥ 10×) ${ratio >= 10 ? "OK" : "MISSED"}`,
    );
    appendFileSync(
      join(import.meta.dirname, "RESULTS.md"),
      `| ${new Date().toISOString().slice(0, 16)} | api-economy | ours ${ours} calls, naive ${naive}, ${remindersSent} reminders: ${per(ours)} vs ${per(naive)} calls/reminder, naive/ours ${ratio.toFixed(2)}× | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
    );
  } finally {
    await jobs.close();
    await http.close();
    await emulator.close();
    await deleteKeysUnder(redis, prefix);
    await redis.quit();
  }
}

await main();
