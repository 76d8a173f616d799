/**
 * Issue goal: a whole customer conversation through the real Telegram adapter costs no more per
 * turn than a plain grammY bot built the usual way (≤ 1.0×). One scripted conversation, ten
 * updates — "my appointments", the own contact, "book", service, branch, staff, the first date,
 * the first time, a typed full name, "Yes, book it" — runs through `bot.handleUpdate` on both:
 *
 *   ours      the project's Telegram channel (createTelegramChannel) over createApp: engine, Redis
 *             stores, chat lock, dedupe, Redis API budget, Tor4You client;
 *   baseline  grammY + @grammyjs/conversations, session and conversation state in Redis through
 *             @grammyjs/storage-redis, the project's Tor4You client for its calls.
 *
 * Both book on the same emulator (frozen at T0, demo seed, loopback) for a new Telegram user and
 * a new phone each time, interleaved. Bot API calls are answered in process: ours by an API
 * transformer; the baseline's conversations build their own Api client per replay (without the
 * bot's transformers), so there the fake sits in the client's `fetch` instead.
 *
 *   npx tsx bench/conversation-baseline.ts      (REDIS_URL; ROUNDS=150 WARMUP=10 MAX_SECONDS=60)
 */

import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import {
  type Conversation,
  type ConversationData,
  type ConversationFlavor,
  conversations,
  createConversation,
  type VersionedState,
} from "@grammyjs/conversations";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, type Context, type SessionFlavor, session } from "grammy";
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from "grammy/types";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createTelegramChannel } from "../src/channels/telegram/telegram-channel.ts";
import { demoSiteDefaults } from "../src/config/load.ts";
import { createEmulator } from "../src/emulator/emulator.ts";
import { DEMO_BARBER_SITEID } from "../src/emulator/seed-demo.ts";
import { createApp } from "../src/roles/app.ts";
import { sitesFromEmulator } from "../src/roles/demo.ts";
import { deleteKeysUnder } from "../src/storage/prefix-cleanup.ts";
import { createTor4YouClient } from "../src/tor4you/client.ts";
import { formatApiDate, formatApiMinute, parseApiDate, parseApiMinute } from "../src/tor4you/dates.ts";
import { fakeBotInfo } from "../test/support/fake-bot-api.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 150);
const WARMUP = Number(process.env.WARMUP ?? 10);
const MAX_SECONDS = Number(process.env.MAX_SECONDS ?? 60);
const T0 = DateTime.fromISO("2026-11-23T10:00:00", { zone: "Asia/Jerusalem" });
/** Nothing listens here: should a call slip past the fakes, it fails instead of reaching Telegram. */
const NOWHERE = "http://127.0.0.1:9";
const UPDATES_PER_CONVERSATION = 10;

// ---------------------------------------------------------------------------------------------
// A fake Bot API: records each outgoing call and answers it as Telegram would.

type Payload = Record<string, unknown>;

function fakeTelegram(me: UserFromGetMe) {
  let nextMessageId = 1;
  let calls = 0;
  const lastSent = new Map<number, Message.TextMessage>();
  const lastKeyboard = new Map<number, Message.TextMessage>();
  const chat = (id: unknown) => ({ id: Number(id), type: "private" as const, first_name: "Dana" });
  const date = () => Math.floor(Date.now() / 1000);

  function answer(method: string, p: Payload): unknown {
    calls++;
    switch (method) {
      case "sendMessage": {
        const m = {
          message_id: nextMessageId++,
          date: date(),
          chat: chat(p.chat_id),
          from: me,
          text: String(p.text),
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        } as Message.TextMessage;
        lastSent.set(m.chat.id, m);
        if (m.reply_markup?.inline_keyboard?.length) lastKeyboard.set(m.chat.id, m);
        return m;
      }
      case "editMessageText":
      case "editMessageReplyMarkup":
        return {
          message_id: Number(p.message_id),
          date: date(),
          edit_date: date(),
          chat: chat(p.chat_id),
          from: me,
          text: typeof p.text === "string" ? p.text : "",
        };
      default: // answerCallbackQuery and anything else
        return true;
    }
  }

  return {
    calls: () => calls,
    lastSent: (chatId: number) => lastSent.get(chatId),
    lastKeyboard: (chatId: number) => lastKeyboard.get(chatId),
    /** For `bot.api.config.use`: never calls `prev`, so nothing is sent. */
    transformer: (async (_prev: unknown, method: string, payload: Payload) => ({
      ok: true,
      result: answer(method, payload),
    })) as never,
    /** For the client's `fetch` option. */
    fetch: (async (url: string, init?: { body?: unknown }) => {
      const method = String(url).split("/").pop()!;
      const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Payload) : {};
      return new Response(JSON.stringify({ ok: true, result: answer(method, payload) }), {
        headers: { "content-type": "application/json" },
      });
    }) as never,
  };
}

/** Counts Tor4You calls and the time spent waiting for the emulator's answers. */
const countingFetch =
  (counter: { n: number; ms: number }): typeof fetch =>
  async (input, init) => {
    counter.n++;
    const t = process.hrtime.bigint();
    try {
      return await fetch(input, init);
    } finally {
      counter.ms += Number(process.hrtime.bigint() - t) / 1e6;
    }
  };

// ---------------------------------------------------------------------------------------------
// The baseline: a plain grammY bot, the way its documentation builds one.

type Tor4You = ReturnType<typeof createTor4YouClient>;
interface SessionData {
  cell?: string;
  first?: string;
  last?: string;
}
type OuterCtx = ConversationFlavor<Context & SessionFlavor<SessionData>>;
type BaseConversation = Conversation<OuterCtx, Context>;
interface Offered {
  from: string;
  to: string;
  staffId: string;
  slotId?: string;
  vfib?: string;
}
interface Catalog {
  services: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string; branchId?: string }>;
  branches: Array<{ id: string; name: string }>;
  staffFor: Record<string, string[]>;
}

function buildBaseline(o: {
  client: Tor4You;
  redis: Redis;
  prefix: string;
  now: () => DateTime;
  zone: string;
  me: UserFromGetMe;
  telegram: ReturnType<typeof fakeTelegram>;
  onError: (e: unknown) => void;
}) {
  const { client, now, zone } = o;
  // Services, staff and branches change rarely: cached like any bot would (ours does the same).
  let catalogAt = 0;
  let catalogP: Promise<Catalog> | undefined;
  const catalog = () => {
    if (!catalogP || Date.now() - catalogAt > 5 * 60_000) {
      catalogAt = Date.now();
      catalogP = Promise.all([
        client.services(),
        client.staff(),
        client.staffservice(),
        client.branches(),
      ]).then(([services, staff, links, branches]) => {
        const staffFor: Record<string, string[]> = {};
        for (const l of links) staffFor[l.serviceId] = [...(staffFor[l.serviceId] ?? []), l.staffId];
        const providers = staff
          .filter((s) => s.active && s.isProvider)
          .sort((a, b) => b.showOrder - a.showOrder)
          .map((s) => ({ id: s.id, name: s.name, branchId: s.branchId }));
        return {
          services: services
            .filter(
              (s) =>
                s.active && s.external !== false && providers.some((p) => staffFor[s.id]?.includes(p.id)),
            )
            .map((s) => ({ id: s.id, name: s.name })),
          providers,
          branches: branches.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name })),
          staffFor,
        };
      });
    }
    return catalogP;
  };

  const rows = (buttons: Array<[label: string, data: string]>): InlineKeyboardButton[][] =>
    buttons.map(([text, callback_data]) => [{ text, callback_data }]);
  const contactKeyboard = {
    keyboard: [[{ text: "Share my phone number", request_contact: true }]],
    one_time_keyboard: true,
    resize_keyboard: true,
  };

  /** Waits for a button of this question, answers the query and marks the pressed message. */
  async function pick(conversation: BaseConversation, prefix: string) {
    const c = await conversation.waitForCallbackQuery(new RegExp(`^${prefix}:`));
    const data = c.callbackQuery.data;
    const label = c.callbackQuery.message?.reply_markup?.inline_keyboard
      .flat()
      .find((b) => "callback_data" in b && b.callback_data === data)?.text;
    await c.answerCallbackQuery();
    const text =
      c.callbackQuery.message && "text" in c.callbackQuery.message ? c.callbackQuery.message.text : "";
    await (text && label ? c.editMessageText(`${text}\n\n✓ ${label}`) : c.editMessageReplyMarkup());
    return { ctx: c, value: data.slice(prefix.length + 1) };
  }

  async function appointments(conversation: BaseConversation, ctx: Context) {
    let linked = await conversation.external((outer) => ({ ...outer.session }));
    let last: Context = ctx;
    if (!linked.cell) {
      await ctx.reply("To find your appointments I need your phone number. Tap the button below.", {
        reply_markup: contactKeyboard,
      });
      for (;;) {
        const c = await conversation.waitFor("message:contact");
        const contact = c.message.contact;
        const digits = contact.phone_number.replace(/\D/g, "").replace(/^972/, "0");
        if (contact.user_id === c.from.id && !c.message.forward_origin && /^05\d{8}$/.test(digits)) {
          linked = { cell: digits, first: contact.first_name, last: contact.last_name };
          last = c;
          break;
        }
        await c.reply("I can only use your own number: tap the button.", { reply_markup: contactKeyboard });
      }
      const toSave = linked;
      await conversation.external((outer) => {
        outer.session = toSave;
      });
      await last.reply(`Thanks, ${linked.first ?? "there"}! Your number is linked.`, {
        reply_markup: { remove_keyboard: true },
      });
    }
    const cell = linked.cell!;
    const list = await conversation.external(async () =>
      (await client.apptbycellortz({ cell, showFuture: true }))
        .filter((a) => a.status === "live" && !a.isLozamin && a.start > now())
        .sort((a, b) => a.start.toMillis() - b.start.toMillis())
        .map((a) => ({
          id: a.id,
          text: `${a.start.toFormat("ccc dd.MM.yyyy HH:mm")} ${a.serviceName ?? ""} with ${a.staffName ?? "anyone"}`,
        })),
    );
    if (list.length === 0) {
      await last.reply("You have no upcoming appointments.", {
        reply_markup: { inline_keyboard: rows([["Book an appointment", "menu:book"]]) },
      });
      return;
    }
    await last.reply("Your upcoming appointments:");
    for (const a of list.slice(0, 10)) {
      await last.reply(a.text, {
        reply_markup: {
          inline_keyboard: rows([
            ["Change time", `appt:m:${a.id}`],
            ["Cancel", `appt:x:${a.id}`],
          ]),
        },
      });
    }
  }

  async function book(conversation: BaseConversation, ctx: Context) {
    const linked = await conversation.external((outer) => ({ ...outer.session }));
    if (!linked.cell) {
      await ctx.reply("Send “my appointments” first, so I know your number.");
      return;
    }
    const services = await conversation.external(async () => (await catalog()).services);
    await ctx.reply("Which service?", {
      reply_markup: { inline_keyboard: rows(services.map((s) => [s.name, `svc:${s.id}`])) },
    });
    const service = (await pick(conversation, "svc")).value;

    const options = await conversation.external(async () => {
      const cat = await catalog();
      const providers = cat.providers.filter((p) => cat.staffFor[service]?.includes(p.id));
      const ids = new Set(providers.map((p) => p.branchId).filter(Boolean));
      return { providers, branches: cat.branches.filter((b) => ids.has(b.id)) };
    });
    let branch: string | undefined;
    let providers = options.providers;
    if (options.branches.length > 1) {
      await ctx.reply("Which branch?", {
        reply_markup: { inline_keyboard: rows(options.branches.map((b) => [b.name, `br:${b.id}`])) },
      });
      branch = (await pick(conversation, "br")).value;
      providers = providers.filter((p) => p.branchId === branch);
    }
    let staff: string | undefined = providers[0]?.id;
    if (providers.length > 1) {
      await ctx.reply("With whom?", {
        reply_markup: {
          inline_keyboard: rows([
            ["Anyone", "stf:any"],
            ...providers.map((p): [string, string] => [p.name, `stf:${p.id}`]),
          ]),
        },
      });
      const chosen = (await pick(conversation, "stf")).value;
      staff = chosen === "any" ? undefined : chosen;
    }

    const dates = await conversation.external(async () => {
      const today = now().setZone(zone).startOf("day");
      const r = await client.availability({
        service,
        staff,
        branch,
        from: today,
        to: today.plus({ days: 29 }),
        dateOnly: true,
      });
      return r.kind === "dates" ? r.dates.map((d) => formatApiDate(d, zone)) : [];
    });
    if (dates.length === 0) {
      await ctx.reply("No free dates in the next 30 days, sorry.");
      return;
    }
    await ctx.reply("Which day?", {
      reply_markup: {
        inline_keyboard: rows(
          dates.slice(0, 8).map((d) => [parseApiDate(d, zone).toFormat("ccc dd.MM"), `day:${d}`]),
        ),
      },
    });
    const day = (await pick(conversation, "day")).value;

    const times = await conversation.external(async (): Promise<Offered[]> => {
      const r = await client.availability({ service, staff, branch, from: day, to: day, dateOnly: false });
      const list: Offered[] =
        r.kind === "slots"
          ? r.slots.map((s) => ({
              from: formatApiMinute(s.start, zone),
              to: formatApiMinute(s.end, zone),
              staffId: s.staffId ?? "",
              slotId: s.id,
              vfib: s.vfib,
            }))
          : r.kind === "openhours"
            ? r.openHours.map((h) => ({
                from: formatApiMinute(h.start, zone),
                to: formatApiMinute(h.end, zone),
                staffId: h.staffId ?? "",
              }))
            : [];
      const after = formatApiMinute(now(), zone);
      return list.filter((t) => t.staffId && t.from > after).sort((a, b) => a.from.localeCompare(b.from));
    });
    if (times.length === 0) {
      await ctx.reply("That day just filled up, sorry.");
      return;
    }
    await ctx.reply(`Which time on ${parseApiDate(day, zone).toFormat("ccc dd.MM")}?`, {
      reply_markup: {
        inline_keyboard: rows(
          times.slice(0, 16).map((t, i) => [parseApiMinute(t.from, zone).toFormat("HH:mm"), `tm:${i}`]),
        ),
      },
    });
    const time = times[Number((await pick(conversation, "tm")).value)]!;

    const known = await conversation.external(async () => {
      const past = await client.apptbycellortz({ cell: linked.cell!, showPast: true, showFuture: true });
      const c = past.find((a) => a.customer.first && a.customer.last)?.customer;
      return c ? { first: c.first!, last: c.last! } : null;
    });
    let first = known?.first ?? linked.first;
    let last = known?.last ?? linked.last;
    if (!first || !last) {
      await ctx.reply("What is your full name (first and last)?");
      for (;;) {
        const n = await conversation.waitFor("message:text");
        const parts = n.message.text.trim().split(/\s+/);
        if (parts.length >= 2 && n.message.text.length <= 80) {
          first = parts[0]!;
          last = parts.slice(1).join(" ");
          break;
        }
        await n.reply("Please write your first and last name.");
      }
    }

    const when = parseApiMinute(time.from, zone).toFormat("cccc dd.MM.yyyy HH:mm");
    const serviceName = services.find((s) => s.id === service)?.name ?? "";
    const staffName = providers.find((p) => p.id === time.staffId)?.name ?? "anyone";
    await ctx.reply(`${serviceName} with ${staffName}, ${when}. Shall I book it?`, {
      reply_markup: {
        inline_keyboard: rows([
          ["Yes, book it", "ok:yes"],
          ["No", "ok:no"],
        ]),
      },
    });
    const { ctx: yes, value } = await pick(conversation, "ok");
    if (value !== "yes") {
      await yes.reply("Fine, nothing booked.");
      return;
    }
    const booked = await conversation.external(() =>
      client
        .addappt({
          staff: time.staffId,
          service,
          at:
            time.slotId && time.vfib
              ? { slotId: time.slotId, vfib: time.vfib }
              : { from: time.from, to: time.to },
          customer: { first: first!, last: last!, cell: linked.cell! },
          sendNotice: true,
        })
        .then(
          () => true,
          () => false,
        ),
    );
    await yes.reply(
      booked ? `You're booked: ${serviceName} with ${staffName}, ${when}.` : "That time was just taken.",
    );
  }

  const bot = new Bot<OuterCtx>("777:baseline", {
    botInfo: o.me,
    client: { apiRoot: NOWHERE, fetch: o.telegram.fetch },
  });
  bot.api.config.use(o.telegram.transformer);
  bot.use(
    session({
      initial: (): SessionData => ({}),
      prefix: `${o.prefix}:base:session:`,
      storage: new RedisAdapter<SessionData>({ instance: o.redis }),
    }),
  );
  bot.use(
    conversations({
      storage: {
        type: "key",
        prefix: `${o.prefix}:base:conversation:`,
        adapter: new RedisAdapter<VersionedState<ConversationData>>({ instance: o.redis }),
      },
    }),
  );
  bot.use(createConversation(appointments, "appointments"));
  bot.use(createConversation(book, "book"));
  bot.hears(/^my appointments$/i, (ctx) => ctx.conversation.enter("appointments"));
  bot.hears(/^book$/i, (ctx) => ctx.conversation.enter("book"));
  bot.catch((err) => o.onError(err.error));
  return bot;
}

// ---------------------------------------------------------------------------------------------
// The harness: one scripted conversation, the same ten updates on either bot.

let nextUpdateId = 1;
let nextUserId = 700_000;
let nextCell = 0;

interface Side {
  name: string;
  bot: { handleUpdate(u: Update): Promise<void> };
  telegram: ReturnType<typeof fakeTelegram>;
  tor4you: { n: number; ms: number };
  ms: number[];
  conversations: number;
  booked: number;
  errors: number;
}

async function converse(side: Side, record: boolean) {
  const userId = nextUserId++;
  const cell = `05098${String(nextCell++).padStart(5, "0")}`;
  const from = { id: userId, is_bot: false, first_name: "Dana", language_code: "en" };
  const chat = { id: userId, type: "private" as const, first_name: "Dana" };
  let messageId = 1;
  const message = (extra: Record<string, unknown>) =>
    ({
      update_id: nextUpdateId++,
      message: { message_id: messageId++, date: 1, chat, from, ...extra },
    }) as Update;
  const tap = (label: string | 0) => {
    const m = side.telegram.lastKeyboard(userId);
    const buttons = (m?.reply_markup?.inline_keyboard ?? []).flat();
    const b = label === 0 ? buttons[0] : buttons.find((x) => x.text === label);
    if (!m || !b || !("callback_data" in b))
      throw new Error(`${side.name}: no button ${label}; have ${buttons.map((x) => x.text).join(" | ")}`);
    return {
      update_id: nextUpdateId++,
      callback_query: {
        id: String(nextUpdateId),
        from,
        chat_instance: String(userId),
        data: b.callback_data,
        message: m,
      },
    } as Update;
  };
  const steps: Array<() => Update> = [
    () => message({ text: "my appointments" }),
    () => message({ contact: { phone_number: `+972${cell.slice(1)}`, first_name: "Dana", user_id: userId } }),
    () => message({ text: "book" }),
    () => tap("תספורת גברים"),
    () => tap("סניף מרכז"),
    () => tap("יוסי כהן"),
    () => tap(0), // the first date offered
    () => tap(0), // the first time offered
    () => message({ text: "Dana Levi" }),
    () => tap("Yes, book it"),
  ];
  for (const step of steps) {
    const update = step();
    const t = process.hrtime.bigint();
    await side.bot.handleUpdate(update);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (record) side.ms.push(ms);
  }
  if (record) side.conversations++;
  if (/booked/i.test(side.telegram.lastSent(userId)?.text ?? "")) {
    if (record) side.booked++;
  } else
    throw new Error(
      `${side.name}: the conversation did not end booked: ${side.telegram.lastSent(userId)?.text}`,
    );
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return { p50: p(0.5), p99: p(0.99), mean, perSecond: 1000 / mean };
}

async function main() {
  const prefix = `bench-${randomBytes(6).toString("hex")}`;
  const logger = pino({ level: "silent" });
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const ourRedis = new Redis(url, { maxRetriesPerRequest: null });
  const baseRedis = new Redis(url);
  const emulator = createEmulator({ start: T0, frozen: true, limits: { perMinute: 1e6, perDay: 1e7 } });
  const apiUrl = await emulator.listen(0, "127.0.0.1");
  const now = () => emulator.clock.now();
  // The demo's 600 calls a minute would throttle a benchmark; the Redis budget stays in the path.
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ CANCEL_CUTOFF: "3h" })).map((s) => ({
    ...s,
    tor4you: { ...s.tor4you, ratePerMinute: 1e6, ratePerDay: 1e7 },
  }));
  const site = sites.find((s) => s.id === DEMO_BARBER_SITEID)!;

  try {
    const ourCalls = { n: 0, ms: 0 };
    const app = createApp({
      sites,
      redis: ourRedis,
      logger,
      defaultLocale: "he",
      keyPrefix: prefix,
      now,
      fetch: countingFetch(ourCalls),
    });
    const ourMe = fakeBotInfo(600_001, "bench_ours_bot");
    const ourTelegram = fakeTelegram(ourMe);
    const channel = createTelegramChannel({
      site: site.id,
      token: "600001:bench",
      apiRoot: NOWHERE,
      webhook: { url: "x", secret: "bench-secret-token-0001" },
      engine: app.engine,
      translator: app.translator,
      markUnreachable: (address) => app.identities.setPreferences(address, { unreachable: true }),
      logger,
      botInfo: ourMe,
    });
    channel.bot.api.config.use(ourTelegram.transformer);
    let ourErrors = 0;
    channel.bot.catch(() => ourErrors++); // the channel's own handler logs at warn, silenced here

    const baseCalls = { n: 0, ms: 0 };
    const baseTelegram = fakeTelegram(fakeBotInfo(777, "bench_baseline_bot"));
    let baseErrors = 0;
    const baseline = buildBaseline({
      client: createTor4YouClient({
        baseUrl: apiUrl,
        site: site.id,
        auth: site.tor4you.auth,
        zone: site.timezone,
        now,
        fetch: countingFetch(baseCalls),
      }),
      redis: baseRedis,
      prefix,
      now,
      zone: site.timezone,
      me: fakeBotInfo(777, "bench_baseline_bot"),
      telegram: baseTelegram,
      onError: () => baseErrors++,
    });

    const side = (
      name: string,
      bot: Side["bot"],
      telegram: Side["telegram"],
      tor4you: Side["tor4you"],
    ): Side => ({
      name,
      bot,
      telegram,
      tor4you,
      ms: [],
      conversations: 0,
      booked: 0,
      errors: 0,
    });
    const ours = side("ours", channel.bot, ourTelegram, ourCalls);
    const base = side("grammY+conversations", baseline, baseTelegram, baseCalls);

    for (let i = 0; i < WARMUP; i++) {
      await converse(ours, false);
      await converse(base, false);
    }
    const before = {
      ours: { t4y: ourCalls.n, t4yMs: ourCalls.ms, tg: ourTelegram.calls() },
      base: { t4y: baseCalls.n, t4yMs: baseCalls.ms, tg: baseTelegram.calls() },
    };
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let rounds = 0;
    // Interleaved, the first of each pair alternating, so both meet the same emulator and Redis.
    for (; rounds < ROUNDS && Date.now() < deadline; rounds++) {
      const pair = rounds % 2 ? [base, ours] : [ours, base];
      for (const s of pair) await converse(s, true);
    }
    ours.errors = ourErrors;
    base.errors = baseErrors;

    const a = stats(ours.ms);
    const b = stats(base.ms);
    const ratio = a.mean / b.mean;
    // The emulator's answers (30 days of availability above all) weigh the same on both sides;
    // without them the ratio is that of our own processing against grammY's.
    const ownA = a.mean - (ourCalls.ms - before.ours.t4yMs) / ours.ms.length;
    const ownB = b.mean - (baseCalls.ms - before.base.t4yMs) / base.ms.length;
    const own = `without the Tor4You wait ${ownA.toFixed(2)} vs ${ownB.toFixed(2)} ms/update = ${(ownA / ownB).toFixed(2)}×`;
    const per = (n: number, s: Side) => (n / s.conversations).toFixed(1);
    const t4y = `Tor4You calls/conversation ${per(ourCalls.n - before.ours.t4y, ours)} vs ${per(baseCalls.n - before.base.t4y, base)}`;
    const tg = `Bot API calls/conversation ${per(ourTelegram.calls() - before.ours.tg, ours)} vs ${per(baseTelegram.calls() - before.base.tg, base)}`;
    const scaled = rounds < ROUNDS ? ` (stopped at ${MAX_SECONDS} s: ${rounds} of ${ROUNDS} rounds)` : "";
    const fmt = (s: ReturnType<typeof stats>) =>
      `p50 ${s.p50.toFixed(2)} ms p99 ${s.p99.toFixed(2)} ms ${s.perSecond.toFixed(0)} upd/s`;
    const summary =
      `ours ${fmt(a)}; grammY+conversations ${fmt(b)}; ours/baseline mean ${ratio.toFixed(2)}×` +
      ` (goal ≤ 1.0×) ${ratio <= 1 ? "OK" : "MISSED"}, ${own}; ${rounds} conversations each × ${UPDATES_PER_CONVERSATION} updates` +
      ` (my appointments + booking to "Yes, book it"), booked ${ours.booked}/${ours.conversations} vs ${base.booked}/${base.conversations},` +
      ` errors ${ours.errors} vs ${base.errors}; ${t4y}; ${tg}${scaled}`;
    console.log(`conversation: ${summary}`);
    appendFileSync(
      join(import.meta.dirname, "RESULTS.md"),
      `| ${new Date().toISOString().slice(0, 16)} | conversation-baseline | ${summary} | ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version} |\n`,
    );
  } finally {
    await emulator.close();
    await deleteKeysUnder(ourRedis, prefix);
    await ourRedis.quit();
    await baseRedis.quit();
  }
}

await main();
