import type { DateTime } from "luxon";
import { inZone } from "../core/zones.ts";
import type { Appointment } from "../domain/appointment.ts";
import { type WeekRecord, weekKey } from "../domain/week.ts";

export type { WeekRecord };

/**
 * One row of figures. Answers are counted among the appointments that got at least one
 * reminder (what the bot can take credit for); `noShows` and `appointments` cover every
 * customer appointment of the week.
 */
export interface Counts {
  appointments: number;
  reminded: number;
  remindersSent: number;
  answered: number;
  confirmed: number;
  declined: number;
  noAnswer: number;
  noShowsConfirmed: number;
  noShowsUnanswered: number;
  noShows: number;
  cancelledByBot: number;
}

export interface Group {
  id: string;
  name: string;
  counts: Counts;
}

export interface WeekStats {
  /** The Sunday that starts the week, `yyyy-MM-dd`. */
  week: string;
  total: Counts;
  byStaff: Group[];
  byService: Group[];
  /** Bookings made from the waitlist for this week's times (the bot's own count). */
  filledFromWaitlist: number;
}

const empty = (): Counts => ({
  appointments: 0,
  reminded: 0,
  remindersSent: 0,
  answered: 0,
  confirmed: 0,
  declined: 0,
  noAnswer: 0,
  noShowsConfirmed: 0,
  noShowsUnanswered: 0,
  noShows: 0,
  cancelledByBot: 0,
});

export const confirmationRate = (c: Counts) => (c.reminded ? c.confirmed / c.reminded : null);
export const noShowRate = (c: Counts) => (c.appointments ? c.noShows / c.appointments : null);

/**
 * Joins what Tor4You knows (answers, attendance, staff, service: one apptlist with cancelled
 * ones included) with what only the bot knows (reminders sent, cancellations through the chat),
 * per week of the appointment's start, per staff member and per service. Pure.
 */
export function computeStats(input: {
  /** Sundays of the weeks, oldest first. */
  weeks: readonly DateTime[];
  appointments: readonly Appointment[];
  records: ReadonlyMap<string, WeekRecord>;
  zone: string;
  /** Bookings from the waitlist per week key (`yyyyMMdd` Sunday). */
  filled?: ReadonlyMap<string, number>;
}): WeekStats[] {
  const byId = new Map(input.appointments.map((a) => [a.id, a]));
  const staffNames = new Map<string, string>();
  const serviceNames = new Map<string, string>();
  for (const a of input.appointments) {
    if (a.staffId && a.staffName) staffNames.set(a.staffId, a.staffName.trim());
    if (a.serviceId && a.serviceName) serviceNames.set(a.serviceId, a.serviceName.trim());
  }

  return input.weeks.map((sunday) => {
    const key = weekKey(sunday);
    const record = input.records.get(key) ?? { reminders: new Map(), cancels: new Map() };
    const total = empty();
    const staff = new Map<string, Counts>();
    const services = new Map<string, Counts>();
    const rowsOf = (staffId?: string, serviceId?: string) => {
      const rows = [total];
      if (staffId) rows.push(getOr(staff, staffId));
      if (serviceId) rows.push(getOr(services, serviceId));
      return rows;
    };
    const add = (rows: Counts[], field: keyof Counts, n = 1) => {
      for (const r of rows) r[field] += n;
    };

    const inWeek = (a: Appointment) => weekKey(inZone(a.start, input.zone)) === key;
    for (const a of input.appointments) {
      if (!inWeek(a) || a.status !== "live" || a.isLozamin) continue;
      const rows = rowsOf(a.staffId, a.serviceId);
      add(rows, "appointments");
      if (a.showstatus === 2) add(rows, "noShows");
    }
    for (const [apptId, sent] of record.reminders) {
      const a = byId.get(apptId);
      const rows = rowsOf(a?.staffId, a?.serviceId);
      add(rows, "reminded");
      add(rows, "remindersSent", sent);
      const answer = a?.iscoming ?? 0;
      if (answer === 1) add(rows, "confirmed");
      else if (answer === 2) add(rows, "declined");
      else add(rows, "noAnswer");
      if (answer !== 0) add(rows, "answered");
      if (a?.status === "live" && a.showstatus === 2) {
        if (answer === 1) add(rows, "noShowsConfirmed");
        if (answer === 0) add(rows, "noShowsUnanswered");
      }
    }
    for (const c of record.cancels.values()) add(rowsOf(c.staffId, c.serviceId), "cancelledByBot");

    const groups = (m: Map<string, Counts>, names: Map<string, string>) =>
      [...m.entries()]
        .map(([id, counts]) => ({ id, name: names.get(id) ?? id, counts }))
        .sort((x, y) => x.name.localeCompare(y.name, "he"));
    return {
      week: sunday.toFormat("yyyy-MM-dd"),
      total,
      byStaff: groups(staff, staffNames),
      byService: groups(services, serviceNames),
      filledFromWaitlist: input.filled?.get(key) ?? 0,
    };
  });
}

function getOr(m: Map<string, Counts>, id: string): Counts {
  let c = m.get(id);
  if (!c) {
    c = empty();
    m.set(id, c);
  }
  return c;
}

const COLUMNS: Array<[keyof Counts, string]> = [
  ["appointments", "appts"],
  ["reminded", "reminded"],
  ["remindersSent", "sent"],
  ["answered", "answered"],
  ["confirmed", "confirmed"],
  ["declined", "declined"],
  ["noAnswer", "no answer"],
  ["noShowsConfirmed", "no-show|confirmed"],
  ["noShowsUnanswered", "no-show|no answer"],
  ["noShows", "no-shows"],
  ["cancelledByBot", "bot cancels"],
];

const pct = (r: number | null) => (r === null ? "-" : `${Math.round(r * 100)}%`);

/** Plain-text tables for the terminal: site per week, then per staff member, then per service. */
export function formatStatsTable(site: string, weeks: readonly WeekStats[]): string {
  const head = ["week", "", ...COLUMNS.map(([, h]) => h), "confirm%", "no-show%"];
  const row = (week: string, label: string, c: Counts) => [
    week,
    label,
    ...COLUMNS.map(([k]) => String(c[k])),
    pct(confirmationRate(c)),
    pct(noShowRate(c)),
  ];
  const sections: Array<[string, string[][]]> = [
    [
      `${site}: per week`,
      [
        [...head, "waitlist"],
        ...weeks.map((w) => [...row(w.week, "all", w.total), String(w.filledFromWaitlist)]),
      ],
    ],
    [`${site}: per staff member`, weeks.flatMap((w) => w.byStaff.map((g) => row(w.week, g.name, g.counts)))],
    [`${site}: per service`, weeks.flatMap((w) => w.byService.map((g) => row(w.week, g.name, g.counts)))],
  ];
  // The per-week section brings its own head (it has the waitlist column); the others share one.
  return sections
    .map(([title, rows], i) => `${title}\n${table(i === 0 ? rows : [head, ...rows])}`)
    .join("\n\n");
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
