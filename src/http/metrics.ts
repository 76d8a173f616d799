import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";

/**
 * The program's own counters. Labels stay low-cardinality: a site, a reason, a channel; never a
 * user, a chat or an appointment.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const remindersSent = new Counter({
    name: "tor4you_bot_reminders_sent_total",
    help: "Reminders handed to a channel",
    labelNames: ["site", "channel"] as const,
    registers: [registry],
  });
  const remindersSkipped = new Counter({
    name: "tor4you_bot_reminders_skipped_total",
    help: "Decisions not to send a reminder, by reason",
    labelNames: ["site", "reason"] as const,
    registers: [registry],
  });
  const webhooks = new Counter({
    name: "tor4you_bot_tor4you_webhooks_total",
    help: "Tor4You webhooks received, by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const sessionUp = new Gauge({
    name: "tor4you_bot_whatsapp_session_up",
    help: "1 while the WhatsApp session is connected and ready, else 0",
    labelNames: ["session"] as const,
    registers: [registry],
  });
  return {
    registry,
    whatsappSession: (session: string, ready: boolean) => sessionUp.set({ session }, ready ? 1 : 0),
    sent: (site: string, channel: string) => remindersSent.inc({ site, channel }),
    skipped: (site: string, reason: string) => remindersSkipped.inc({ site, reason }),
    webhook: (outcome: string) => webhooks.inc({ outcome }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
