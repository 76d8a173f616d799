import { Counter, collectDefaultMetrics, Registry } from "prom-client";

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
  return {
    registry,
    sent: (site: string, channel: string) => remindersSent.inc({ site, channel }),
    skipped: (site: string, reason: string) => remindersSkipped.inc({ site, reason }),
    webhook: (outcome: string) => webhooks.inc({ outcome }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
