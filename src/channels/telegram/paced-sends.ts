import type { Transformer } from "grammy";

/** Bot API methods that put a message in a chat: the ones Telegram's per-bot limit counts. */
const SENDS = /^(send(?!ChatAction)|copyMessage|forwardMessage)/;
/** The turns are spaced a little wider than the limit; that slack absorbs a send this late. */
const LATE_MS = 10;

export interface BotPacing {
  /** Takes the bot's next `turns` turns (1 unless said); resolves with the wait for the first (ms). */
  reserve(turns?: number): Promise<number>;
  /** A send went out this much after its turn: later turns move back as much. */
  late(ms: number): Promise<void>;
  /** Telegram said "retry after" this long: no send of the bot's starts before then. */
  hold(ms: number): Promise<void>;
}

type Prev = Parameters<Transformer>[0];

/** A 429 holds every send of the bot for its retry_after, not only the one refused. */
async function holdOn429(pacing: BotPacing, result: Awaited<ReturnType<Prev>>) {
  const retryAfter = !result.ok ? result.parameters?.retry_after : undefined;
  if (retryAfter) await pacing.hold(retryAfter * 1000);
  return result;
}

/**
 * For messages nobody is waiting for (reminders, digests, alerts): each send waits for the bot's
 * next turn (see src/storage/send-pacing.ts). Installed before auto-retry, so a retried send waits
 * its turn like any other.
 */
export function pacedSends(pacing: BotPacing): Transformer {
  // Each method's quickest round trip lately (a file's upload takes longer than a text): what
  // a send takes when nothing delays it. It may creep up a millisecond a send, so that a network
  // that became slower for good is not read as every send being late.
  const quickest = new Map<string, number>();
  // The moves this process made lately: a delay that held up several sends at once (a busy
  // event loop, a slow moment of the network) moves the turns once, not once for each of them.
  let moves: Array<{ at: number; ms: number }> = [];
  return async (prev, method, payload, signal) => {
    if (!SENDS.test(method)) return prev(method, payload, signal);
    const asked = Date.now();
    const wait = await pacing.reserve();
    const reservedAt = Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sentAt = Date.now();
    const result = await prev(method, payload, signal);
    const now = Date.now();
    const took = now - sentAt;
    const quick = Math.min(took, (quickest.get(method) ?? took) + 1);
    quickest.set(method, quick);
    // How late it may have reached Telegram: a timer that fired late, then a round trip slower
    // than the quickest (a busy event loop, a slow network on the way). Later than the slack
    // allows, the sends after it would crowd into its second, so the turns not yet given move
    // back by the excess, less what moves since its own turn was given already did. Measured
    // once the answer is in, when it reached Telegram for sure.
    const late = sentAt - (asked + wait) + (took - quick);
    moves = moves.filter((m) => m.at > now - 10_000);
    const moved = moves.reduce((sum, m) => (m.at > reservedAt ? sum + m.ms : sum), 0);
    const excess = late - LATE_MS - moved;
    if (excess > 0) {
      moves.push({ at: now, ms: excess });
      // The message went out: a failure to note the delay must not fail the send (it would go twice).
      await pacing.late(excess).catch(() => {});
    }
    return holdOn429(pacing, result);
  };
}

/**
 * For answers to a customer who just wrote: they go at once, and take a turn as they go, so that
 * reminders going out meanwhile make room for them instead of pushing the bot past its limit.
 * The turns are taken together, once per `countEveryMs`: a Redis call per answer cost a busy bot
 * more than the rest of its turn's Redis work, and the paced sends already hold up to a
 * concurrency's worth of turns reserved ahead, so a count this much later loosens nothing more.
 */
export function countedSends(pacing: BotPacing, countEveryMs = 50): Transformer {
  let uncounted = 0;
  const count = () => {
    const turns = uncounted;
    uncounted = 0;
    // Not awaited by any answer; a failed count only loosens the pacing.
    pacing.reserve(turns).catch(() => {});
  };
  return async (prev, method, payload, signal) => {
    if (!SENDS.test(method)) return prev(method, payload, signal);
    if (uncounted++ === 0) setTimeout(count, countEveryMs).unref();
    return holdOn429(pacing, await prev(method, payload, signal));
  };
}
