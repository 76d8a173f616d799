import type { Transformer } from "grammy";

const LATE_MS = 10;
/** Bot API methods that put a message in a chat: the ones Telegram's per-bot limit counts. */
const SENDS = /^(send|copyMessage|forwardMessage)/;

export interface BotPacing {
  /** Takes the bot's next turn; resolves with the wait for it (ms). */
  reserve(): Promise<number>;
  /** A send went out this much after its turn: later turns move back as much. */
  late(ms: number): Promise<void>;
  /** Telegram said "retry after" this long: no send of the bot's starts before then. */
  hold(ms: number): Promise<void>;
}

/**
 * A grammY API transformer that spaces a bot's sends evenly (see src/storage/send-pacing.ts).
 * Installed before auto-retry, so a retried send waits its turn like any other, and a 429 holds
 * every send of the bot, not only the one refused.
 */
export function pacedSends(pacing: BotPacing): Transformer {
  return async (prev, method, payload, signal) => {
    if (!SENDS.test(method)) return prev(method, payload, signal);
    const asked = Date.now();
    const wait = await pacing.reserve();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // The turns are spaced a little wider than the limit: that slack absorbs a send this late. A
    // later one would let the sends after it crowd into its second, so the turns not yet given
    // move back by the excess.
    const late = Date.now() - (asked + wait);
    if (late > LATE_MS) await pacing.late(late - LATE_MS);
    const result = await prev(method, payload, signal);
    const retryAfter = !result.ok ? result.parameters?.retry_after : undefined;
    if (retryAfter) await pacing.hold(retryAfter * 1000);
    return result;
  };
}
