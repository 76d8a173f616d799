import { createServer } from "node:http";
import type { UserFromGetMe } from "grammy/types";

/**
 * A Telegram Bot API for tests and benchmarks: it records every call and every sendMessage per
 * chat, answers each after `delayMs` and, like Telegram, answers 429 with `retry_after` beyond
 * `perSecond` messages (texts, files, any send) in any second. Every other method succeeds.
 */
export async function startFakeBotApi(opts: { perSecond?: number; delayMs?: number } = {}) {
  const perSecond = opts.perSecond ?? Number.POSITIVE_INFINITY;
  const perChat = new Map<string, number>();
  const accepted: number[] = [];
  /** When each message was accepted (any kind). */
  const sends: number[] = [];
  /** Every call, of any method, in the order it reached the API. */
  const calls: Array<{ method: string; at: number }> = [];
  /** Texts delivered per chat, in order. */
  const texts = new Map<string, string[]>();
  /** Refuses (400) the sends it matches while set: a message Telegram would not take. */
  let refuse: ((method: string, body: Record<string, unknown>) => boolean) | null = null;
  let tooMany = 0;
  let lastAt = 0;
  let messageId = 1;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      // Every answer takes `delayMs`, like a real API's round trip.
      const end = res.end.bind(res);
      res.end = ((body: string) => {
        setTimeout(() => end(body), opts.delayMs ?? 0);
        return res;
      }) as typeof res.end;
      const method = req.url?.split("/").pop() ?? "";
      calls.push({ method, at: Date.now() });
      // Every message counts toward Telegram's limit, a calendar file as much as a text.
      if (!/^(send|copyMessage|forwardMessage)/.test(method) || method === "sendChatAction")
        return res.end(JSON.stringify({ ok: true, result: true }));
      const now = Date.now();
      while (accepted.length && accepted[0]! <= now - 1000) accepted.shift();
      if (accepted.length >= perSecond) {
        tooMany++;
        const retryAfter = Math.max(1, Math.ceil((accepted[0]! + 1000 - now) / 1000));
        res.statusCode = 429;
        return res.end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          }),
        );
      }
      const parsed = (() => {
        try {
          return JSON.parse(body) as Record<string, unknown>;
        } catch {
          return {};
        }
      })();
      if (refuse?.(method, parsed)) {
        res.statusCode = 400;
        return res.end(
          JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: refused by the test" }),
        );
      }
      accepted.push(now);
      sends.push(now);
      lastAt = now;
      if (method !== "sendMessage")
        return res.end(
          JSON.stringify({
            ok: true,
            result: { message_id: messageId++, date: 1, chat: { id: 1, type: "private" } },
          }),
        );
      const chatId = String((JSON.parse(body) as { chat_id: string | number }).chat_id);
      perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
      texts.set(chatId, [...(texts.get(chatId) ?? []), String(parsed.text ?? "")]);
      const result = {
        message_id: messageId++,
        date: 1,
        chat: { id: Number(chatId), type: "private" },
        text: "x",
      };
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    perChat,
    texts,
    refuseWhile: (match: typeof refuse) => {
      refuse = match;
    },
    sends,
    calls,
    tooMany: () => tooMany,
    lastAt: () => lastAt,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** What getMe would answer, so a bot built in a test needs no Bot API call to start. */
export function fakeBotInfo(id: number, username: string): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: username,
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  } as UserFromGetMe;
}
