import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/dispatch.ts";
import { createEmulator, type Emulator } from "../../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../../src/emulator/seed.ts";

const zone = "Asia/Jerusalem";
const SITE = "750001";
// A Tuesday at least eight days ahead: its reminders are all in the future, on a weekday.
const today = DateTime.now().setZone(zone).startOf("day");
let tuesday = today.plus({ days: 8 });
while (tuesday.weekday !== 2) tuesday = tuesday.plus({ days: 1 });
const at = (hhmm: string) => DateTime.fromISO(`${tuesday.toISODate()}T${hhmm}`, { zone });

let emulator: Emulator;
let apiUrl: string;
const ourSite = `cli-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  emulator = createEmulator({
    seed: buildSeed(
      buildSite(SITE, {
        customers: [{ id: "1", first: "Noa", last: "Bar", cell: "0521230001" }],
        appointments: [
          { id: "901", staff: "11", service: "21", customer: "1", from: at("12:00"), to: at("12:30") },
          { id: "902", staff: "12", service: "21", from: at("13:00"), to: at("14:00"), islozamin: true },
        ],
      }),
    ),
  });
  apiUrl = await emulator.listen(0, "127.0.0.1");
});
afterAll(async () => {
  await emulator.close();
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: {
      TOR4YOU_API_URL: apiUrl,
      TOR4YOU_TORKEY: `${SITE}-token`,
      TOR4YOU_SITEID: ourSite,
      REDIS_URL: process.env.REDIS_URL,
      QUIET_HOURS: "21:30-08:00",
      // A holiday on that Monday would move the reminders: this test is about the preview.
      SHABBAT_QUIET: "false",
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped: new Promise(() => {}),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("tor4you-bot reminders preview", () => {
  it("shows when each reminder would go out, what would not and why, and whether a chat can take it", async () => {
    const r = await cli(["reminders", "preview", "--site", ourSite, "--days", "20"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const day = (d: DateTime) => d.toFormat("ccc dd.MM");
    expect(r.out).toContain(`${day(tuesday)} 12:00  #901  Cut · Dana  [no linked chat: will not be reached]`);
    expect(r.out).toContain(`    send 1440m before at ${day(tuesday.minus({ days: 1 }))} 12:00`);
    expect(r.out).toContain(`    send 120m before at ${day(tuesday)} 10:00`);
    expect(r.out).toMatch(/#902 .*\n {4}no 1440m reminder: lozamin/);
  });

  it("refuses bad options with one line", async () => {
    expect((await cli(["reminders", "preview", "--site", ourSite, "--days", "99"])).err).toMatch(
      /^reminders: --days: must be 1 to 30$/,
    );
    expect((await cli(["reminders", "show"])).err).toMatch(/use: reminders preview/);
  });
});

describe("--help", () => {
  it.each(["start", "emulator", "check", "staff", "reminders", "stats"])(
    "%s --help explains the command",
    async (name) => {
      const r = await cli([name, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: tor4you-bot ${name}`));
    },
  );
});
