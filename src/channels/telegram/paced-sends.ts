import type { Transformer } from "grammy";

/** Bot API methods that put a message in a chat: the ones Telegram's per-bot limit counts. */
const SENDS = /^(send(?!ChatAction)|copyMessage|forwardMessage)/;
/** The turns are spaced a little wider than the limit; that slack absorbs a send this late. */
const LATE_MS = 10;

export interface BotPacing {
  /** Takes the bot's next turn; resolves with the wait for it (ms). */
  reserve(): Promise<number>;
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
  return async (prev, method, payload, signal) => {
    if (!SENDS.test(method)) return prev(method, payload, signal);
    const asked = Date.now();
    const wait = await pacing.reserve();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Later than the slack allows: the sends after it would crowd into its second, so the turns
    // not yet given move back by the excess.
    const late = Date.now() - (asked + wait);
    if (late > LATE_MS) await pacing.late(late - LATE_MS);
    return holdOn429(pacing, await prev(method, payload, signal));
  };
}

/**
 * For answers to a customer who just wrote: they go at once, and take a turn as they go, so that
 * reminders going out meanwhile make room for them instead of pushing the bot past its limit.
 */
export function countedSends(pacing: BotPacing): Transformer {
  return async (prev, method, payload, signal) => {
    if (!SENDS.test(method)) return prev(method, payload, signal);
    // Not awaited: the answer does not wait for Redis; a failed count only loosens the pacing.
    pacing.reserve().catch(() => {});
    return holdOn429(pacing, await prev(method, payload, signal));
  };
}
