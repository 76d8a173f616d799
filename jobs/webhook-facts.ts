import type { Appointment } from "../src/domain/appointment.ts";
import { formatApiMinute, parseApiMinute } from "../src/tor4you/dates.ts";
import type { WebhookEvent } from "../src/tor4you/webhook.ts";
import type { WebhookFacts } from "./queues.ts";

/**
 * The non-personal facts of a webhook, when they are enough to act on: a known status (a cancel or
 * expire action is one), and for a live appointment its times and service. Otherwise undefined,
 * and the sync worker reads the appointment from Tor4You instead.
 */
export function factsOf(e: WebhookEvent, zone: string): WebhookFacts | undefined {
  const status =
    e.status ?? (e.action === "cancel" ? "cancelled" : e.action === "expire" ? "expired" : undefined);
  if (!status || status === "unknown") return undefined;
  if (status === "live" && (!e.start || !e.end || !e.serviceId)) return undefined;
  const f: WebhookFacts = { status };
  if (e.start) f.start = formatApiMinute(e.start, zone);
  if (e.end) f.end = formatApiMinute(e.end, zone);
  if (e.iscoming !== undefined) f.iscoming = e.iscoming;
  if (e.tmpExpire) f.tmpExpire = formatApiMinute(e.tmpExpire, zone);
  if (e.serviceId && /^\d+$/.test(e.serviceId)) f.serviceId = e.serviceId;
  if (e.staffId && /^\d+$/.test(e.staffId)) f.staffId = e.staffId;
  return f;
}

/**
 * The appointment as the webhook says it is now: its facts over what was last listed (names, the
 * customer's cell). Without an earlier listing only the facts are known; that is enough to plan,
 * and the send-time scan lists it in full before any reminder goes out.
 */
export function applyFacts(
  apptId: string,
  f: WebhookFacts,
  base: Appointment | null,
  zone: string,
): Appointment | null {
  const start = f.start ? parseApiMinute(f.start, zone) : base?.start;
  const end = f.end ? parseApiMinute(f.end, zone) : base?.end;
  if (!start || !end) return null;
  const merged: Appointment = {
    ...(base ?? { id: apptId, iscoming: 0, showstatus: 0, customer: {} }),
    id: apptId,
    status: f.status,
    start,
    end,
    iscoming: f.iscoming ?? base?.iscoming ?? 0,
  };
  if (f.tmpExpire) merged.tmpExpire = parseApiMinute(f.tmpExpire, zone);
  else delete merged.tmpExpire;
  if (f.serviceId && f.serviceId !== base?.serviceId) {
    merged.serviceId = f.serviceId;
    delete merged.serviceName;
  }
  if (f.staffId && f.staffId !== base?.staffId) {
    merged.staffId = f.staffId;
    delete merged.staffName;
  }
  return merged;
}
