import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { InvalidInputError } from "../core/errors.ts";
import { inZone } from "../core/zones.ts";
import { createSitePlans } from "../reminders/site-plans.ts";
import { createChatDirectory } from "../storage/chat-directory.ts";
import { listAppointments } from "../tor4you/apptlist-range.ts";
import type { CliIO } from "./io.ts";
import { cliSite, openCliSite } from "./site.ts";

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
  const site = cliSite(io, values.site);
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 30)
    throw new InvalidInputError("--days", "must be 1 to 30");

  const { redis, keys, client, close } = await openCliSite(site);
  try {
    const now = inZone(DateTime.now(), site.timezone);
    // Sorted by start; a busy month is split where one answer would hit the row cap.
    const appts = (await listAppointments(client, { from: now, to: now.plus({ days }), format: 2 })).filter(
      (a) => a.start > now,
    );
    const plans = createSitePlans([site]);
    const directory = createChatDirectory(redis, keys);
    const channels = new Set(site.channels);
    io.out(
      `${site.id}: ${appts.length} appointment(s) in the next ${days} day(s), times in ${site.timezone}`,
    );
    for (const a of appts) {
      const head = `${inZone(a.start, site.timezone).toFormat("ccc dd.MM HH:mm")}  #${a.id}  ${a.serviceName?.trim() ?? ""} · ${a.staffName?.trim() ?? ""}`;
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
            `send ${d.offsetMin}m before at ${inZone(d.dueAt, site.timezone).toFormat("ccc dd.MM HH:mm")}`,
        ),
        ...plan.skipped.map((s) => `no ${s.offsetMin}m reminder: ${s.reason}`),
      ];
      io.out(`${head}  [${who}]`);
      for (const l of lines) io.out(`    ${l}`);
    }
    return 0;
  } finally {
    close();
  }
}
