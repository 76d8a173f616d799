import { randomUUID } from "node:crypto";
import type { ChatAddress, InboundEvent, OutboundMessage } from "../../src/core/messages.ts";
import type { Seed } from "../../src/emulator/seed.ts";
import { demoBackground, startDemoApp } from "./demo-app.ts";

/**
 * A one-barber business on the emulator with the waitlist's background running: offers are
 * delivered into `inbox` (by chat id) as the Telegram channel would send them, in small waves a few
 * seconds apart, with quiet hours and Shabbat off so the test's clock does not hold them.
 */
export async function startWaitlistWorld(seed: Seed) {
  const site = seed.sites[0]!.siteid;
  const demo = await startDemoApp({
    seed,
    env: { WAITLIST_WAVE_SIZE: "2", WAITLIST_WAVE_SPACING: "3s", QUIET_HOURS: "off", SHABBAT_QUIET: "false" },
  });
  const inbox = new Map<string, OutboundMessage[]>();
  const bg = demoBackground(demo, {
    telegram: {
      has: () => true,
      send: async (_site, chatId, messages) => {
        inbox.set(chatId, [...(inbox.get(chatId) ?? []), ...messages]);
        return "sent";
      },
    },
  });
  bg.jobs.startWorkers(["telegram-outbound"]);
  bg.waitlist.startWorker();

  /** A customer in a chat of their own, talking to the engine as a channel would pass it on. */
  function customer(
    cell: string,
    opts: { first?: string; channel?: ChatAddress["channel"]; chatId?: string } = {},
  ) {
    const address: ChatAddress = {
      site,
      channel: opts.channel ?? "telegram",
      chatId: opts.chatId ?? String(Math.floor(Math.random() * 1e9)),
    };
    const send = (message: InboundEvent["message"]) =>
      demo.app.engine.handle({ id: randomUUID(), address, message, languageHint: "en" });
    const buttons = (out: OutboundMessage[]) => out.flatMap((m) => (m.type === "choices" ? m.choices : []));
    return {
      address,
      send,
      offers: () => (inbox.get(address.chatId) ?? []).filter((m) => m.type === "choices"),
      /** Asks for something that needs the number, then shares it (with a name when given). */
      async link(ask = "my appointments") {
        await send({ type: "text", text: ask });
        return send({
          type: "contact",
          phone: cell,
          own: true,
          first: opts.first,
          last: opts.first && "Test",
        });
      },
      tap(out: OutboundMessage[], label: RegExp) {
        const b = buttons(out).find((c) => label.test(c.label));
        if (!b)
          throw new Error(
            `no ${label} in ${buttons(out)
              .map((c) => c.label)
              .join(" | ")}`,
          );
        return send({ type: "choice", id: b.id });
      },
    };
  }

  return {
    demo,
    site,
    customer,
    /** Live appointments in the emulator, as the business sees them. */
    live: () => [...demo.emulator.site(site).appointments.values()].filter((a) => a.status === "1"),
    async stop() {
      await bg.jobs.closeWorkers();
      await bg.jobs.closeQueues();
      await demo.stop();
    },
  };
}

/** What the bot said, bidi isolation marks removed. */
export const said = (out: OutboundMessage[]) =>
  out
    .map((m) => m.text)
    .join("\n")
    .replace(/[\u2068\u2069]/g, "");

/** Polls until `what` gives a value (offers arrive from the background). */
export async function until<T>(what: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * One barber (staff 201, service 501, one-hour cuts) who works one weekday 10:00-12:00, on a
 * business of its own; the tests fill that day with `appointments` and close the other weeks.
 */
export function oneBarberSeed(s: {
  siteid: string;
  name: string;
  weekday: "wed" | "thu";
  closedDates: string[];
  customers: Seed["sites"][number]["customers"];
  appointments: Seed["sites"][number]["appointments"];
}): Seed {
  const address = `רחוב הגפן ${s.siteid.slice(-1)}, תל אביב`;
  return {
    sites: [
      {
        siteid: s.siteid,
        name: s.name,
        phone: `03-555${s.siteid.slice(-4)}`,
        address,
        settings: {
          calendarType: "open",
          istz: "1",
          stepMinutes: 60,
          minLeadMinutes: 60,
          maxHorizonDays: 30,
        },
        branches: [{ id: "101", name: "הסניף", address }],
        staff: [
          {
            id: "201",
            name: "רון",
            branch: "101",
            showorder: 1,
            hours: { [s.weekday]: [["10:00", "12:00"]] },
          },
        ],
        services: [{ id: "501", name: "תספורת", duration: 60, price: "70" }],
        links: [["201", "501"]],
        closedDates: s.closedDates,
        customers: s.customers,
        appointments: s.appointments,
      },
    ],
  };
}
