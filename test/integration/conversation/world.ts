import { randomUUID } from "node:crypto";
import type { DateTime } from "luxon";
import type { ChannelKind, Inbound, InboundEvent, OutboundMessage } from "../../../src/core/messages.ts";
import type { Seed } from "../../../src/emulator/seed.ts";
import type { WireMode } from "../../../src/emulator/variants.ts";
import { startDemoApp, T0 } from "../../support/demo-app.ts";

export { T0 };

/**
 * A whole conversation world: the emulator over real HTTP, a real Redis with a private key
 * prefix, and the app as `start` builds it. `chat(...)` plays one customer.
 */
export async function startWorld(
  opts: { seed?: Seed | ((now: DateTime) => Seed); env?: Record<string, string>; wire?: WireMode } = {},
) {
  // Scripted customers answer in milliseconds, faster than any person: the per-chat turn limit
  // (test/security/chat-flood.test.ts) would cut their longer conversations short.
  const base = await startDemoApp({ chatTurnsPerMinute: 200, ...opts });
  const { emulator, app, redis, sites } = base;

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
        const plain = (l: string) => l.replace(/[\u2068\u2069]/g, "");
        const c = last.choices.find((x) =>
          typeof label === "string" ? plain(x.label) === label : label.test(plain(x.label)),
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
    stop: base.stop,
  };
}

export function texts(out: OutboundMessage[]): string {
  // Fluent's bidi isolation marks are right for screens and noise for assertions.
  return out
    .map((m) => m.text)
    .join("\n---\n")
    .replace(/[\u2068\u2069]/g, "");
}

type Chat = ReturnType<Awaited<ReturnType<typeof startWorld>>["chat"]>;

/**
 * The demo barber's men's haircut at its central branch, tomorrow morning, up to the summary: the
 * customer shares `phone` and taps the first time offered. Returns that time's label.
 */
export async function barberUpToSummary(c: Chat, phone: string): Promise<string> {
  await c.text("book");
  await c.send({ type: "contact", phone, own: true, first: "Dana", last: "Levi" });
  await c.tapLabel(/^תספורת גברים ·/);
  await c.tapLabel("סניף מרכז");
  const staff = c.transcript.at(-1)!.find((m) => m.type === "choices");
  if (staff?.type === "choices" && !staff.choices.some((x) => x.label === "Tomorrow morning"))
    await c.tap(staff.choices[0]!.id);
  await c.tapLabel("Tomorrow morning");
  const times = c.transcript.at(-1)!.find((m) => m.type === "choices");
  const first =
    times?.type === "choices" ? times.choices.find((x) => /^\d\d:\d\d$/.test(x.label)) : undefined;
  await c.tapLabel(first!.label);
  return first!.label;
}
