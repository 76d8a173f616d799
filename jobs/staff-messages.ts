import type { Job, Queue } from "bullmq";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { AlertKind } from "../src/config/types.ts";
import type { StaffEvent, StaffRole } from "../src/conversation/ports.ts";
import type { ChatAddress, OutboundMessage } from "../src/core/messages.ts";
import { inZone } from "../src/core/zones.ts";
import { composeStaffAlert, composeUnconfirmed, type StaffFormat } from "../src/digests/alerts.ts";
import type { Appointment } from "../src/domain/appointment.ts";
import type { Escalations } from "../src/storage/activity-log.ts";
import type { AppointmentSeen } from "../src/storage/appointment-marks.ts";
import type { Tor4YouClient } from "../src/tor4you/client.ts";
import { formatApiMinute, parseApiMinute } from "../src/tor4you/dates.ts";
import { type AlertPayload, alertPayload, type OutboundRequest, scanPayload } from "./queues.ts";

export interface StaffSite {
  id: string;
  timezone: string;
  alerts: { kinds: readonly AlertKind[]; urgent: readonly AlertKind[] };
  /** CONFIRM_DEADLINE in ms, or null when off. */
  confirmDeadlineMs: number | null;
  /** The first instant at or after `nowMs` outside the site's quiet hours and Shabbat. */
  sendAt: (nowMs: number) => number;
}

export interface StaffMessagesDeps {
  queue: Queue;
  /** How a job id names a chat: an HMAC, never the chat id. */
  chatRef: (address: ChatAddress) => string;
  sites: readonly StaffSite[];
  client: (site: string) => Tor4YouClient;
  fetchAppointment: (site: string, apptId: string) => Promise<Appointment | null>;
  staffChats: (site: string) => Promise<Array<{ address: ChatAddress; role: StaffRole }>>;
  compose: (
    address: ChatAddress,
    build: (f: StaffFormat) => OutboundMessage[],
  ) => Promise<OutboundMessage[] | null>;
  enqueue: (address: ChatAddress, request: OutboundRequest, jobId: string, delayMs: number) => Promise<void>;
  escalations: Escalations;
  seen: AppointmentSeen;
  now: () => DateTime;
  logger: Logger;
}

const sees = (role: StaffRole, appt: Appointment) => role.kind === "owner" || role.staffId === appt.staffId;

/**
 * What staff hear between digests: real-time alerts about what customers did through the bot,
 * and the CONFIRM_DEADLINE list of appointments nobody answered for. Both respect the site's
 * quiet hours unless the site marks that kind urgent; a deferred message waits as a delayed job.
 */
export function createStaffMessages(deps: StaffMessagesDeps) {
  const log = deps.logger.child({ mod: "staff-messages" });
  const site = (id: string) => deps.sites.find((s) => s.id === id);

  function delayFor(s: StaffSite, kind: AlertKind) {
    const now = deps.now().toMillis();
    return s.alerts.urgent.includes(kind) ? 0 : Math.max(0, s.sendAt(now) - now);
  }

  /** From the conversation: a customer's change; a job when the site wants this alert. */
  async function report(siteId: string, e: StaffEvent) {
    const s = site(siteId);
    if (!s?.alerts.kinds.includes(e.kind)) return;
    const payload: AlertPayload = {
      site: siteId,
      kind: e.kind,
      apptId: e.apptId,
      previousStart: e.previousStart ? formatApiMinute(e.previousStart, s.timezone) : undefined,
    };
    await deps.queue.add("alert", payload, {
      jobId: `alert-${siteId}-${e.kind}-${e.apptId}`,
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  async function runAlert(p: AlertPayload) {
    const s = site(p.site);
    if (!s) return { skipped: "unknown_site" };
    const appt = await deps.fetchAppointment(p.site, p.apptId);
    if (!appt) return { skipped: "gone" };
    const previousStart = p.previousStart ? parseApiMinute(p.previousStart, s.timezone) : undefined;
    const delayMs = delayFor(s, p.kind);
    let chats = 0;
    for (const { address, role } of await deps.staffChats(p.site)) {
      if (!sees(role, appt)) continue;
      const messages = await deps.compose(address, (f) =>
        composeStaffAlert(f, {
          kind: p.kind,
          appt,
          previousStart,
          withStaff: role.kind === "owner",
        }),
      );
      if (!messages?.length) continue;
      await deps.enqueue(
        address,
        { site: p.site, chatId: address.chatId, messages },
        `alert-${p.site}-${p.kind}-${p.apptId}-${deps.chatRef(address)}`,
        delayMs,
      );
      chats++;
    }
    log.info({ site: p.site, kind: p.kind, apptId: p.apptId, chats, delayMs }, "staff alert");
    return { chats, delayMs };
  }

  /**
   * CONFIRM_DEADLINE before their start, appointments still without an answer are listed to their
   * staff member and the owners, with a number to call. One apptlist per run; each appointment is
   * listed once per start time. Appointments the bot learned of only inside the deadline are left
   * out: they were booked too late for anyone to have answered.
   */
  async function runEscalation(siteId: string) {
    const s = site(siteId);
    if (!s?.confirmDeadlineMs) return { skipped: "off" };
    const now = inZone(deps.now(), s.timezone);
    // Not urgent: quiet time holds the check itself, and the list goes out when it ends.
    if (delayFor(s, "unconfirmed") > 0) return { skipped: "quiet" };
    const until = now.plus({ milliseconds: s.confirmDeadlineMs });
    const list = await deps.client(siteId).apptlist({
      from: now.startOf("day"),
      // Whole days: the filter below draws the exact line.
      to: until.endOf("day"),
      format: 2,
    });
    const due: Appointment[] = [];
    for (const a of list.changed ? list.appointments : []) {
      if (
        a.status !== "live" ||
        a.isLozamin ||
        a.tmpExpire ||
        a.iscoming !== 0 ||
        a.start <= now ||
        a.start > until
      )
        continue;
      const seen = await deps.seen.get(siteId, a.id);
      if (!seen?.firstSeenMs || seen.firstSeenMs > a.start.toMillis() - s.confirmDeadlineMs) continue;
      if (await deps.escalations.firstTime(siteId, a.id, formatApiMinute(a.start, s.timezone))) due.push(a);
    }
    let chats = 0;
    if (due.length) {
      for (const { address, role } of await deps.staffChats(siteId)) {
        const theirs = due.filter((a) => sees(role, a));
        if (!theirs.length) continue;
        const messages = await deps.compose(address, (f) =>
          composeUnconfirmed(f, theirs, role.kind === "owner"),
        );
        if (!messages?.length) continue;
        await deps.enqueue(
          address,
          { site: siteId, chatId: address.chatId, messages },
          `unconfirmed-${siteId}-${now.toFormat("yyyyMMddHHmm")}-${deps.chatRef(address)}`,
          0,
        );
        chats++;
      }
    }
    log.info({ site: siteId, unanswered: due.length, chats, calls: 1 }, "unanswered check");
    return { unanswered: due.length, chats, calls: 1 };
  }

  return {
    report,
    runAlert,
    runEscalation,
    process: async (job: Job) =>
      job.name === "escalate"
        ? runEscalation(scanPayload.parse(job.data).site)
        : runAlert(alertPayload.parse(job.data)),
    /** Per site with CONFIRM_DEADLINE: a check every 10 minutes (a job scheduler). */
    async schedule() {
      for (const s of deps.sites) {
        if (s.confirmDeadlineMs)
          await deps.queue.upsertJobScheduler(
            `escalate-${s.id}`,
            { every: 10 * 60_000 },
            { name: "escalate", data: { site: s.id } },
          );
        else await deps.queue.removeJobScheduler(`escalate-${s.id}`);
      }
    },
  };
}
export type StaffMessages = ReturnType<typeof createStaffMessages>;
