import type { DateTime } from "luxon";
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import {
  APPOINTMENT_STATUS_CODES,
  type AppointmentStatus,
  type Iscoming,
  type Showstatus,
} from "../domain/appointment.ts";
import { normalizeCell } from "../domain/phone.ts";
import { isZeroDate, parseApiTimestamp, TOR4YOU_ZONE } from "./dates.ts";
import { hexEquals, signWebhook } from "./signature.ts";

export type WebhookAction = "create" | "update" | "cancel" | "expire";

/** The booking widget's `updateby`: the customer acted on their own. */
export const UPDATEBY_CUSTOMER_WIDGET = "99";

/** One Tor4You webhook, normalized. Holds customer PII: never log it or put it in a job payload. */
export interface WebhookEvent {
  /** Tor4You's notification id: global, and the natural deduplication key. */
  notificationId: string;
  action: WebhookAction;
  appointmentId: string;
  status?: AppointmentStatus;
  start?: DateTime;
  end?: DateTime;
  staffId?: string;
  staffName?: string;
  serviceId?: string;
  serviceName?: string;
  customer: { id?: string; first?: string; last?: string; cell?: string };
  updateBy?: string;
  /** A temporary booking (awaiting payment) that expires at this time unless acted on. */
  tmpExpire?: DateTime;
  iscoming?: Iscoming;
  showstatus?: Showstatus;
}

/** A webhook body that is not what Tor4You sends. Carries no payload (it may hold PII). */
export class Tor4YouWebhookError extends AppError {
  constructor(
    code: "webhook_malformed" | "webhook_unsigned",
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }
}

const ACTIONS: Record<string, WebhookAction> = { "1": "create", "2": "update", "3": "cancel", "5": "expire" };

const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .optional()
  .catch(undefined);
const numericId = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d+$/));

/**
 * The notification's id: digits in every sample, but the reference only says "id of the webhook
 * notification". Any short token of letters, digits, "-" and "_" is taken (it becomes part of a
 * job id, where ":" is not allowed).
 */
export const NOTIFICATION_ID = /^[A-Za-z0-9_-]{1,80}$/;
const notificationId = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(NOTIFICATION_ID));

const bodySchema = z.looseObject({
  id: notificationId,
  action: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  apptid: numericId,
  apptstatus: text,
  customerid: text,
  from_date: text,
  to_date: text,
  staff: text,
  staffname: text,
  service: text,
  servicename: text,
  customercell: text,
  customerfirst: text,
  customerlast: text,
  updateby: text,
  tmp_expire_date: text,
  iscoming: text,
  showstatus: text,
  sh: text,
});

const blankToUndefined = (s: string | undefined) =>
  s === undefined || s === "" || s === "0" ? undefined : s;
const zeroToTwo = (s: string | undefined): 0 | 1 | 2 | undefined =>
  s === "0" || s === "1" || s === "2" ? (Number(s) as 0 | 1 | 2) : undefined;

/** dd/mm/YYYY HH:MM:SS as documented, or any other form Tor4You writes dates in elsewhere. */
function dateField(value: string | undefined, field: string, zone: string): DateTime | undefined {
  if (!value || isZeroDate(value)) return undefined;
  try {
    return parseApiTimestamp(value, zone, field);
  } catch {
    throw new Tor4YouWebhookError("webhook_malformed", `${field} is not a dd/mm/YYYY HH:MM:SS date`, field);
  }
}

/**
 * Keys in any letter case: the documented `From_date` already breaks the lower-case rule, so
 * `from_date` or `From_Date` may come too. The first spelling of a key wins.
 */
function lowerKeys(body: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!(k.toLowerCase() in out)) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Parses a webhook body (already JSON-decoded) into a WebhookEvent. Liberal where the wire is
 * loose (numbers or strings, padded names, escaped slashes, an unusable cell), strict where acting
 * on a wrong value would do harm (ids, the action, the dates of a create or update).
 */
export function parseWebhook(body: unknown, zone = TOR4YOU_ZONE): WebhookEvent {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new Tor4YouWebhookError("webhook_malformed", "webhook body is not a JSON object");
  }
  const parsed = bodySchema.safeParse(lowerKeys(body));
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "body");
    throw new Tor4YouWebhookError(
      "webhook_malformed",
      `webhook field ${field} is missing or not valid`,
      field,
    );
  }
  const b = parsed.data;
  const action = ACTIONS[b.action];
  if (!action)
    throw new Tor4YouWebhookError(
      "webhook_malformed",
      `webhook action "${b.action}" is not 1, 2, 3 or 5`,
      "action",
    );

  const start = dateField(b.from_date, "From_date", zone);
  const end = dateField(b.to_date, "to_date", zone);
  if ((action === "create" || action === "update") && (!start || !end)) {
    throw new Tor4YouWebhookError(
      "webhook_malformed",
      "a create or update webhook needs From_date and to_date",
      "From_date",
    );
  }
  let cell: string | undefined;
  try {
    cell = b.customercell ? normalizeCell(b.customercell) : undefined;
  } catch {
    cell = undefined; // a landline or a typo in the business's data: keep the event, lose only the cell.
  }

  return {
    notificationId: b.id,
    action,
    appointmentId: b.apptid,
    status: b.apptstatus !== undefined ? APPOINTMENT_STATUS_CODES[b.apptstatus] : undefined,
    start,
    end,
    staffId: blankToUndefined(b.staff),
    staffName: b.staffname || undefined,
    serviceId: blankToUndefined(b.service),
    serviceName: b.servicename || undefined,
    customer: {
      id: blankToUndefined(b.customerid),
      first: b.customerfirst || undefined,
      last: b.customerlast || undefined,
      cell,
    },
    updateBy: b.updateby || undefined,
    tmpExpire: expiry(b.tmp_expire_date, start, zone),
    iscoming: zeroToTwo(b.iscoming) as Iscoming | undefined,
    showstatus: zeroToTwo(b.showstatus) as Showstatus | undefined,
  };
}

/**
 * `tmp_expire_date`: set only on a temporary booking. Its presence is what matters (such a booking
 * gets no reminder): a value we cannot read still marks the booking temporary, as the API reader does.
 */
function expiry(value: string | undefined, start: DateTime | undefined, zone: string): DateTime | undefined {
  try {
    return dateField(value, "tmp_expire_date", zone);
  } catch {
    return start;
  }
}

/**
 * True when the body's `sh` is sha256(id + webhookKey), compared in constant time. A body without
 * an id or sh is simply not verified.
 */
export function verifyWebhook(body: unknown, webhookKey: string): boolean {
  if (!webhookKey || !body || typeof body !== "object") return false;
  const { id, sh } = body as { id?: unknown; sh?: unknown };
  if ((typeof id !== "string" && typeof id !== "number") || typeof sh !== "string") return false;
  return hexEquals(sh, signWebhook(String(id).trim(), webhookKey));
}

/**
 * Verify, then parse: what an HTTP handler calls. Throws `webhook_unsigned` (answer 401) or
 * `webhook_malformed` (answer 200 and record: Tor4You would retry a 4xx for a day and then switch
 * the webhook off, and retrying cannot fix its body).
 */
export function readWebhook(body: unknown, webhookKey: string, zone = TOR4YOU_ZONE): WebhookEvent {
  if (!verifyWebhook(body, webhookKey)) {
    throw new Tor4YouWebhookError("webhook_unsigned", "webhook signature (sh) does not verify");
  }
  return parseWebhook(body, zone);
}
