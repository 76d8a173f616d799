import { describe, expect, it } from "vitest";
import type { SiteConfig } from "../../../src/config/types.ts";
import {
  createReminderPlanner,
  isPlanned,
  offsetsFor,
  planReminderTimes,
  policyFromSite,
} from "../../../src/reminders/policy.ts";
import { at, H, M, plan, policy, zone } from "./helpers.ts";

// Week of Mon 16 - Sun 22 March 2026 (before the DST switch); Shabbat is Fri 20 / Sat 21.
const NOW = "2026-03-16T09:00";

describe("offsets", () => {
  it("plans 24h, 2h and 90m before a weekday appointment, largest first, in the site's zone", () => {
    expect(plan("2026-03-18T14:00", NOW, { offsetsMs: [2 * H, 24 * H, 90 * M] })).toEqual([
      "1440m Tue 2026-03-17 14:00 +02:00",
      "120m Wed 2026-03-18 12:00 +02:00",
      "90m Wed 2026-03-18 12:30 +02:00",
    ]);
  });

  it("gives each due time in the site's zone even when the appointment arrives in UTC", () => {
    const [r] = planReminderTimes({
      appointment: { status: "live", start: at("2026-03-18T14:00").toUTC() },
      policy: policy({ offsetsMs: [2 * H] }),
      now: at(NOW).toUTC(),
    });
    expect(r && isPlanned(r) && r.dueAt.zoneName).toBe(zone);
    expect(r && isPlanned(r) && r.dueAt.toFormat("HH:mm")).toBe("12:00");
  });

  it("uses the service's own offsets instead of the site's", () => {
    const perServiceMs = { "501": [3 * H] };
    expect(plan("2026-03-18T14:00", NOW, { perServiceMs }, { serviceId: "501" })).toEqual([
      "180m Wed 2026-03-18 11:00 +02:00",
    ]);
    expect(plan("2026-03-18T14:00", NOW, { perServiceMs }, { serviceId: "7" })).toEqual([
      "1440m Tue 2026-03-17 14:00 +02:00",
      "120m Wed 2026-03-18 12:00 +02:00",
    ]);
    expect(plan("2026-03-18T14:00", NOW, { perServiceMs }, { serviceId: undefined })).toHaveLength(2);
  });

  it("sends nothing for a service whose offsets are an empty list", () => {
    expect(plan("2026-03-18T14:00", NOW, { perServiceMs: { "501": [] } }, { serviceId: "501" })).toEqual([]);
  });

  it("plans a duplicated offset once", () => {
    expect(plan("2026-03-18T14:00", NOW, { offsetsMs: [2 * H, 120 * M, 2 * H] })).toEqual([
      "120m Wed 2026-03-18 12:00 +02:00",
    ]);
    expect(offsetsFor({ offsetsMs: [H, 2 * H, H] })).toEqual([2 * H, H]);
  });

  it("works at minute granularity, rounding a due time down (never late)", () => {
    expect(plan("2026-03-18T14:00", NOW, { offsetsMs: [90_000] })).toEqual([
      "1.5m Wed 2026-03-18 13:58 +02:00",
    ]);
    expect(plan("2026-03-18T14:00:45", NOW, { offsetsMs: [H] })).toEqual(["60m Wed 2026-03-18 13:00 +02:00"]);
  });

  it("reports offsets that are not positive as invalid and plans the rest", () => {
    expect(plan("2026-03-18T14:00", NOW, { offsetsMs: [0, -H, 2 * H, Number.NaN] })).toEqual([
      "120m Wed 2026-03-18 12:00 +02:00",
      "0m skip invalid_offset",
      "-60m skip invalid_offset",
      "NaNm skip invalid_offset",
    ]);
  });

  it("builds the policy from a site's configuration", () => {
    const site = {
      reminders: { offsetsMs: [3 * H], perServiceMs: { "9": [H] } },
      quietHours: { startMinute: 1290, endMinute: 480, text: "21:30-08:00" },
      shabbatQuiet: false,
      timezone: zone,
    } satisfies Pick<SiteConfig, "reminders" | "quietHours" | "shabbatQuiet" | "timezone">;
    const p = policyFromSite(site);
    const now = at(NOW);
    const plan1 = (serviceId: string) =>
      planReminderTimes({
        appointment: { status: "live", start: at("2026-03-18T09:30"), serviceId },
        policy: p,
        now,
      });
    // 3h before 09:30 is 06:30, inside the site's quiet hours: moved to the evening before.
    expect(plan1("1").map((r) => isPlanned(r) && r.dueAt.toISO())).toEqual(["2026-03-17T21:30:00.000+02:00"]);
    expect(plan1("9").map((r) => isPlanned(r) && r.dueAt.toISO())).toEqual(["2026-03-18T08:30:00.000+02:00"]);
  });

  it("gives the same plan through a prepared planner as through planReminderTimes", () => {
    const p = policy();
    const planner = createReminderPlanner(p);
    const a = { status: "live" as const, start: at("2026-03-22T08:15") };
    expect(planner(a, at(NOW))).toEqual(planReminderTimes({ appointment: a, policy: p, now: at(NOW) }));
  });

  it("rejects an unknown time zone", () => {
    expect(() => createReminderPlanner(policy({ timezone: "Mars/Olympus" }))).toThrow(/time zone/);
  });
});

describe("appointments that get no reminders", () => {
  it.each([
    ["cancelled", { status: "cancelled" as const }, "not_live"],
    ["expired", { status: "expired" as const }, "not_live"],
    ["a lozamin entry", { isLozamin: true }, "lozamin"],
    ["a temporary booking", { tmpExpire: at("2026-03-16T09:20") }, "temporary"],
  ])("%s: every offset is skipped with its reason", (_name, over, reason) => {
    expect(plan("2026-03-18T14:00", NOW, {}, over)).toEqual([`1440m skip ${reason}`, `120m skip ${reason}`]);
  });

  it("an appointment that already started (or starts now) is past", () => {
    expect(plan("2026-03-16T09:00", NOW)).toEqual(["1440m skip past", "120m skip past"]);
    expect(plan("2026-03-16T08:00", NOW)).toEqual(["1440m skip past", "120m skip past"]);
  });

  it("a cancelled appointment is not_live even when it is also temporary and past", () => {
    expect(
      plan("2026-03-16T08:00", NOW, {}, { status: "cancelled", tmpExpire: at("2026-03-16T08:20") }),
    ).toEqual(["1440m skip not_live", "120m skip not_live"]);
  });

  it("a temporary booking that is confirmed (tmpExpire cleared) gets its reminders", () => {
    expect(plan("2026-03-18T14:00", NOW, {}, { tmpExpire: undefined })).toEqual([
      "1440m Tue 2026-03-17 14:00 +02:00",
      "120m Wed 2026-03-18 12:00 +02:00",
    ]);
  });
});

describe("booked inside its own reminder window", () => {
  it("booked 3h before: the 24h reminder is skipped, not sent late; the 2h one is on time", () => {
    expect(plan("2026-03-18T14:00", "2026-03-18T11:00")).toEqual([
      "1440m skip window_passed",
      "120m Wed 2026-03-18 12:00 +02:00",
    ]);
  });

  it("booked 1h before, after every reminder time: one reminder goes out now (late_booking)", () => {
    const now = at("2026-03-18T13:00:20");
    const out = planReminderTimes({
      appointment: { status: "live", start: at("2026-03-18T14:00") },
      policy: policy(),
      now,
    });
    expect(out).toEqual([
      { offsetMs: 24 * H, skip: "window_passed" },
      { offsetMs: 2 * H, dueAt: now, adjusted: "late_booking" },
    ]);
  });

  it("booked 30 minutes or less before: no reminder at all", () => {
    expect(plan("2026-03-18T14:00", "2026-03-18T13:30")).toEqual([
      "1440m skip window_passed",
      "120m skip window_passed",
    ]);
    expect(plan("2026-03-18T14:00", "2026-03-18T13:29")).toEqual([
      "1440m skip window_passed",
      "120m Wed 2026-03-18 13:29 +02:00 late_booking",
    ]);
  });

  it("the late-booking threshold is configurable", () => {
    expect(plan("2026-03-18T14:00", "2026-03-18T13:00", { lateBookingMinLeadMs: 90 * M })).toEqual([
      "1440m skip window_passed",
      "120m skip window_passed",
    ]);
  });

  it("an appointment seen long ago whose reminders went out on time is not a late booking later", () => {
    expect(plan("2026-03-18T14:00", "2026-03-18T13:00", {}, {}, "2026-03-10T09:00")).toEqual([
      "1440m skip window_passed",
      "120m skip window_passed",
    ]);
    // seen for the first time after both reminder times: the late reminder stands on a rescan
    expect(plan("2026-03-18T14:00", "2026-03-18T13:10", {}, {}, "2026-03-18T12:30")).toEqual([
      "1440m skip window_passed",
      "120m Wed 2026-03-18 13:10 +02:00 late_booking",
    ]);
  });

  it("a late booking made during quiet hours gets no reminder (it cannot go out earlier)", () => {
    // Booked at 23:00 for 00:30: 24h and 2h have passed, and now is quiet.
    expect(plan("2026-03-19T00:30", "2026-03-18T23:00")).toEqual([
      "1440m skip window_passed",
      "120m skip quiet_unavoidable",
    ]);
  });
});
