import type { FluentVariable } from "@fluent/bundle";
import type { DateTime } from "luxon";
import type { Logger } from "pino";
import type { CalendarFiles } from "../calendar/calendar-files.ts";
import {
  type ChatAddress,
  type Choice,
  type Inbound,
  type InboundEvent,
  numbersShown,
  type OutboundMessage,
} from "../core/messages.ts";
import type { StaffFormat } from "../digests/alerts.ts";
import { composeDigest, type DigestInput } from "../digests/compose.ts";
import type { Appointment } from "../domain/appointment.ts";
import { isCell, normalizeCell } from "../domain/phone.ts";
import { isLocale, type Locale, type Translator } from "../i18n/translator.ts";
import { Tor4YouError } from "../tor4you/errors.ts";
import type { Catalog, CatalogCache } from "./catalog.ts";
import { menuChoice } from "./choice-ids.ts";
import { choices, type StepContext, type StepResult } from "./context.ts";
import { callable } from "./flows/navigation.ts";
import { changeNotice, reminderMessage } from "./flows/reminder.ts";
import { waitlistOffer } from "./flows/waitlist.ts";
import { matchIntent, matchLanguageName, normalizeText } from "./intents.ts";
import { LookupChangedError, type LookupStore, withOwnLookups } from "./own-lookups.ts";
import { pickFromText } from "./pick-choice.ts";
import type {
  BookingApi,
  ChatLock,
  ConversationStore,
  HandoffPort,
  Identity,
  IdentityStore,
  InboundDedupe,
  OptOutStore,
  PendingReminder,
  PendingReminderStore,
  PersonRequestSink,
  Preferences,
  SitePolicy,
  StaffDirectory,
  StaffEventSink,
  TurnLimiter,
  TurnOpener,
} from "./ports.ts";
import { route, runIntent } from "./router.ts";
import { type ConversationState, emptyState } from "./state.ts";
import { foldCharacters, scriptOf } from "./understanding/normalize.ts";
import { understand } from "./understanding/understand.ts";
import type { FreedTime, WaitlistEntry, WaitlistPort } from "./waitlist-port.ts";

const MAX_TEXT = 4096;

export interface ConversationDeps {
  sites: (site: string) => { policy: SitePolicy; api: BookingApi } | undefined;
  catalog: CatalogCache;
  identities: IdentityStore;
  /** "Stop" per site and phone. */
  optOuts: OptOutStore;
  /** Turns per chat: one chat cannot take the site's Tor4You budget from everyone else. */
  turns?: TurnLimiter;
  conversations: ConversationStore;
  lock: ChatLock;
  dedupe: InboundDedupe;
  /** Opens and closes a turn in one round trip each; without it, the stores above one by one. */
  opener?: TurnOpener;
  translator: Translator;
  /** Reminders a chat may answer by typing until the appointment starts; without it, only the last one. */
  pendingReminders?: PendingReminderStore;
  /** Staff chats (linking codes, roles); without it the engine serves customers only. */
  staff?: StaffDirectory;
  /** Where customers' declines, cancellations, bookings and moves are reported. */
  staffEvents?: StaffEventSink;
  /** "Talk to a person": the customer's words to the staff chats. */
  personRequests?: PersonRequestSink;
  /** Calendar files (.ics) with confirmations, reminders, moves and cancellations; none without it. */
  calendar?: Pick<CalendarFiles, "file">;
  /** The in-chat waitlist; none without it. */
  waitlist?: WaitlistPort;
  /** Chats a person at the business took over (WhatsApp): no replies there meanwhile. */
  handoff?: HandoffPort;
  /** A customer's appointment list kept between turns; without it, one lookup per turn at most. */
  lookups?: LookupStore;
  now: () => DateTime;
  logger: Logger;
}

export const RETRY_CHOICE = menuChoice("retry");

export type ConversationEngine = ReturnType<typeof createConversationEngine>;

/**
 * The one conversation engine for every channel. A turn: drop repeated deliveries, take the
 * chat's lock, load state, run one step, apply its effects, save state, return what to send.
 * Tor4You failures become a short apology with "try again", and the state before the turn stays.
 */
export function createConversationEngine(deps: ConversationDeps) {
  async function handle(event: InboundEvent): Promise<OutboundMessage[]> {
    const { address } = event;
    if (deps.opener) return handleOpened(event, deps.opener);
    if (!(await deps.dedupe.firstSeen(address, event.id))) return [];
    // A person at the business is talking in this chat: the bot says nothing, not even that.
    if (await deps.handoff?.isPaused(address)) return paused(address);
    const admitted = deps.turns ? await deps.turns.take(address) : "ok";
    if (admitted !== "ok") return limited(event, admitted);
    return deps.lock.withLock(address, () => turn(event));
  }

  /** The same steps as `handle`, with the turn's opening reads and its closing writes batched. */
  async function handleOpened(event: InboundEvent, opener: TurnOpener): Promise<OutboundMessage[]> {
    const { address } = event;
    const opened = await opener.open(address, event.id, deps.now().toMillis());
    if (opened.kind === "seen") return [];
    if (opened.kind === "paused") return paused(address);
    if (opened.kind === "limited") return limited(event, opened.admitted);
    // Another turn of this chat is running: wait for it, then load what it saved.
    if (opened.kind === "busy") return deps.lock.withLock(address, () => turn(event));
    let toSave: ConversationState | undefined;
    try {
      return await turn(event, {
        ...opened,
        save: async (state) => {
          toSave = state;
        },
      });
    } finally {
      await opener.close(address, opened.token, toSave);
    }
  }

  function paused(address: ChatAddress): OutboundMessage[] {
    deps.logger.info(
      { site: address.site, channel: address.channel },
      "chat taken over by the business: no reply",
    );
    return [];
  }

  function limited(event: InboundEvent, admitted: "warn" | "drop"): OutboundMessage[] {
    const { address } = event;
    deps.logger.info({ site: address.site, channel: address.channel, admitted }, "chat over its turn limit");
    if (admitted === "drop") return [];
    const site = deps.sites(address.site);
    const locale = pickLocale(undefined, event.languageHint, site?.policy.locale ?? "");
    return [{ type: "text", text: deps.translator.t(locale, "turn-limited") }];
  }

  /** A person at the business wrote in this chat: quiet there for the site's HANDOFF_PAUSE. */
  async function businessWrote(address: ChatAddress): Promise<void> {
    const site = deps.sites(address.site);
    if (!site || !deps.handoff) return;
    const ms = site.policy.handoffPauseMs ?? 12 * 3600_000;
    await deps.handoff.pause(address, ms, deps.now().toMillis());
    // The question in progress is theirs now; an old button must not act later.
    await deps.conversations.clear(address);
    deps.logger.info(
      { site: address.site, channel: address.channel, pauseMs: ms },
      "chat handed over to the business",
    );
  }

  /** What the turn's opening read, and where its state goes (saved when the turn closes). */
  interface Preloaded {
    state: ConversationState | null;
    identity: Identity | null;
    prefs: Preferences;
    pending: PendingReminder[];
    staffLink: string | null;
    save: (state: ConversationState) => Promise<void>;
  }

  async function turn(event: InboundEvent, preloaded?: Preloaded): Promise<OutboundMessage[]> {
    const { address } = event;
    const save = preloaded?.save ?? ((state: ConversationState) => deps.conversations.save(address, state));
    const site = deps.sites(address.site);
    if (!site) {
      deps.logger.warn(
        { site: address.site, channel: address.channel },
        "message for an unknown site dropped",
      );
      return [];
    }
    const now = deps.now();
    const log = deps.logger.child({ site: address.site, channel: address.channel });
    const state =
      (preloaded ? preloaded.state : await deps.conversations.load(address)) ?? emptyState(now.toMillis());
    let identity = preloaded ? preloaded.identity : await deps.identities.get(address);
    const prefs = preloaded ? preloaded.prefs : await deps.identities.preferences(address);

    // A channel that vouches for the sender's number (WhatsApp @c.us) links without asking.
    if (!identity && event.verifiedPhone && isCell(event.verifiedPhone)) {
      identity = { cell: normalizeCell(event.verifiedPhone), ...event.senderName, linkedAt: now.toMillis() };
      await deps.identities.link(address, identity);
    }

    let message: Inbound = event.message;
    // No request needs more than Telegram's 4,096 characters; a WhatsApp text may be 65,536, and
    // reading all of it costs every other chat its turn.
    if (message.type === "text" && message.text.length > MAX_TEXT)
      message = { type: "text", text: message.text.slice(0, MAX_TEXT) };
    // "Try again" typed (its number on WhatsApp, or in words) is the button.
    if (message.type === "text" && state.retry && asksRetry(state, message.text, address))
      message = { type: "choice", id: RETRY_CHOICE };
    if (message.type === "choice" && message.id === RETRY_CHOICE && state.retry) {
      message =
        state.retry.type === "choice"
          ? { type: "choice", id: state.retry.value }
          : { type: "text", text: state.retry.value };
    }

    // The language the customer types in decides the reply language until they choose one.
    const typed = message.type === "text" ? scriptOf(message.text) : null;
    const locale = pickLocale(
      prefs.locale,
      typed ?? event.languageHint ?? prefs.hintLocale,
      site.policy.locale,
    );
    const pending =
      (deps.pendingReminders && preloaded
        ? preloaded.pending
        : await deps.pendingReminders?.open(address, now.toMillis())) ?? [];
    // Writing to us again means the chat is reachable again (they unblocked the bot).
    if (prefs.unreachable) await deps.identities.setPreferences(address, { unreachable: false });
    // Remember the language the customer writes in, for messages they did not ask for (reminders).
    if (!prefs.locale && locale !== prefs.hintLocale)
      await deps.identities.setPreferences(address, { hintLocale: locale });
    // The staff link read with the turn's opening serves its first context only: a code redeemed
    // in this turn changes it.
    let staffLink = preloaded ? preloaded.staffLink : undefined;
    const makeCtx = (id: Identity | null, loc: Locale): Promise<StepContext> => {
      const linked = staffLink;
      staffLink = undefined;
      return buildContext({
        address,
        site,
        identity: id,
        prefs,
        pending,
        locale: loc,
        now,
        senderName: event.senderName,
        staffLink: linked,
      });
    };
    let ctx = await makeCtx(identity, locale).catch(() => null);
    // Tor4You is down: stop, start, language, help, "forget me" and "talk to a person" still work.
    if (!ctx && needsNoTor4You(message, state))
      ctx = await buildContext({
        address,
        site,
        identity,
        prefs,
        pending,
        locale,
        now,
        senderName: event.senderName,
        offline: true,
      });

    let result: StepResult;
    try {
      if (!ctx) throw new CatalogUnavailable();
      const routeDeps = {
        translate: (l: Locale, id: string) => deps.translator.t(l, id),
        staff: deps.staff,
        person: deps.personRequests,
      };
      try {
        result = await route(state, message, ctx, routeDeps);
      } catch (e) {
        if (!(e instanceof LookupChangedError)) throw e;
        // Nothing was changed yet: the same turn again, on the customer's appointments as they are now.
        ctx = await makeCtx(identity, locale);
        result = await route(state, message, ctx, routeDeps);
      }
      if (result.effects?.some((e) => e.type === "forget")) {
        await deps.identities.forget(address);
        return result.out;
      }
      const apply = async (effects: StepResult["effects"]) => {
        for (const effect of effects ?? []) {
          if (effect.type === "link") {
            identity = effect.identity;
            await deps.identities.link(address, identity);
          } else if (effect.type === "prefs") {
            await deps.identities.setPreferences(address, effect.patch);
          } else if (effect.type === "optOut" && identity) {
            await deps.optOuts.set(address.site, identity.cell, effect.stopped);
          }
        }
      };
      await apply(result.effects);
      if (result.continueWith) {
        ctx = await makeCtx(identity, locale);
        const next = await runIntent(
          result.continueWith,
          ctx,
          { translate: (l, id) => deps.translator.t(l, id), person: deps.personRequests },
          result.continueSlots,
        );
        await apply(next.effects);
        result = { ...next, out: [...result.out, ...next.out] };
      }
    } catch (e) {
      if (!(e instanceof Tor4YouError) && !(e instanceof CatalogUnavailable)) throw e;
      log.warn(
        { code: e instanceof Tor4YouError ? e.code : "catalog_unavailable" },
        "turn failed on Tor4You",
      );
      const t = (id: string) => deps.translator.t(locale, id);
      const replay =
        message.type === "choice"
          ? { type: "choice" as const, value: message.id }
          : message.type === "text"
            ? { type: "text" as const, value: message.text }
            : undefined;
      // A dead end: the business's phone (as configured: Tor4You's is out of reach) and the menu.
      const phone = site.policy.phone ? callable(site.policy.phone) : undefined;
      // A write that may have been done without our hearing of it must not be called "nothing changed".
      const what =
        e instanceof Tor4YouError && e.outcomeUnknown ? "error-outcome-unknown" : "error-booking-system";
      const lead = phone ? `${t(what)}\n${deps.translator.t(locale, "call-business", { phone })}` : t(what);
      const out = withTypedHint(
        [
          choices(lead, [
            { id: RETRY_CHOICE, label: t("retry") },
            { id: menuChoice("menu"), label: t("back-to-menu"), nav: true },
          ]),
        ],
        t,
      );
      await save({
        ...state,
        retry: replay,
        lastChoices: allChoices(out),
        updatedAt: now.toMillis(),
      });
      return out;
    }

    const out = withTypedHint(result.out, (id) => deps.translator.t(locale, id));
    const next: ConversationState = {
      ...emptyState(now.toMillis()),
      flow: result.flow,
      lastChoices: allChoices(out),
      misunderstood: result.misunderstood,
    };
    await save(next);
    return out;
  }

  async function buildContext(p: {
    address: ChatAddress;
    site: { policy: SitePolicy; api: BookingApi };
    identity: Identity | null;
    prefs: Awaited<ReturnType<IdentityStore["preferences"]>>;
    pending?: readonly PendingReminder[];
    locale: Locale;
    now: DateTime;
    senderName?: { first?: string; last?: string };
    /** Reminders and notices about an appointment that carries its names need no catalog (five calls). */
    withoutCatalog?: boolean;
    /** Tor4You cannot be reached: what needs no Tor4You still works (stop, language, help…). */
    offline?: boolean;
    /** The chat's staff-list entry already read with the turn (undefined: read it). */
    staffLink?: string | null;
  }): Promise<StepContext> {
    const policy = p.site.policy;
    // A deployment configured without a business name greets with Tor4You's (siteinfo), not the site id.
    const unnamed = policy.name === policy.id;
    // Reminders and notices take the catalog only when it is already read (its address and phone).
    const known = () => deps.catalog.peek?.(p.address.site)?.catch(() => NO_CATALOG) ?? NO_CATALOG;
    const catalog = p.offline
      ? NO_CATALOG
      : p.withoutCatalog && !unnamed
        ? await known()
        : await deps.catalog.get(p.address.site, p.site.api);
    const name = unnamed && catalog.info.name?.trim() ? catalog.info.name.trim() : policy.name;
    return {
      address: p.address,
      site: { ...policy, name },
      api: p.identity
        ? withOwnLookups(p.site.api, {
            site: p.address.site,
            cell: p.identity.cell,
            zone: policy.timezone,
            now: p.now,
            store: deps.lookups,
          })
        : p.site.api,
      catalog,
      identity: p.identity,
      staffRole: deps.staff ? await deps.staff.roleOf(p.address, p.staffLink) : null,
      prefs: p.prefs,
      pending: p.pending ?? [],
      locale: p.locale,
      now: p.now,
      senderName: p.senderName,
      ...wording(p.locale, p.site.policy.timezone),
      // To a customer, dates as people say them ("tomorrow", no year when it is this one).
      when: (dt: DateTime) => deps.translator.formatDateTime(p.locale, dt, p.site.policy.timezone, p.now),
      waitlist: deps.waitlist,
      calendarFile: async (appt, opts = {}) => {
        if (!deps.calendar) return [];
        try {
          const file = await deps.calendar.file({
            site: p.address.site,
            business: p.site.policy.name,
            zone: p.site.policy.timezone,
            appt,
            ...opts,
            t: (id, args) => deps.translator.t(p.locale, id, args),
          });
          return file ? [file] : [];
        } catch (e) {
          // The appointment itself is fine; only its calendar file is missing from this message.
          deps.logger.warn({ site: p.address.site, err: (e as Error).message }, "calendar file not made");
          return [];
        }
      },
      report: async (event) => {
        try {
          await deps.staffEvents?.(p.address.site, event);
        } catch (e) {
          // The customer's change is done in Tor4You; a lost alert must not turn it into an error.
          deps.logger.warn(
            { site: p.address.site, kind: event.kind, err: (e as Error).message },
            "staff event lost",
          );
        }
      },
    };
  }

  function pickLocale(saved: string | undefined, hint: string | undefined, siteLocale: string): Locale {
    if (isLocale(saved)) return saved;
    if (hint) {
      const negotiated = deps.translator.negotiate(hint);
      if (negotiated !== deps.translator.defaultLocale || hint.toLowerCase().startsWith(negotiated))
        return negotiated;
    }
    return isLocale(siteLocale) ? siteLocale : deps.translator.defaultLocale;
  }

  /**
   * Composes a reminder for a linked chat and makes it the chat's open question, so a typed
   * "yes", "לא" or "2" answers it. Returns null for an unknown site.
   */
  async function prepareReminder(address: ChatAddress, appt: Appointment): Promise<OutboundMessage[] | null> {
    const out = await prepare(
      address,
      (ctx) => withCalendar(ctx, reminderMessage(ctx, appt), appt),
      Boolean(appt.serviceName?.trim()),
    );
    if (out)
      await deps.pendingReminders?.add(
        address,
        { apptId: appt.id, startMs: appt.start.toMillis() },
        deps.now().toMillis(),
      );
    return out;
  }

  /** A change the business made, told to a linked chat; a move can be answered like a reminder. */
  async function prepareNotice(
    address: ChatAddress,
    appt: Appointment,
    kind: "moved" | "cancelled",
    previousStart?: DateTime,
  ): Promise<OutboundMessage[] | null> {
    const out = await prepare(
      address,
      (ctx) => withCalendar(ctx, changeNotice(ctx, appt, kind, previousStart), appt, kind === "cancelled"),
      Boolean(appt.serviceName?.trim()),
    );
    // A moved appointment can be answered like a reminder, at its new time; a cancelled one cannot.
    if (out && kind === "moved")
      await deps.pendingReminders?.add(
        address,
        { apptId: appt.id, startMs: appt.start.toMillis() },
        deps.now().toMillis(),
      );
    else if (out) await deps.pendingReminders?.remove(address, appt.id);
    return out;
  }

  /** A freed time offered to one waiting customer, in their chat's language. */
  async function prepareWaitlistOffer(
    address: ChatAddress,
    freed: FreedTime,
    entry: WaitlistEntry,
  ): Promise<OutboundMessage[] | null> {
    return prepare(address, (ctx) => waitlistOffer(ctx, freed, entry));
  }

  /** How a staff chat is written to: its language (chosen, or its client's), the site's zone. */
  async function staffFormat(address: ChatAddress) {
    const site = deps.sites(address.site);
    if (!site) return null;
    const prefs = await deps.identities.preferences(address);
    return wording(pickLocale(prefs.locale, prefs.hintLocale, site.policy.locale), site.policy.timezone);
  }

  /** Texts in a chat's language, dates and times in the site's zone: customers' and staff's alike. */
  function wording(
    locale: Locale,
    zone: string,
  ): StaffFormat & Pick<StepContext, "t" | "day" | "time" | "when"> {
    const tr = deps.translator;
    return {
      t: (id: string, args?: Record<string, FluentVariable>) => tr.t(locale, id, args),
      day: (dt: DateTime) => tr.formatDay(locale, dt, zone),
      time: (dt: DateTime) => tr.formatTime(dt, zone),
      when: (dt: DateTime) => tr.formatDateTime(locale, dt, zone),
    };
  }

  /** A staff digest in the staff chat's language (no conversation state: its buttons carry ids). */
  async function prepareDigest(
    address: ChatAddress,
    data: { scope: DigestInput["scope"]; today: Appointment[]; tomorrow: Appointment[] },
  ): Promise<OutboundMessage[] | null> {
    const f = await staffFormat(address);
    return f && composeDigest({ ...data, now: deps.now(), ...f });
  }

  /** Any other staff message (alerts, the unanswered list), worded for that chat. */
  async function prepareStaffMessage(
    address: ChatAddress,
    compose: (f: StaffFormat) => OutboundMessage[],
  ): Promise<OutboundMessage[] | null> {
    const f = await staffFormat(address);
    return f && compose(f);
  }

  async function prepare(
    address: ChatAddress,
    make: (ctx: StepContext) => StepResult | Promise<StepResult>,
    withoutCatalog = false,
  ): Promise<OutboundMessage[] | null> {
    const site = deps.sites(address.site);
    if (!site) return null;
    return deps.lock.withLock(address, async () => {
      const now = deps.now();
      const identity = await deps.identities.get(address);
      const prefs = await deps.identities.preferences(address);
      const locale = pickLocale(prefs.locale, prefs.hintLocale, site.policy.locale);
      const ctx = await buildContext({ address, site, identity, prefs, locale, now, withoutCatalog });
      const result = await make(ctx);
      const out = withTypedHint(result.out, ctx.t);
      const lastChoices = allChoices(out);
      if (result.flow) {
        await deps.conversations.save(address, {
          ...emptyState(now.toMillis()),
          flow: result.flow,
          lastChoices,
        });
      } else if (lastChoices.length > 0) {
        // The numbers the customer now sees are this message's; a question in progress stays.
        const current = (await deps.conversations.load(address)) ?? emptyState(now.toMillis());
        await deps.conversations.save(address, { ...current, lastChoices, updatedAt: now.toMillis() });
      }
      return out;
    });
  }

  return {
    handle,
    businessWrote,
    prepareWaitlistOffer,
    prepareReminder,
    prepareNotice,
    prepareDigest,
    prepareStaffMessage,
  };
}

/** A message about an appointment, followed by the appointment as a calendar file. */
async function withCalendar(
  ctx: StepContext,
  result: StepResult,
  appt: Appointment,
  cancelled = false,
): Promise<StepResult> {
  return { ...result, out: [...result.out, ...(await ctx.calendarFile(appt, { cancelled }))] };
}

/**
 * Every choice of an answer, in order: on WhatsApp one list numbered across all its messages (an
 * appointment list is several cards), so "4" is the fourth item shown, whichever card it is on.
 */
function allChoices(out: readonly OutboundMessage[]): Choice[] {
  return out.flatMap((m) => (m.type === "choices" ? m.choices : []));
}

/** The last list of an answer ends with "reply with the number" where choices are typed (WhatsApp). */
function withTypedHint(out: OutboundMessage[], t: (id: string) => string): OutboundMessage[] {
  const last = out.findLastIndex((m) => m.type === "choices");
  if (last < 0) return out;
  return out.map((m, i) =>
    i === last && m.type === "choices" ? { ...m, typedHint: t("choices-typed-hint") } : m,
  );
}

/** Typed words for "try again": the label, its number, or how people say it. */
function asksRetry(state: ConversationState, input: string, address: ChatAddress): boolean {
  if (pickFromText(state.lastChoices, input, numbersShown(address.channel)) === RETRY_CHOICE) return true;
  return RETRY_WORDS.test(normalizeText(foldCharacters(input)));
}

const RETRY_WORDS =
  /^(please )?(try (it )?again|again|retry|one more time|שוב|עוד פעם|(לנסות|נסה|נסי|תנסה|תנסי|נסו|תנסו) (שוב|עוד פעם)|(ещ[её]|попробуй(те)?|попробовать|давай(те)?)( ещ[её])? раз|повтори(ть|те)?|ещ[её] раз|(جرب|جربي|حاول|حاولي|نحاول)( مره)?( كمان| ثانيه| اخرى| تانيه)|كمان مره|مره ثانيه|مره تانيه|اعاده المحاوله)( please| בבקשה| пожалуйста)?$/;

const OFFLINE_INTENTS = new Set(["stop", "start", "language", "help", "forget", "human"]);
const OFFLINE_MENU = new Set(["language", "help", "menu", "human", "stop", "start", "forget"]);

/** Whether a message can be answered without Tor4You (its catalog or any call). */
function needsNoTor4You(message: Inbound, state: ConversationState): boolean {
  const flow = state.flow?.name;
  if (flow === "forget" || flow === "person" || flow === "language") return true;
  switch (message.type) {
    case "media":
      return true;
    case "command":
      return OFFLINE_INTENTS.has(message.name) || message.name === "start";
    case "choice":
      return (
        message.id.startsWith("l.") || (message.id.startsWith("m.") && OFFLINE_MENU.has(message.id.slice(2)))
      );
    case "text": {
      const intent = understand(message.text).intent ?? matchIntent(message.text);
      return (intent !== null && OFFLINE_INTENTS.has(intent)) || matchLanguageName(message.text) !== null;
    }
    default:
      return false;
  }
}

/** Standing in for the catalog where the message needs none of it. */
const NO_CATALOG: Catalog = {
  info: { siteId: "", name: "", istz: 0, calendarType: "open" } as unknown as Catalog["info"],
  services: [],
  providers: [],
  branches: [],
  staffFor: new Map(),
};

/** The site's catalog could not be read: the turn cannot start, and the customer is told so. */
class CatalogUnavailable extends Error {}
