import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { OpenedTurn, PendingReminder, TurnOpener } from "../conversation/ports.ts";
import type { ConversationState } from "../conversation/state.ts";
import { identityOf, preferencesOf, STATE_TTL_SECONDS, stateOf } from "./chat-stores.ts";
import type { Keys } from "./keys.ts";
import { luaScript } from "./lua.ts";
import { staffMember } from "./staff-links.ts";

/**
 * A turn's opening, the same steps as the separate stores (chat-stores.ts, handoff.ts,
 * turn-limit.ts, pending-reminders.ts) in the same order, in one script: a turn used to wait for
 * nine round trips before its first step. Every key names the chat's site in its hash tag, so on
 * a Redis Cluster the script stays in one slot. The turn limit reads Redis's own clock (TIME) like
 * turn-limit.ts; the reminders' cut-off is the program's clock, like pending-reminders.ts.
 */
const OPEN = `
if not redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then return {'seen'} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'paused'} end
local perMinute = tonumber(ARGV[2])
if perMinute > 0 then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 60000)
  if redis.call('ZCARD', KEYS[3]) < perMinute then
    redis.call('ZADD', KEYS[3], now, ARGV[3])
    redis.call('PEXPIRE', KEYS[3], 60000)
  elseif redis.call('SET', KEYS[4], '1', 'PX', 60000, 'NX') then
    return {'warn'}
  else
    return {'drop'}
  end
end
if not redis.call('SET', KEYS[5], ARGV[4], 'PX', ARGV[5], 'NX') then return {'busy'} end
redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', ARGV[6])
return {'open', redis.call('GET', KEYS[6]) or '', redis.call('HGETALL', KEYS[7]),
  redis.call('HGETALL', KEYS[8]), redis.call('ZRANGE', KEYS[9], 0, -1, 'WITHSCORES'),
  redis.call('HGET', KEYS[10], ARGV[7]) or ''}
`;

/** The turn's end: its state saved (when it has one to save) and the lock freed if still ours. */
const CLOSE = `
if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
return 1
`;

const openTurn = luaScript(OPEN);
const closeTurn = luaScript(CLOSE);

const hash = (flat: string[]) => {
  const h: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i]!] = flat[i + 1]!;
  return h;
};

/**
 * `perMinute`: the chat's turn limit (0 or none: unlimited); `leaseMs`: how long a crashed turn
 * holds the chat's lock (as createChatLock); `seenSeconds`: how long a delivery id is remembered
 * (as createInboundDedupe).
 */
export function createTurnOpener(
  redis: Redis,
  keys: Keys,
  opts: { perMinute?: number; leaseMs?: number; seenSeconds?: number } = {},
): TurnOpener {
  const perMinute = opts.perMinute ?? 0;
  const lease = opts.leaseMs ?? 30_000;
  const seenSeconds = opts.seenSeconds ?? 3 * 24 * 3600;
  return {
    async open(a, eventId, nowMs): Promise<OpenedTurn> {
      const token = randomUUID();
      const r = (await openTurn(
        redis,
        [
          keys.chatSeen(a, eventId),
          keys.chatHandoff(a),
          keys.chatTurns(a),
          keys.chatTurnsWarned(a),
          keys.chatLock(a),
          keys.chatState(a),
          keys.chatIdentity(a),
          keys.chatPrefs(a),
          keys.chatPendingReminders(a),
          keys.staffChats(a.site),
        ],
        [seenSeconds, perMinute, randomUUID(), token, lease, nowMs, staffMember(a)],
      )) as [string, string?, string[]?, string[]?, string[]?, string?];
      const kind = r[0];
      if (kind === "seen") return { kind };
      if (kind === "paused") return { kind };
      if (kind === "busy") return { kind };
      if (kind === "warn" || kind === "drop") return { kind: "limited", admitted: kind };
      const pendingFlat = r[4] ?? [];
      const pending: PendingReminder[] = [];
      for (let i = 0; i + 1 < pendingFlat.length; i += 2)
        pending.push({ apptId: pendingFlat[i]!, startMs: Number(pendingFlat[i + 1]) });
      return {
        kind: "open",
        token,
        state: stateOf(r[1] || null),
        identity: identityOf(hash(r[2] ?? [])),
        prefs: preferencesOf(hash(r[3] ?? [])),
        pending,
        staffLink: r[5] || null,
      };
    },
    async close(a, token, state: ConversationState | undefined) {
      await closeTurn(
        redis,
        [keys.chatState(a), keys.chatLock(a)],
        [state ? JSON.stringify(state) : "", STATE_TTL_SECONDS, token],
      );
    },
  };
}
