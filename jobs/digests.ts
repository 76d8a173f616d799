import type { Job, Queue } from "bullmq";
import { DateTime } from "luxon";
import type { Logger } from "pino";
import type { StaffRole } from "../src/conversation/ports.ts";
import type { ChatAddress } from "../src/core/messages.ts";
import { inZone, zoneFor } from "../src/core/zones.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import type { AppointmentAccess } from "./appointments.ts";
import type { EnqueueOutbound, JobsDeps, JobsSite } from "./deps.ts";
import { type ScanPayload, scanPayload } from "./queues.ts";

/** The staff digests queue: per site at its local DIGEST_AT, tomorrow's (and today's) appointments to each staff chat. */
export function createDigestJobs(deps: {
  queue: Queue<ScanPayload>;
  sites: readonly JobsSite[];
  appointments: AppointmentAccess;
  staffChats: (site: string) => Promise<Array<{ address: ChatAddress; role: StaffRole }>>;
  composeDigest: JobsDeps["composeDigest"];
  chatRef: JobsDeps["chatRef"];
  enqueue: EnqueueOutbound;
  now: () => DateTime;
  logger: Logger;
}) {
  const log = deps.logger;

  /**
   * The evening digest of one site: one apptlist (format 2) for today and tomorrow, then one
   * message per linked staff chat, each in its own language and scope.
   */
  async function runDigest(siteId: string) {
    const s = deps.appointments.site(siteId)!;
    const nowMs = deps.now().toMillis();
    const at = s.sendAt?.(nowMs) ?? nowMs;
    if (at > nowMs) {
      // Quiet hours or Shabbat: compose it when they end, so its "today" and "tomorrow" are true then.
      const day = DateTime.fromMillis(at, { zone: zoneFor(s.timezone) }).toFormat("yyyyMMdd");
      await deps.queue.add(
        "digest",
        { site: siteId },
        {
          jobId: `digest-deferred-${siteId}-${day}`,
          delay: at - nowMs,
          removeOnComplete: { age: 7 * 24 * 3600 },
        },
      );
      log.info({ site: siteId, delayMs: at - nowMs }, "digest deferred past quiet time");
      return { deferred: true, staffChats: 0, appointments: 0, calls: 0 };
    }
    const today = inZone(deps.now(), s.timezone).startOf("day");
    const list = await deps.appointments
      .client(siteId)
      .apptlist({ from: today, to: today.plus({ days: 1 }), format: 2 });
    const appts = list.changed ? list.appointments : [];
    const isToday = (a: Appointment) => inZone(a.start, s.timezone).hasSame(today, "day");
    const data = { today: appts.filter(isToday), tomorrow: appts.filter((a) => !isToday(a)) };
    const chats = await deps.staffChats(siteId);
    let sent = 0;
    for (const { address, role } of chats) {
      const scope =
        role.kind === "owner"
          ? ({ kind: "owner" } as const)
          : ({ kind: "staff", staffId: role.staffId } as const);
      const messages = await deps.composeDigest?.(address, { scope, ...data });
      if (!messages?.length) continue;
      await deps.enqueue(
        address,
        { site: siteId, chatId: address.chatId, messages },
        `digest-${siteId}-${today.toFormat("yyyyMMdd")}-${deps.chatRef(address)}`,
      );
      sent++;
    }
    log.info({ site: siteId, staffChats: sent, appointments: appts.length, calls: 1 }, "digest done");
    return { deferred: false, staffChats: sent, appointments: appts.length, calls: 1 };
  }

  return {
    runDigest,
    process: async (job: Job) => runDigest(scanPayload.parse(job.data).site),
    /** The digest at DIGEST_AT per site: a cron pattern in the site's zone, so 19:00 stays 19:00 across DST. */
    async schedule() {
      for (const s of deps.sites) {
        if (!s.digestAt) continue;
        const m = s.digestAt.minutes;
        await deps.queue.upsertJobScheduler(
          `digest-${s.id}`,
          { pattern: `${m % 60} ${Math.floor(m / 60)} * * *`, tz: s.timezone },
          { name: "digest", data: { site: s.id } },
        );
      }
    },
  };
}
