import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/dispatch.ts";
import { createEmulator, type Emulator } from "../../../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../../../src/emulator/seed.ts";
import { createActivityLog } from "../../../src/storage/activity-log.ts";
import { createKeys } from "../../../src/storage/keys.ts";
import { TEST_APP_SECRET } from "../../support/app-secret.ts";
import { deletePrefix } from "../../support/redis-prefix.ts";

const zone = "Asia/Jerusalem";
const T0 = DateTime.fromISO("2026-11-29T10:00", { zone }); // Sunday after the seeded week
const TOR4YOU_SITE = "740001";
const at = (day: string, hhmm: string) => DateTime.fromISO(`2026-11-${day}T${hhmm}`, { zone });

/**
 * The week of Sunday 22.11 at a small business: Dana (11) and Avi (12), Cut (21) and Color (22).
 * Every figure below is counted by hand from this table.
 *
 *   id   when         staff service answer    came?     reminders  bot cancel
 *   801  Sun 09:00    Dana  Cut     confirmed came      2
 *   802  Mon 10:00    Dana  Color   confirmed no-show   1
 *   803  Mon 11:00    Avi   Cut     none      no-show   2
 *   804  Tue 09:00    Avi   Cut     declined  -         1
 *   805  Wed 12:00    Dana  Cut     none      came      1
 *   806  Thu 09:00    Avi   Cut     declined  cancelled 1          yes
 *   807  Thu 10:00    Dana  Color   none      no-show   0
 *   808  Fri 09:00    Avi   Cut     confirmed came      0
 *   809  Sun 29 09:00 Dana  Cut     confirmed -         1   (next week: not counted)
 */
const appointments = [
  {
    id: "801",
    staff: "11",
    service: "21",
    customer: "1",
    from: at("22", "09:00"),
    iscoming: "1",
    showstatus: "1",
  },
  {
    id: "802",
    staff: "11",
    service: "22",
    customer: "2",
    from: at("23", "10:00"),
    iscoming: "1",
    showstatus: "2",
  },
  {
    id: "803",
    staff: "12",
    service: "21",
    customer: "3",
    from: at("23", "11:00"),
    iscoming: "0",
    showstatus: "2",
  },
  {
    id: "804",
    staff: "12",
    service: "21",
    customer: "4",
    from: at("24", "09:00"),
    iscoming: "2",
    showstatus: "0",
  },
  {
    id: "805",
    staff: "11",
    service: "21",
    customer: "5",
    from: at("25", "12:00"),
    iscoming: "0",
    showstatus: "1",
  },
  {
    id: "806",
    staff: "12",
    service: "21",
    customer: "6",
    from: at("26", "09:00"),
    iscoming: "2",
    showstatus: "0",
    status: "0",
  },
  {
    id: "807",
    staff: "11",
    service: "22",
    customer: "7",
    from: at("26", "10:00"),
    iscoming: "0",
    showstatus: "2",
  },
  {
    id: "808",
    staff: "12",
    service: "21",
    customer: "8",
    from: at("27", "09:00"),
    iscoming: "1",
    showstatus: "1",
  },
  {
    id: "809",
    staff: "11",
    service: "21",
    customer: "1",
    from: at("29", "09:00"),
    iscoming: "1",
    showstatus: "0",
  },
] as const;
const REMINDERS: Array<[string, number]> = [
  ["801", 2],
  ["802", 1],
  ["803", 2],
  ["804", 1],
  ["805", 1],
  ["806", 1],
  ["809", 1],
];

let emulator: Emulator;
let apiUrl: string;
let redis: Redis;
const site = `stats-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  emulator = createEmulator({
    start: T0,
    frozen: true,
    seed: buildSeed(
      buildSite(TOR4YOU_SITE, {
        customers: Array.from({ length: 8 }, (_, i) => ({
          id: String(i + 1),
          first: `Customer${i + 1}`,
          last: "Test",
          cell: `05200000${String(i + 1).padStart(2, "0")}`,
        })),
        appointments: appointments.map((a) => ({
          ...a,
          to: a.from.plus({ minutes: a.service === "22" ? 60 : 30 }),
          status: "status" in a ? a.status : "1",
        })),
      }),
    ),
  });
  apiUrl = await emulator.listen(0);
  redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  // What the bot recorded that week: the stats command uses the deployment's key prefix.
  const activity = createActivityLog(redis, createKeys("t4y", TEST_APP_SECRET));
  for (const [id, n] of REMINDERS) {
    const a = appointments.find((x) => x.id === id)!;
    for (let i = 0; i < n; i++) await activity.reminderSent(site, id, a.from.toFormat("yyyyMMddHHmm"));
  }
  await activity.cancelledByBot(site, {
    apptId: "806",
    start: "202611260900",
    staffId: "12",
    serviceId: "21",
  });
});

afterAll(async () => {
  await redis.del(`t4y:activity:{${site}}:20261122`, `t4y:activity:{${site}}:20261129`);
  await deletePrefix(redis, `t4y:t4y-budget:{${site}}`);
  await redis.quit();
  await emulator.close();
});

async function stats(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["stats", ...args], {
    env: {
      TOR4YOU_API_URL: apiUrl,
      TOR4YOU_TORKEY: `${TOR4YOU_SITE}-token`,
      TOR4YOU_SITEID: site,
      REDIS_URL: process.env.REDIS_URL,
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped: new Promise(() => {}),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const row = (text: string, start: string) =>
  text
    .split("\n")
    .find((l) => l.startsWith(start))
    ?.split(/\s{2,}/);

describe("tor4you-bot stats", () => {
  it("prints the seeded week's figures, matching the hand count", async () => {
    const r = await stats(["--site", site, "--weeks", "1", "--until", "2026-11-28"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    //                      appts reminded sent answered conf decl none ns|conf ns|none ns bot conf% ns%
    // The last column: bookings the waitlist filled that week (none in this seeded week).
    expect(row(r.out, "2026-11-22  all")).toEqual(
      "2026-11-22 all 7 6 8 4 2 2 2 1 1 3 1 33% 43% 0".split(" "),
    );
    const staffSection = r.out.slice(r.out.indexOf("per staff member"), r.out.indexOf("per service"));
    // Dana: 801 802 805 807 (4 appts); reminded 801 802 805; 4 sent; confirmed 801 802; 805 silent;
    // no-shows 802 (confirmed) and 807 (never reminded).
    expect(row(staffSection, "2026-11-22  Dana")).toEqual(
      "2026-11-22 Dana 4 3 4 2 2 0 1 1 0 2 0 67% 50%".split(" "),
    );
    // Avi: 803 804 808 live (806 cancelled); reminded 803 804 806; 4 sent; declined 804 806;
    // 803 silent and did not come; the bot cancelled 806.
    expect(row(staffSection, "2026-11-22  Avi")).toEqual(
      "2026-11-22 Avi 3 3 4 2 0 2 1 0 1 1 1 0% 33%".split(" "),
    );
    const serviceSection = r.out.slice(r.out.indexOf("per service"));
    expect(row(serviceSection, "2026-11-22  Color")).toEqual(
      "2026-11-22 Color 2 1 1 1 1 0 0 1 0 2 0 100% 100%".split(" "),
    );
    expect(row(serviceSection, "2026-11-22  Cut")).toEqual(
      "2026-11-22 Cut 5 5 7 3 1 2 2 0 1 1 1 20% 20%".split(" "),
    );
  });

  it("shows several weeks, the empty ones as zeros, and refuses bad options", async () => {
    const r = await stats(["--site", site, "--weeks", "3", "--until", "2026-11-29"]);
    expect(r.code).toBe(0);
    expect(row(r.out, "2026-11-15  all")?.slice(2, 5)).toEqual(["0", "0", "0"]);
    expect(row(r.out, "2026-11-29  all")?.slice(2, 5)).toEqual(["1", "1", "1"]);
    expect(row(r.out, "2026-11-22  all")?.[2]).toBe("7");
    const bad = await stats(["--site", site, "--weeks", "0"]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--weeks: must be 1 to 52/);
    expect((await stats(["--site", "nope"])).err).toMatch(/--site: no such site/);
  });
});
