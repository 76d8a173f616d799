/**
 * What the conversation benchmarks share: the fake Bot API (answers as Telegram would and records
 * every call), a Tor4You call counter, the plain grammY + @grammyjs/conversations baseline bot, and
 * the scripted ten-update conversation both bots are driven through.
 */

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
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import type { createTor4YouClient } from "../src/tor4you/client.ts";
import { formatApiDate, formatApiMinute, parseApiDate, parseApiMinute } from "../src/tor4you/dates.ts";

export const T0 = DateTime.fromISO("2026-11-23T10:00:00", { zone: "Asia/Jerusalem" });
/** Nothing listens here: should a call slip past the fakes, it fails instead of reaching Telegram. */
export const NOWHERE = "http://127.0.0.1:9";
export const UPDATES_PER_CONVERSATION = 10;

// ---------------------------------------------------------------------------------------------
// A fake Bot API: records each outgoing call and answers it as Telegram would.

type Payload = Record<string, unknown>;

export function fakeTelegram(me: UserFromGetMe) {
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
export const countingFetch =
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

export function buildBaseline(o: {
  client: Tor4You;
  redis: Redis;
  prefix: string;
  now: () => DateTime;
  zone: string;
  me: UserFromGetMe;
  telegram?: ReturnType<typeof fakeTelegram>;
  apiRoot?: string;
  token?: string;
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

  // In process (the fake answers the client's fetch), or over HTTP to a Bot API at `apiRoot`.
  const telegram = o.telegram;
  const bot = new Bot<OuterCtx>(o.token ?? "777:baseline", {
    botInfo: o.me,
    client: telegram ? { apiRoot: NOWHERE, fetch: telegram.fetch } : { apiRoot: o.apiRoot },
  });
  if (telegram) bot.api.config.use(telegram.transformer);
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

/**
 * The scripted conversation of one new user with a new phone: "my appointments", the own
 * contact, "book", service, branch, staff, the first date, (the part of the day, where the bot
 * asks it first), the first time, a typed full name, "Yes, book it". Each step is built when it is
 * due (a tap needs the keyboard the bot last sent), so the script follows what the bot asked.
 */
export function* conversationSteps(o: {
  side: string;
  userId: number;
  cell: string;
  nextUpdateId: () => number;
  lastKeyboard: (chatId: number) => Message.TextMessage | undefined;
  /** Users booking at once pick apart: the nth (date, part, time) offered, dates first (default 0). */
  nth?: number;
}): Generator<() => Update> {
  const { userId, cell } = o;
  const from = { id: userId, is_bot: false, first_name: "Dana", language_code: "en" };
  const chat = { id: userId, type: "private" as const, first_name: "Dana" };
  let messageId = 1;
  const message = (extra: Record<string, unknown>) =>
    ({
      update_id: o.nextUpdateId(),
      message: { message_id: messageId++, date: 1, chat, from, ...extra },
    }) as Update;
  // Labels carry Unicode isolates around names and numbers (right-to-left text); matched without.
  const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, "");
  const buttons = () => (o.lastKeyboard(userId)?.reply_markup?.inline_keyboard ?? []).flat();
  /** Taps the button named `label` (or its name followed by " ·" and details), or the
   *  `pick(count)`th of those matching a pattern. */
  const tap = (label: string | RegExp, pick: (count: number) => number = () => 0) => {
    const m = o.lastKeyboard(userId);
    const all = buttons();
    const matching = typeof label === "string" ? [] : all.filter((x) => label.test(plain(x.text)));
    const b =
      typeof label === "string"
        ? all.find((x) => plain(x.text) === label || plain(x.text).startsWith(`${label} ·`))
        : matching[pick(matching.length) % Math.max(1, matching.length)];
    if (!m || !b || !("callback_data" in b))
      throw new Error(`${o.side}: no button ${label}; have ${all.map((x) => plain(x.text)).join(" | ")}`);
    const id = o.nextUpdateId();
    return {
      update_id: id,
      callback_query: {
        id: String(id),
        from,
        chat_instance: String(userId),
        data: b.callback_data,
        message: m,
      },
    } as Update;
  };
  const nth = o.nth ?? 0;
  let rest = nth;
  /** Splits `nth` over the successive choices (date, part, time), so concurrent users differ. */
  const spread = (n: number) => {
    const i = rest % n;
    rest = Math.floor(rest / n);
    return i;
  };
  yield () => message({ text: "my appointments" });
  yield () =>
    message({ contact: { phone_number: `+972${cell.slice(1)}`, first_name: "Dana", user_id: userId } });
  yield () => message({ text: "book" });
  yield () => tap("תספורת גברים");
  yield () => tap("סניף מרכז");
  yield () => tap("יוסי כהן");
  yield () => tap(/\d\d?[./]\d\d?/, spread);
  const TIME = /^\d\d:\d\d$/;
  const PART = /\d\d:\d\d\s*[–-]\s*\d\d:\d\d/;
  if (!buttons().some((b) => TIME.test(plain(b.text))) && buttons().some((b) => PART.test(plain(b.text))))
    yield () => tap(PART, spread);
  // Every other time: a 30-minute haircut at 09:00 also takes the 09:15 start.
  yield () => tap(TIME, (n) => 2 * spread(Math.ceil(n / 2)));
  yield () => message({ text: "Dana Levi" });
  yield () => tap("Yes, book it");
}
