import { parseArgs } from "node:util";
import { Bot } from "grammy";
import { InvalidInputError } from "../core/errors.ts";
import { createStaffLinks, MAX_CODE_HOURS, type StaffRole } from "../storage/staff-links.ts";
import type { CliIO } from "./io.ts";
import { cliSite, openCliSite } from "./site.ts";

/**
 * `tor4you-bot staff link --site S (--staff ID | --owner)`, `staff list --site S`,
 * `staff unlink --site S --chat telegram:12345`. Codes are printed once and kept only hashed.
 */
export async function runStaffCommand(args: string[], io: CliIO): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      site: { type: "string" },
      staff: { type: "string" },
      owner: { type: "boolean", default: false },
      chat: { type: "string" },
      "valid-hours": { type: "string", default: "24" },
    },
  });
  const site = cliSite(io, values.site);
  const { redis, keys, close } = await openCliSite(site);
  const links = createStaffLinks(redis, keys);
  try {
    if (action === "link") {
      if (!values.owner && !/^\d+$/.test(values.staff ?? "")) {
        throw new InvalidInputError("--staff", "give the Tor4You staff id (a number) or --owner");
      }
      const hours = Number(values["valid-hours"]);
      if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_CODE_HOURS)
        throw new InvalidInputError("--valid-hours", `must be more than 0 and at most ${MAX_CODE_HOURS}`);
      const role = values.owner
        ? ({ kind: "owner" } as const)
        : ({ kind: "staff", staffId: values.staff! } as const);
      const code = await links.createCode(site.id, role, Math.round(hours * 3600));
      io.out(
        `one-time code for ${values.owner ? "the owner" : `staff ${values.staff}`} of ${site.id}: ${code}  (valid ${hours} h)`,
      );
      if (site.telegram) {
        const bot = new Bot(site.telegram.token, { client: { apiRoot: site.telegram.apiRoot } });
        const me = await bot.api.getMe().catch(() => null);
        if (me) io.out(`Telegram: https://t.me/${me.username}?start=${code}`);
      }
      io.out("or send the code to the business's bot on Telegram or WhatsApp");
      return 0;
    }
    if (action === "list") {
      const label = (r: StaffRole) => (r.kind === "owner" ? "owner" : `staff ${r.staffId}`);
      for (const c of site.staff) io.out(`${c.channel}:${c.chatId}  ${label(c.role)}  (sites file)`);
      const all = await links.list(site.id);
      if (all.length === 0 && site.staff.length === 0) io.out(`no staff chats linked for ${site.id}`);
      for (const l of all) io.out(`${l.address.channel}:${l.address.chatId}  ${label(l.role)}`);
      return 0;
    }
    if (action === "unlink") {
      const m = /^(telegram|whatsapp|webchat):(.+)$/.exec(values.chat ?? "");
      if (!m)
        throw new InvalidInputError(
          "--chat",
          "give it as telegram:<chat id> or whatsapp:<id> (see staff list)",
        );
      const done = await links.unlink({ site: site.id, channel: m[1] as "telegram", chatId: m[2]! });
      io.out(done ? "unlinked" : "that chat was not linked");
      return done ? 0 : 1;
    }
    throw new InvalidInputError("staff", "use: staff link | staff list | staff unlink");
  } finally {
    close();
  }
}
