/**
 * Issue 13 goal ("fewer calls, without stale reminders"): over a business day our design (webhooks,
 * an `lu` scan every SCAN_EVERY_HEALTHY while they arrive and verify, send-time verification by one
 * `lu` scan a site a minute) makes at least 3× fewer Tor4You calls per reminder than the naive
 * poller of public Tor4You scripts (apptlist for today and tomorrow, no `lu`, every 10 minutes),
 * and sends no stale reminder (one for an appointment moved or cancelled at least a minute before
 * the send). Both sides' stale reminders are counted.
 *
 * One business on the emulator, its clock frozen at 00:00 and moved 10 minutes per step. At each
 * step the scan job's own logic runs (the scheduler fires every SCAN_EVERY; it scans only when due)
 * and reminders due by then are handed to the real workers; 3 minutes into the step, during opening
 * hours, the business creates, moves or cancels an appointment through the emulator's dashboard
 * routes, with its webhooks pointed at our real HTTP route. The real sync, reminder and
 * Telegram-outbound workers run on the real Redis; the Telegram send is a recorder. Calls are
 * counted by the emulator's own usage meter. The naive poller is simulated from the same day: at
 * each step it lists, and sends the reminders due before its next poll from that list.
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
import { TEST_APP_SECRET } from "../test/support/app-secret.ts";
import { emulatorAdmin } from "./emulator-admin.ts";

const SITE = "710001";
const zone = "Asia/Jerusalem";
/**
 * A Tuesday (both staff work 09:00–17:00) a month or more ahead of the real clock. The planner
 * stamps each reminder's BullMQ job with its own (here scripted) clock, so a scripted day in the
 * real past would make every reminder due the moment it is planned; in the real future they wait
 * until this script promotes them at their time.
 */
const DAY = (() => {
  const d = DateTime.now().setZone(zone).plus({ days: 30 }).startOf("day");
  return d.plus({ days: (2 - d.weekday + 7) % 7 });
})();
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
    appSecret: TEST_APP_SECRET,
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
  /** When each appointment was last moved or cancelled (emulator clock, ms). */
  const changedAt = new Map<string, number>();
  let oursStale = 0;
  const chatToCustomer = (chatId: string) => chatId.slice(1);
  const { jobs, webhookRoutes } = createBackground({
    sites,
    app,
    connection: redis,
    logger,
    metrics: createMetrics(),
    telegram: {
      has: () => true,
      send: async (_site, chatId, messages) => {
        const text = messages[0]?.text ?? "";
        sent.push(text);
        if (text.startsWith("Reminder from")) {
          // Stale: its appointment was moved or cancelled at least a minute before this send.
          const now = emulator.clock.now();
          const customer = chatToCustomer(chatId);
          const appt = [...emulator.site(SITE).appointments.values()].find((a) => a.customer === customer);
          const wrong = !appt || appt.status !== "1" || !text.includes(appt.from.toFormat("HH:mm"));
          const at = appt ? changedAt.get(appt.id) : undefined;
          if (wrong && at !== undefined && at <= now.toMillis() - 60_000) oursStale++;
        }
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
  const { post } = emulatorAdmin(apiUrl);

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
    let scans = 0;
    const site = emulator.site(SITE);
    // The naive poller, simulated: what its poll at each step saw, and what was true after the step's change.
    const state = () =>
      new Map([...site.appointments.values()].map((a) => [a.id, { live: a.status === "1", from: a.from }]));
    const naive = { sent: 0, stale: 0 };
    for (let step = 0; step < STEPS; step++) {
      emulator.clock.set(DAY.plus({ minutes: 10 * step }));
      const polled = state();
      const result = await jobs.scheduledScan(SITE);
      if ("calls" in result) {
        scanCalls += result.calls;
        scans++;
      }
      // BullMQ delays run on the real clock; instead of waiting hours, reminders whose time has
      // come on the scripted clock are promoted, and the real workers take it from there.
      const stepNow = emulator.clock.now();
      for (const j of await reminders.getDelayed()) {
        const due = DateTime.fromISO(j.data.plannedStart).minus({ minutes: j.data.offsetMin });
        if (due <= stepNow) await j.promote();
      }
      await settle();

      emulator.clock.set(DAY.plus({ minutes: 10 * step + 3 }));
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
        const a = pick(future);
        await post(`/sites/${SITE}/appointments/${a.id}/move`, {
          from: formatApiMinute(slotAfter(now)),
          force: true,
        });
        changedAt.set(a.id, now.toMillis());
      } else if (kind === "cancel") {
        const a = pick(future);
        await post(`/sites/${SITE}/appointments/${a.id}/cancel`, {});
        changedAt.set(a.id, now.toMillis());
      }
      await settle();

      // The naive poller sends, from its poll at this step, every reminder due before its next poll.
      const after = state();
      const next = stepNow.plus({ minutes: 10 });
      for (const [id, seen] of polled) {
        if (!seen.live) continue;
        for (const offsetMin of OFFSETS) {
          const due = seen.from.minus({ minutes: offsetMin });
          if (due <= stepNow || due > next) continue;
          naive.sent++;
          const truth = after.get(id);
          const at = changedAt.get(id);
          const wrong = !truth?.live || truth.from.toMillis() !== seen.from.toMillis();
          if (wrong && at !== undefined && at > stepNow.toMillis() && at <= due.toMillis() - 60_000)
            naive.stale++;
        }
      }
    }

    const ours = emulator.usage.snapshot(SITE).day;
    const apptinfo = byEndpoint.get("apptinfo") ?? 0; // webhook syncs + send-time checks
    // The rest: the names catalog (siteinfo, services, staff…) re-read when composing messages.
    // "Reminders sent" = reminders the recorder actually received (change notices not counted).
    const remindersSent = sent.filter((t) => t.startsWith("Reminder from")).length;
    const notices = sent.length - remindersSent;
    // The naive poller's cost per poll, measured: one listing of today+tomorrow, no `lu`, nothing
    // else. It sees the same appointments, so it is credited with the same reminders.
    const apptlist = byEndpoint.get("apptlist") ?? 0;
    const before = emulator.usage.snapshot(SITE).day;
    await listAppointments(app.clients.get(SITE)!, { from: DAY, to: DAY.plus({ days: 1 }), format: 2 });
    const perPoll = emulator.usage.snapshot(SITE).day - before;
    const naiveCalls = STEPS * perPoll;
    const oursPer = ours / remindersSent;
    const naivePer = naiveCalls / naive.sent;
    const ratio = naivePer / oursPer;
    const ok = ratio >= 3 && oursStale === 0;
    console.log(
      `api economy: ${SEEDED} appts + ${EVENTS.create} created, ${EVENTS.move} moved, ${EVENTS.cancel} cancelled; ` +
        `ours: ${remindersSent} reminders (+${notices} change notices), ${ours} calls ` +
        `(${apptlist} apptlist: ${scanCalls} in ${scans} scheduled scans, the rest send-time checks; ${apptinfo} apptinfo; ` +
        `${ours - apptlist - apptinfo} other) = ${oursPer.toFixed(2)}/reminder, ${oursStale} stale; ` +
        `naive: ${naive.sent} reminders, ${naiveCalls} calls (${STEPS} polls × ${perPoll} apptlist) = ${naivePer.toFixed(2)}/reminder, ${naive.stale} stale; ` +
        `calls per reminder naive/ours ${ratio.toFixed(2)}× (goal ≥ 3×, 0 stale) ${ok ? "OK" : "MISSED"}`,
    );
    appendFileSync(
      join(import.meta.dirname, "RESULTS.md"),
      `| ${new Date().toISOString().slice(0, 16)} | api-economy | ours ${ours} calls for ${remindersSent} reminders = ${oursPer.toFixed(2)}/reminder, ${oursStale} stale; naive ${naiveCalls} calls for ${naive.sent} = ${naivePer.toFixed(2)}/reminder, ${naive.stale} stale; naive/ours ${ratio.toFixed(2)}× (goal ≥ 3×, 0 stale: ${ok ? "met" : "missed"}) | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
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
