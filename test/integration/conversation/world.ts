import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import { createApp } from "../../../src/app.ts";
import { demoSiteDefaults } from "../../../src/config/load.ts";
import type { ChannelKind, Inbound, InboundEvent, OutboundMessage } from "../../../src/core/messages.ts";
import { sitesFromEmulator } from "../../../src/demo.ts";
import { createEmulator } from "../../../src/emulator/emulator.ts";
import type { Seed } from "../../../src/emulator/seed.ts";
import { TOR4YOU_ZONE } from "../../../src/tor4you/dates.ts";
import { deletePrefix } from "../../support/redis-prefix.ts";

/** Monday 23 Nov 2026, 10:00 in Israel: a working day with the demo's appointments around it. */
export const T0 = DateTime.fromISO("2026-11-23T10:00:00", { zone: TOR4YOU_ZONE });

/**
 * A whole conversation world: the emulator over real HTTP, a real Redis with a private key
 * prefix, and the app as `start` builds it. `chat(...)` plays one customer.
 */
export async function startWorld(
  opts: { seed?: Seed | ((now: DateTime) => Seed); env?: Record<string, string> } = {},
) {
  const emulator = createEmulator({ start: T0, frozen: true, seed: opts.seed });
  const apiUrl = await emulator.listen(0);
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const prefix = `test-${randomBytes(6).toString("hex")}`;
  const sites = sitesFromEmulator(emulator, apiUrl, demoSiteDefaults({ CANCEL_CUTOFF: "3h", ...opts.env }));
  const app = createApp({
    sites,
    redis,
    logger: pino({ level: "silent" }),
    defaultLocale: "he",
    keyPrefix: prefix,
    now: () => emulator.clock.now(),
  });

  function chat(site: string, chatId: string = randomUUID(), channel: ChannelKind = "telegram") {
    const address = { site, channel, chatId };
    const transcript: OutboundMessage[][] = [];
    async function send(message: Inbound, extra: Partial<InboundEvent> = {}) {
      const out = await app.engine.handle({
        id: randomUUID(),
        address,
        message,
        languageHint: "en",
        ...extra,
      });
      transcript.push(out);
      return out;
    }
    return {
      address,
      transcript,
      send,
      text: (text: string, extra?: Partial<InboundEvent>) => send({ type: "text", text }, extra),
      tap: (id: string) => send({ type: "choice", id }),
      /** Taps the button whose label matches, from the last message that had buttons. */
      tapLabel: (label: string | RegExp) => {
        const last = [...transcript.flat()].reverse().find((m) => m.type === "choices");
        if (last?.type !== "choices") throw new Error("no buttons to tap");
        const c = last.choices.find((x) =>
          typeof label === "string" ? x.label === label : label.test(x.label),
        );
        if (!c) throw new Error(`no button ${label}; have: ${last.choices.map((x) => x.label).join(" | ")}`);
        return send({ type: "choice", id: c.id });
      },
      shareOwnContact: (phone: string, first = "Dana", last = "Levi") =>
        send({ type: "contact", phone, own: true, first, last }),
    };
  }

  return {
    emulator,
    app,
    redis,
    sites,
    chat,
    async stop() {
      await emulator.close();
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
}

export function texts(out: OutboundMessage[]): string {
  // Fluent's bidi isolation marks are right for screens and noise for assertions.
  return out
    .map((m) => m.text)
    .join("\n---\n")
    .replace(/[\u2068\u2069]/g, "");
}
