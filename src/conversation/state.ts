import { z } from "zod";

/**
 * A chat's conversation state: explicit, versioned and serializable, kept in Redis with a TTL.
 * A state of another version (after an upgrade) is dropped rather than misread: the customer
 * only loses the question in progress.
 */
export const STATE_VERSION = 1;

const offeredTime = z.object({
  from: z.string(), // YYYYMMDDhhmm
  to: z.string(),
  staffId: z.string(),
  slotId: z.string().optional(),
  vfib: z.string().optional(),
  placesLeft: z.number().optional(),
  /** "Any staff member": others free at the same time, tried in turn if this one is taken meanwhile. */
  alts: z.array(z.string()).optional(),
});
export type OfferedTime = z.infer<typeof offeredTime>;

const bookFlow = z.object({
  name: z.literal("book"),
  token: z.string(),
  step: z.enum([
    "service",
    "branch",
    "staff",
    "date",
    "part",
    "time",
    "participants",
    "name",
    "tz",
    "confirm",
  ]),
  serviceId: z.string().optional(),
  branchId: z.string().optional(),
  /** A staff id, or "any". */
  staffId: z.string().optional(),
  dates: z.array(z.string()).optional(), // YYYYMMDD offered
  datePage: z.number().optional(),
  date: z.string().optional(),
  times: z.array(offeredTime).optional(),
  /** Morning, noon or evening: the times shown are that part of the day's. */
  part: z.enum(["morning", "noon", "evening"]).optional(),
  timePage: z.number().optional(),
  time: offeredTime.optional(),
  participants: z.number().optional(),
  first: z.string().optional(),
  last: z.string().optional(),
  tz: z.string().optional(),
  /** The ID number was asked for after Tor4You refused the booking with the time still free: one retry. */
  tzForRetry: z.boolean().optional(),
  /** The linked customer's Tor4You record was read at the booking's start (one lookup a booking). */
  recordRead: z.boolean().optional(),
  /** What the customer asked for in words ("tomorrow afternoon", "at 16:00"): days YYYYMMDD, a part of day, HH:MM. */
  want: z
    .object({
      from: z.string().optional(),
      to: z.string().optional(),
      part: z.enum(["morning", "noon", "afternoon", "evening"]).optional(),
      time: z.string().optional(),
    })
    .optional(),
  /** The customer typed "stop" or "cancel" mid-flow and was asked whether to stop. */
  stopAsked: z.boolean().optional(),
  /** Change time: the appointment this booking replaces, cancelled only once the new one exists. */
  replaces: z.object({ apptId: z.string(), conf: z.string() }).optional(),
});

const cancelFlow = z.object({
  name: z.literal("cancel"),
  token: z.string(),
  step: z.enum(["pick", "confirm"]),
  apptId: z.string().optional(),
  /** The customer declined a reminder: the self-service cut-off does not apply. */
  afterDecline: z.boolean().optional(),
  /** Picked from a list of several: "back" returns to it. */
  fromList: z.boolean().optional(),
  stopAsked: z.boolean().optional(),
});

const linkFlow = z.object({
  name: z.literal("link"),
  token: z.string(),
  /** What the customer asked for before we needed their phone; resumed once linked. */
  resume: z.enum(["appointments", "book", "cancel", "change", "stop", "start"]),
  /** The day, part of day and time a typed booking request named, for after the link. */
  slots: z
    .object({
      day: z.string().optional(),
      part: z.enum(["morning", "noon", "afternoon", "evening"]).optional(),
      time: z.string().optional(),
    })
    .optional(),
});

/** A reminder was sent to this chat: "yes", "no", "1", "2" answer it. */
const reminderFlow = z.object({ name: z.literal("reminder"), token: z.string(), apptId: z.string() });

/** "person": the next message goes to the staff as an alert. */
const simpleFlow = z.object({ name: z.enum(["language", "forget", "person"]), token: z.string() });

export const flowSchema = z.discriminatedUnion("name", [
  bookFlow,
  cancelFlow,
  linkFlow,
  reminderFlow,
  simpleFlow,
]);
export type Flow = z.infer<typeof flowSchema>;
export type BookFlow = z.infer<typeof bookFlow>;
export type CancelFlow = z.infer<typeof cancelFlow>;
export type LinkFlow = z.infer<typeof linkFlow>;
export type ReminderFlow = z.infer<typeof reminderFlow>;

export const stateSchema = z.object({
  v: z.literal(STATE_VERSION),
  flow: flowSchema.nullable(),
  /** Ids of the last choices shown, so "2" or a label typed on WhatsApp means the same as a tap. */
  lastChoices: z
    .array(z.object({ id: z.string(), label: z.string(), nav: z.boolean().optional() }))
    .default([]),
  /** Messages in a row the bot did not understand: at two, it offers a person. */
  misunderstood: z.number().optional(),
  /** The input that failed on a Tor4You error, replayed by "try again". */
  retry: z.object({ type: z.enum(["text", "choice"]), value: z.string() }).optional(),
  updatedAt: z.number(),
});
export type ConversationState = z.infer<typeof stateSchema>;

export function emptyState(now: number): ConversationState {
  return { v: STATE_VERSION, flow: null, lastChoices: [], updatedAt: now };
}

export function parseState(raw: unknown): ConversationState | null {
  const r = stateSchema.safeParse(raw);
  return r.success ? r.data : null;
}
