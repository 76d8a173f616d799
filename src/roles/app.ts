import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import type { Logger } from "pino";
import { createCalendarFiles } from "../calendar/calendar-files.ts";
import { createPlaceCache } from "../calendar/places.ts";
import type { SiteConfig } from "../config/types.ts";
import { createCatalogCache } from "../conversation/catalog.ts";
import { createConversationEngine } from "../conversation/engine.ts";
import type {
  BookingApi,
  PersonRequestSink,
  SitePolicy,
  StaffEventSink,
  StaffRole,
} from "../conversation/ports.ts";
import type { ChatAddress } from "../core/messages.ts";
import { createTranslator, LOCALES_DIR, type Locale } from "../i18n/translator.ts";
import { createActivityLog, createEscalations } from "../storage/activity-log.ts";
import { createOwnChanges, type OwnChanges } from "../storage/appointment-marks.ts";
import { createCalendarEvents } from "../storage/calendar-events.ts";
import {
  createChatLock,
  createConversationStore,
  createIdentityStore,
  createInboundDedupe,
} from "../storage/chat-stores.ts";
import { createDecisionLog } from "../storage/decision-log.ts";
import { createHandoffStore } from "../storage/handoff.ts";
import { createKeys } from "../storage/keys.ts";
import { createLookupCache } from "../storage/lookup-cache.ts";
import { createOptOuts } from "../storage/opt-outs.ts";
import { createOutbox } from "../storage/outbox.ts";
import { createPendingReminders } from "../storage/pending-reminders.ts";
import { createStaffLinks, type StaffLinks } from "../storage/staff-links.ts";
import { createTurnLimiter } from "../storage/turn-limit.ts";
import { createTurnOpener } from "../storage/turn-opener.ts";
import { createRedisUsageBudget } from "../storage/usage-budget.ts";
import { createWaitlistStore } from "../storage/waitlist.ts";
import { createTor4YouClient, type Tor4YouClient } from "../tor4you/client.ts";
import { formatApiMinute } from "../tor4you/dates.ts";

export interface AppDeps {
  sites: readonly SiteConfig[];
  redis: Redis;
  logger: Logger;
  defaultLocale: Locale;
  /** APP_SECRET (or the one kept in Redis): the key of every HMAC in key names. */
  appSecret: string;
  /** Redis key prefix; tests give each run its own. */
  keyPrefix?: string;
  now?: () => DateTime;
  fetch?: typeof fetch;
  /** Turns one chat may take a minute (default 20). */
  chatTurnsPerMinute?: number;
  /** Percent of each site's Tor4You budget that chat turns cannot spend (default 25). */
  reminderReservePercent?: number;
}

/**
 * The parts every role shares, built once from config: a Tor4You client per site (sharing one
 * Redis API budget), the chat stores, the translator and the conversation engine.
 */
export function createApp(deps: AppDeps) {
  const keys = createKeys(deps.keyPrefix ?? "t4y", deps.appSecret);
  const now = deps.now ?? (() => DateTime.now());
  const byId = new Map(deps.sites.map((s) => [s.id, s]));
  const budget = createRedisUsageBudget({
    redis: deps.redis,
    keys,
    limits: (site) => {
      const s = byId.get(site);
      return { perMinute: s?.tor4you.ratePerMinute ?? 60, perDay: s?.tor4you.ratePerDay ?? 20_000 };
    },
  });
  // Conversations count in the same windows but stop short of the reserve, so a crowd of chats
  // (or one busy one) leaves reminders their share of every minute and day.
  const reserve = (deps.reminderReservePercent ?? 25) / 100;
  const chatBudget = createRedisUsageBudget({
    redis: deps.redis,
    keys,
    maxWaitMs: 5_000,
    limits: (site) => {
      const s = byId.get(site);
      const perMinute = s?.tor4you.ratePerMinute ?? 60;
      const perDay = s?.tor4you.ratePerDay ?? 20_000;
      return {
        perMinute: Math.max(1, Math.floor(perMinute * (1 - reserve))),
        perDay: Math.max(1, Math.floor(perDay * (1 - reserve))),
      };
    },
  });
  const clientsOn = (b: typeof budget) =>
    new Map<string, Tor4YouClient>(
      deps.sites.map((s) => [
        s.id,
        createTor4YouClient({
          baseUrl: s.tor4you.apiUrl,
          site: s.id,
          auth: s.tor4you.auth,
          zone: s.timezone,
          budget: b,
          logger: deps.logger,
          fetch: deps.fetch,
          now,
        }),
      ]),
    );
  const clients = clientsOn(budget);
  const chatClients = clientsOn(chatBudget);
  const policies = new Map<string, SitePolicy>(
    deps.sites.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.name,
        phone: s.phone,
        timezone: s.timezone,
        locale: s.locale,
        cancelCutoffMs: s.cancelCutoffMs,
        waitlist: s.waitlist.enabled,
        handoffPauseMs: s.handoffPauseMs,
      },
    ]),
  );
  const ownChanges = createOwnChanges(deps.redis, keys);
  const outbox = createOutbox(deps.redis, keys);
  const staffLinks = createStaffLinks(deps.redis, keys);
  const staff = withConfiguredStaff(staffLinks, deps.sites);
  const activity = createActivityLog(deps.redis, keys);
  // Background roles listen here for alerts; the statistics keep the bot's cancellations.
  const staffEventListeners: StaffEventSink[] = [];
  const staffEvents: StaffEventSink = async (site, e) => {
    if (e.kind === "cancelled") {
      await activity.cancelledByBot(site, {
        apptId: e.apptId,
        start: formatApiMinute(e.start, byId.get(site)?.timezone),
        staffId: e.staffId,
        serviceId: e.serviceId,
      });
    }
    for (const listener of staffEventListeners) await listener(site, e);
  };
  // "Talk to a person": the background roles pass the customer's words to the staff chats.
  const personListeners: PersonRequestSink[] = [];
  const personRequests: PersonRequestSink = async (site, r) => {
    let told = 0;
    for (const listener of personListeners) told += await listener(site, r);
    return told;
  };
  const translator = createTranslator({ dir: LOCALES_DIR, defaultLocale: deps.defaultLocale });
  const identities = createIdentityStore(deps.redis, keys);
  const waitlist = createWaitlistStore(deps.redis, keys);
  const optOuts = createOptOuts(deps.redis, keys);
  const calendar = createCalendarFiles({
    events: createCalendarEvents(deps.redis, keys),
    place: createPlaceCache((site) => clients.get(site), { now: () => now().toMillis() }),
    now,
  });
  const lookups = createLookupCache(deps.redis, keys);
  const turnsPerMinute = deps.chatTurnsPerMinute ?? 20;
  const engine = createConversationEngine({
    sites: (id) => {
      const policy = policies.get(id);
      const client = chatClients.get(id);
      return policy && client ? { policy, api: markingOwnChanges(id, client, ownChanges) } : undefined;
    },
    catalog: createCatalogCache({ now: () => now().toMillis() }),
    identities,
    optOuts,
    turns: createTurnLimiter(deps.redis, keys, { perMinute: turnsPerMinute }),
    opener: createTurnOpener(deps.redis, keys, { perMinute: turnsPerMinute }),
    conversations: createConversationStore(deps.redis, keys),
    pendingReminders: createPendingReminders(deps.redis, keys),
    lock: createChatLock(deps.redis, keys),
    dedupe: createInboundDedupe(deps.redis, keys),
    translator,
    staff,
    staffEvents,
    calendar,
    waitlist,
    handoff: createHandoffStore(deps.redis, keys),
    lookups,
    personRequests,
    now,
    logger: deps.logger.child({ mod: "conversation" }),
  });
  return {
    waitlist,
    /** Customers' appointment lists kept between turns; webhooks drop theirs. */
    lookups,
    keys,
    clients,
    translator,
    identities,
    optOuts,
    engine,
    ownChanges,
    outbox,
    staffLinks,
    /** Linked and configured staff chats, and what each may see. */
    staff,
    activity,
    escalations: createEscalations(deps.redis, keys),
    decisions: createDecisionLog(deps.redis, keys),
    onStaffEvent: (listener: StaffEventSink) => staffEventListeners.push(listener),
    onPersonRequest: (listener: PersonRequestSink) => personListeners.push(listener),
    sites: deps.sites,
    now,
  };
}

/**
 * The customer's own changes, made through the chat, echo back as webhooks; marking the
 * appointment first lets the sync worker reconcile the echo without telling the customer about
 * what they just did themselves.
 */
function markingOwnChanges(site: string, client: Tor4YouClient, own: OwnChanges): BookingApi {
  return {
    ...client,
    addappt: async (p) => {
      const added = await client.addappt(p);
      await own.mark(site, added.apptId);
      return added;
    },
    delappt: async (p) => {
      await own.mark(site, String(p.apptId));
      return client.delappt(p);
    },
    iscoming: async (p) => {
      await own.mark(site, String(p.apptId));
      return client.iscoming(p);
    },
  };
}

/**
 * Staff chats the sites file names act as linked ones (the file wins over a code-linked role for
 * the same chat), so an owner can set the team up without codes.
 */
function withConfiguredStaff(links: StaffLinks, sites: readonly SiteConfig[]) {
  const configured = (site: string) =>
    (sites.find((s) => s.id === site)?.staff ?? []).map((c) => ({
      address: { site, channel: c.channel, chatId: c.chatId } as ChatAddress,
      role: c.role as StaffRole,
    }));
  const same = (a: ChatAddress, b: ChatAddress) => a.channel === b.channel && a.chatId === b.chatId;
  return {
    redeem: links.redeem,
    async roleOf(address: ChatAddress, linked?: string | null): Promise<StaffRole | null> {
      return (
        configured(address.site).find((c) => same(c.address, address))?.role ?? links.roleOf(address, linked)
      );
    },
    async list(site: string): Promise<Array<{ address: ChatAddress; role: StaffRole }>> {
      const fixed = configured(site);
      const linked = (await links.list(site)).filter((l) => !fixed.some((f) => same(f.address, l.address)));
      return [...fixed, ...linked];
    },
  };
}

export type App = ReturnType<typeof createApp>;
