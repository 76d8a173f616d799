import { type Inbound, numbersShown } from "../core/messages.ts";
import { isCell, normalizeCell } from "../domain/phone.ts";
import type { Locale } from "../i18n/translator.ts";
import { apptChoice, menuChoice, parseChoice } from "./choice-ids.ts";
import { choices, done, type StepContext, type StepResult, text } from "./context.ts";
import { answerReminder, askAboutReminder } from "./flows/answer.ts";
import { listAppointments, shortLabel, upcoming } from "./flows/appointments.ts";
import { bookStep, startBook } from "./flows/book.ts";
import { cancelStep, startCancel } from "./flows/cancel.ts";
import { askStop, controlStep, isStoppable } from "./flows/flow-control.ts";
import { linkContact, linkText, startLink } from "./flows/link.ts";
import { fallback, help, languagePicker, menuMessage, outOfDate, welcome } from "./flows/menu.ts";
import { personMessage, talkToPerson } from "./flows/person.ts";
import { cancelOwn, confirmComing, currentOwn, decline } from "./flows/reminder.ts";
import { forgetStep, setLanguage, setReminders, startForget } from "./flows/settings.ts";
import { linkStaff, markAttendance, STAFF_CODE } from "./flows/staff.ts";
import {
  bookFromWaitlist,
  declineOffer,
  joinWaitlist,
  leaveWaitlist,
  waitlistCards,
} from "./flows/waitlist.ts";
import { type Intent, matchIntent, matchLanguageName } from "./intents.ts";
import { pickFromText } from "./pick-choice.ts";
import type { PersonRequestSink, StaffDirectory } from "./ports.ts";
import type { ConversationState, Flow } from "./state.ts";
import { reminderReading, type Slots, type Understanding, understand } from "./understanding/understand.ts";

export interface RouterDeps {
  translate: (locale: Locale, id: string) => string;
  staff?: StaffDirectory;
  /** Where "talk to a person" sends the customer's words (the staff chats). */
  person?: PersonRequestSink;
}

const COMMANDS: Record<string, Intent> = {
  appointments: "appointments",
  book: "book",
  cancel: "cancel",
  change: "change",
  language: "language",
  stop: "stop",
  help: "help",
  forget: "forget",
};

/** Picks the step for one inbound message given the chat's state. The only place that dispatches. */
export async function route(
  state: ConversationState,
  message: Inbound,
  ctx: StepContext,
  deps: RouterDeps,
): Promise<StepResult> {
  switch (message.type) {
    case "command":
      if (
        message.name === "start" &&
        deps.staff &&
        message.payload &&
        STAFF_CODE.test(message.payload.trim())
      ) {
        return linkStaff(ctx, deps.staff, message.payload);
      }
      if (message.name === "start") return welcome(ctx);
      return runIntent(COMMANDS[message.name] ?? "help", ctx, deps);
    case "contact":
      // Linked already: a card shared now (a spouse's, to book for them) must not start linking
      // over the question in progress, a reminder's among them. Only the customer's own new
      // number (a changed phone, vouched for by the channel) links again.
      if (ctx.identity && state.flow?.name !== "link" && !(message.own && isNewNumber(message.phone, ctx)))
        return alreadyLinked(state, ctx);
      return linkContact(state.flow?.name === "link" ? state.flow : null, message, ctx);
    case "choice":
      return routeChoice(state, message.id, ctx, deps);
    case "text":
      return routeText(state, message.text, ctx, deps);
    case "media":
      return textOnly(state, ctx);
  }
}

async function routeChoice(state: ConversationState, id: string, ctx: StepContext, deps: RouterDeps) {
  const c = parseChoice(id);
  switch (c.kind) {
    case "menu":
      return runIntent(c.intent as Intent, ctx, deps);
    case "language":
      return setLanguage(ctx, c.locale, deps.translate);
    case "attendance":
      return markAttendance(ctx, c.apptId, c.came);
    case "waitlist":
      if (!ctx.identity) return startLink(ctx, "appointments");
      if (c.verb === "j") return joinWaitlist(ctx, c.args);
      if (c.verb === "x") return leaveWaitlist(ctx, c.args[0] ?? "");
      if (c.verb === "b") return bookFromWaitlist(ctx, c.args[0] ?? "", c.args[1] ?? "");
      return declineOffer(ctx);
    case "appt": {
      if (!ctx.identity) return startLink(ctx, "appointments");
      if (c.verb === "c") return confirmComing(ctx, c.apptId, c.start);
      if (c.verb === "d") return decline(ctx, c.apptId, c.start);
      if (c.verb === "x") return cancelOwn(ctx, c.apptId);
      const r = await currentOwn(ctx, c.apptId, c.start);
      return "stale" in r ? r.stale : startBook(ctx, r.appt);
    }
    case "flow": {
      const flow = state.flow;
      if (!flow || flow.token !== c.token) return outOfDate(ctx);
      const control = await controlStep(flow, c.action, ctx);
      if (control) return control;
      // An answer to "stop booking?" is due first: nothing else of the flow acts meanwhile.
      if (isStoppable(flow) && flow.stopAsked) return reask(state, ctx);
      return (await flowStep(flow, { action: c.action, arg: c.arg }, ctx)) ?? reask(state, ctx);
    }
    default:
      return outOfDate(ctx);
  }
}

/** Answers, not requests: inside another question they are that question's answer. */
const ANSWERS = new Set<Intent>(["yes", "no", "unsure", "late", "question"]);
/** Requests that stand even while a reminder waits for its answer. */
const OVER_REMINDER = new Set<Intent>([
  "stop",
  "start",
  "language",
  "human",
  "forget",
  "book",
  "back",
  "keep",
]);

async function routeText(state: ConversationState, input: string, ctx: StepContext, deps: RouterDeps) {
  // A number or a label typed for one of the last choices (WhatsApp has no buttons) is that choice.
  let read: Understanding | undefined;
  const understood = () => (read ??= understand(input));
  const picked = pickFromText(state.lastChoices, input, numbersShown(ctx.address.channel), understood);
  if (picked) return routeChoice(state, picked, ctx, deps);

  const u = understood();
  const flow = state.flow;
  // A day or time alone answers the question in progress, if any; only in a chat at rest is it a booking.
  const intent: Intent | null =
    u.onlyWhen && (flow || ctx.pending.length > 0) ? null : (u.intent ?? matchIntent(input));
  if (flow?.name === "person") return personMessage(ctx, deps.person, input);
  if (isStoppable(flow)) {
    if (flow.stopAsked) {
      // "Stop booking?": yes stops, no goes on; anything else asks again.
      if (intent === "yes" || intent === "stop" || intent === "cancel")
        return (await controlStep(flow, "stop", ctx))!;
      if (intent === "no" || intent === "back") return (await controlStep(flow, "cont", ctx))!;
      return reask(state, ctx);
    }
    // A word for stop (or, while booking, for cancel) mid-flow is about this flow, not a new one.
    if (intent === "stop" || (intent === "cancel" && flow.name === "book")) return askStop(ctx, flow);
    if (intent === "back") return (await controlStep(flow, "back", ctx))!;
  }
  if (flow?.name === "link") {
    return intent && !ANSWERS.has(intent) ? runIntent(intent, ctx, deps, u.slots) : linkText(flow, ctx);
  }
  if (flow?.name === "book" && (flow.step === "name" || flow.step === "tz")) {
    if (!intent || ANSWERS.has(intent)) return (await bookStep(flow, { text: input }, ctx))!;
  }

  if (deps.staff && STAFF_CODE.test(input.trim())) return linkStaff(ctx, deps.staff, input);

  const language = matchLanguageName(input) ?? (intent === "language" ? u.slots.lang : undefined);
  if (language) return setLanguage(ctx, language, deps.translate);

  // A yes or no inside another question (confirm a booking, a cancel, forget me) answers it.
  // Only a clear one: these questions book, cancel or forget, so noise with a 👍 in it asks again.
  if (flow && flow.name !== "reminder" && (u.answer === "yes" || u.answer === "no") && u.confidence >= 0.5) {
    const stepped = await flowStep(flow, { action: u.answer, arg: "" }, ctx);
    if (stepped) return stepped;
  }

  // A reminder waits for its answer until the appointment starts, whatever was said in between.
  const pending = ctx.pending.length
    ? ctx.pending
    : flow?.name === "reminder"
      ? [{ apptId: flow.apptId, startMs: Number.NaN }]
      : u.answer === "late" && !flow
        ? await startingSoon(ctx)
        : [];
  const reading = reminderReading(u);
  if (pending.length > 0 && ctx.identity && (!flow || flow.name === "reminder")) {
    if (reading && !(intent && OVER_REMINDER.has(intent))) return answerReminder(ctx, pending, reading, u);
    if (!intent) return askAboutReminder(ctx, pending);
  }

  if (intent === "back" && flow) return (await controlStep(flow, "back", ctx)) ?? done(menuMessage(ctx));
  // "I want to talk to someone about…": the words go to the staff as they are.
  if (intent === "human") return talkToPerson(ctx, deps.person, input);
  if (intent && !(ANSWERS.has(intent) && flow)) return runIntent(intent, ctx, deps, u.slots);
  return notUnderstood(state, ctx);
}

/** A voice note, picture or sticker: the bot reads text only; the question in progress stays. */
function textOnly(state: ConversationState, ctx: StepContext): StepResult {
  const lead = ctx.t("media-text-only");
  if (!state.flow) return done(menuMessage(ctx, lead));
  if (state.lastChoices.length > 0) return { flow: state.flow, out: [choices(lead, state.lastChoices)] };
  const again = reask(state, ctx);
  return { ...again, out: [text(lead), ...again.out] };
}

/**
 * Input the bot did not understand: the question again (or the menu). The second time in a row,
 * a person is offered instead, since going round the same menu helps nobody.
 */
function notUnderstood(state: ConversationState, ctx: StepContext): StepResult {
  const count = (state.misunderstood ?? 0) + 1;
  if (count >= 2) return { ...offerPerson(ctx, state), misunderstood: count };
  return { ...(state.flow ? reask(state, ctx) : fallback(ctx)), misunderstood: count };
}

function offerPerson(ctx: StepContext, state: ConversationState): StepResult {
  return {
    flow: state.flow,
    out: [
      choices(ctx.t("person-offer"), [
        { id: menuChoice("human"), label: ctx.t("menu-person") },
        ...(state.flow ? state.lastChoices : [{ id: menuChoice("menu"), label: ctx.t("back-to-menu") }]),
      ]),
    ],
  };
}

/** "Running late" with no reminder open: about the customer's appointment in the next few hours. */
async function startingSoon(ctx: StepContext) {
  const soon = ctx.now.plus({ hours: 6 });
  return (await upcoming(ctx))
    .filter((a) => a.start <= soon)
    .map((a) => ({ apptId: a.id, startMs: a.start.toMillis() }));
}

async function flowStep(flow: Flow, input: { action: string; arg: string }, ctx: StepContext) {
  switch (flow.name) {
    case "book":
      return bookStep(flow, input, ctx);
    case "cancel":
      return cancelStep(flow, input, ctx);
    case "forget":
      return forgetStep(input.action, ctx);
    case "reminder":
      if (input.action === "yes") return confirmComing(ctx, flow.apptId);
      if (input.action === "no") return decline(ctx, flow.apptId);
      return null;
    default:
      return null;
  }
}

/** A contact's number is a cell other than the one this chat is linked to. */
function isNewNumber(phone: string, ctx: StepContext): boolean {
  return isCell(phone) && normalizeCell(phone) !== ctx.identity?.cell;
}

/** A contact shared in a linked chat: not used, and the question in progress stays open. */
function alreadyLinked(state: ConversationState, ctx: StepContext): StepResult {
  const lead = text(ctx.t("link-already"));
  if (state.lastChoices.length > 0) return { flow: state.flow, out: [lead, ...reask(state, ctx).out] };
  return { flow: state.flow, out: [lead] };
}

/** Input that does not fit the question: ask it again, keeping the flow. */
function reask(state: ConversationState, ctx: StepContext): StepResult {
  if (state.lastChoices.length > 0)
    return { flow: state.flow, out: [choices(ctx.t("reask"), state.lastChoices)] };
  if (state.flow?.name === "book" && state.flow.step === "name")
    return { flow: state.flow, out: [text(ctx.t("book-name"))] };
  if (state.flow?.name === "book" && state.flow.step === "tz")
    return { flow: state.flow, out: [text(ctx.t("book-tz"))] };
  return fallback(ctx);
}

export async function runIntent(
  intent: Intent,
  ctx: StepContext,
  deps: RouterDeps,
  slots: Slots = {},
): Promise<StepResult> {
  switch (intent) {
    case "appointments":
    case "book":
    case "cancel":
    case "change":
      if (!ctx.identity) return startLink(ctx, intent, slots);
      if (intent === "appointments") {
        const listed = await listAppointments(ctx);
        return { ...listed, out: [...listed.out, ...(await waitlistCards(ctx))] };
      }
      if (intent === "book") return startBook(ctx, undefined, slots);
      if (intent === "cancel") return startCancel(ctx);
      return startChange(ctx);
    case "language":
      return languagePicker(ctx);
    case "stop":
      return setReminders(ctx, false);
    case "start":
      return setReminders(ctx, true);
    case "forget":
      return startForget(ctx);
    case "help":
      return help(ctx);
    case "keep":
      return done(text(ctx.t("declined-kept")));
    case "human":
      return talkToPerson(ctx, deps.person);
    default:
      void deps;
      return done(menuMessage(ctx));
  }
}

async function startChange(ctx: StepContext): Promise<StepResult> {
  const list = await upcoming(ctx);
  if (list.length === 0) return done(text(ctx.t("appts-none")));
  if (list.length === 1) return startBook(ctx, list[0]!);
  return done(
    choices(
      ctx.t("change-pick"),
      list.slice(0, 10).map((a) => ({ id: apptChoice("m", a.id), label: shortLabel(ctx, a) })),
    ),
  );
}
