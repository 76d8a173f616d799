import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import pino from "pino";
import type { CliIO } from "./cli.ts";
import { loadConfig } from "./config/load.ts";
import { InvalidInputError } from "./core/errors.ts";
import { createSitePlans } from "./reminders/site-plans.ts";
import { createChatDirectory } from "./storage/chat-directory.ts";
import { createKeys } from "./storage/keys.ts";
import { createRedisUsageBudget } from "./storage/usage-budget.ts";
import { createTor4YouClient } from "./tor4you/client.ts";

/**
 * `tor4you-bot reminders preview --site S [--days 2]`: for the coming days, each appointment's
 * reminders as the policy plans them (when), or why none, and whether a chat can take them.
 * Reads Tor4You (one apptlist) and Redis; sends and changes nothing.
 */
export async function runPreviewCommand(args: string[], io: CliIO): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "preview")
    throw new InvalidInputError("reminders", "use: reminders preview --site S [--days 2]");
  const { values } = parseArgs({
    args: rest,
    options: { site: { type: "string" }, days: { type: "string", default: "2" } },
  });
  const config = loadConfig(io.env);
  const site = config.sites.find((s) => s.id === (values.site ?? config.sites[0]?.id));
  if (!site)
    throw new InvalidInputError(
      "--site",
      config.demo ? "the demo has no fixed sites; configure one" : "no such site",
    );
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 30)
    throw new InvalidInputError("--days", "must be 1 to 30");

  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = createKeys("t4y");
    const client = createTor4YouClient({
      baseUrl: site.tor4you.apiUrl,
      site: site.id,
      auth: site.tor4you.auth,
      zone: site.timezone,
      logger: pino({ level: "silent" }),
      budget: createRedisUsageBudget({
        redis,
        keys,
        limits: () => ({ perMinute: site.tor4you.ratePerMinute, perDay: site.tor4you.ratePerDay }),
      }),
    });
    const now = DateTime.now().setZone(site.timezone);
    const list = await client.apptlist({
      from: now.startOf("day"),
      to: now.plus({ days }).endOf("day"),
      format: 2,
    });
    const appts = (list.changed ? list.appointments : [])
      .filter((a) => a.start > now)
      .sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const plans = createSitePlans([site]);
    const directory = createChatDirectory(redis, keys);
    const channels = new Set(site.channels);
    io.out(
      `${site.id}: ${appts.length} appointment(s) in the next ${days} day(s), times in ${site.timezone}`,
    );
    for (const a of appts) {
      const head = `${a.start.setZone(site.timezone).toFormat("ccc dd.MM HH:mm")}  #${a.id}  ${a.serviceName?.trim() ?? ""} · ${a.staffName?.trim() ?? ""}`;
      const plan = plans.plan(site.id, a, now);
      const chats = a.customer.cell ? await directory.chatsFor(site.id, a.customer.cell) : [];
      const reachable = chats.filter((c) => channels.has(c.address.channel as "telegram") && !c.unreachable);
      const who = !a.customer.cell
        ? "no phone"
        : chats.some((c) => c.remindersOff)
          ? "opted out"
          : reachable.length
            ? `chat on ${[...new Set(reachable.map((c) => c.address.channel))].join(", ")}`
            : site.channels.includes("whatsapp")
              ? "no linked chat (WhatsApp by number)"
              : "no linked chat: will not be reached";
      const lines = [
        ...plan.desired.map(
          (d) =>
            `send ${d.offsetMin}m before at ${d.dueAt.setZone(site.timezone).toFormat("ccc dd.MM HH:mm")}`,
        ),
        ...plan.skipped.map((s) => `no ${s.offsetMin}m reminder: ${s.reason}`),
      ];
      io.out(`${head}  [${who}]`);
      for (const l of lines) io.out(`    ${l}`);
    }
    return 0;
  } finally {
    redis.disconnect();
  }
}
