import type { FluentVariable } from "@fluent/bundle";
import type { DateTime } from "luxon";
import type { Choice, OutboundMessage } from "../core/messages.ts";
import type { Appointment } from "../domain/appointment.ts";
import { customerName } from "./alerts.ts";

/** Choice ids of the attendance buttons: `s.y.<apptid>` came, `s.n.<apptid>` no-show. */
export const attendanceChoice = (came: boolean, apptId: string) => `s.${came ? "y" : "n"}.${apptId}`;

export interface DigestInput {
  /** Staff digests show one provider; an owner digest shows every provider with totals. */
  scope: { kind: "staff"; staffId: string } | { kind: "owner" };
  /** Tomorrow's live appointments of the site (one apptlist, format 2). */
  tomorrow: Appointment[];
  /** Today's appointments of the site. */
  today: Appointment[];
  now: DateTime;
  t: (id: string, args?: Record<string, FluentVariable>) => string;
  day: (dt: DateTime) => string;
  time: (dt: DateTime) => string;
}

const byStart = (a: Appointment, b: Appointment) => a.start.toMillis() - b.start.toMillis();
const customerAppointment = (a: Appointment) => a.status === "live" && !a.isLozamin;

/**
 * The evening digest: tomorrow marked confirmed / declined / no answer, today's no-shows, and
 * today's past appointments whose attendance nobody marked yet, each with came / no-show buttons.
 * Pure: it formats what one apptlist returned, so a digest costs one Tor4You call per site.
 */
export function composeDigest(input: DigestInput): OutboundMessage[] {
  const { t } = input;
  const mine = (a: Appointment) => input.scope.kind === "owner" || a.staffId === input.scope.staffId;
  const tomorrow = input.tomorrow.filter((a) => customerAppointment(a) && mine(a)).sort(byStart);
  const today = input.today.filter((a) => customerAppointment(a) && mine(a)).sort(byStart);
  const out: OutboundMessage[] = [];

  const mark = (a: Appointment) =>
    a.iscoming === 1
      ? t("digest-confirmed")
      : a.iscoming === 2
        ? t("digest-declined")
        : t("digest-no-answer");
  const line = (a: Appointment, extra: string) => {
    const service = a.serviceName?.trim();
    return `${input.time(a.start)} ${customerName(a)}${service ? ` · ${service}` : ""} ${extra}`.trim();
  };
  const count = (list: Appointment[], v: 0 | 1 | 2) => list.filter((a) => a.iscoming === v).length;
  const totals = (list: Appointment[]) =>
    t("digest-totals", {
      total: list.length,
      confirmed: count(list, 1),
      declined: count(list, 2),
      unanswered: count(list, 0),
    });

  const tomorrowDay = input.day(input.now.plus({ days: 1 }));
  if (tomorrow.length === 0) {
    out.push({ type: "text", text: t("digest-tomorrow-empty", { day: tomorrowDay }) });
  } else if (input.scope.kind === "owner") {
    const sections = groupByStaff(tomorrow).map(
      ([staff, list]) => `${staff}: ${totals(list)}\n${list.map((a) => line(a, mark(a))).join("\n")}`,
    );
    out.push({
      type: "text",
      text: [t("digest-tomorrow", { day: tomorrowDay }), totals(tomorrow), "", sections.join("\n\n")].join(
        "\n",
      ),
    });
  } else {
    out.push({
      type: "text",
      text: [
        t("digest-tomorrow", { day: tomorrowDay }),
        totals(tomorrow),
        "",
        ...tomorrow.map((a) => line(a, mark(a))),
      ].join("\n"),
    });
  }

  const noShows = today.filter((a) => a.showstatus === 2);
  if (noShows.length) {
    out.push({
      type: "text",
      text: [t("digest-no-shows", { count: noShows.length }), ...noShows.map((a) => line(a, ""))].join("\n"),
    });
  }
  // Attendance can be marked once the appointment has begun.
  const unmarked = today.filter((a) => a.showstatus === 0 && a.start <= input.now);
  for (const a of unmarked) {
    const buttons: Choice[] = [
      { id: attendanceChoice(true, a.id), label: t("digest-came") },
      { id: attendanceChoice(false, a.id), label: t("digest-no-show") },
    ];
    out.push({ type: "choices", text: `${t("digest-unmarked")}\n${line(a, "")}`, choices: buttons });
  }
  return out;
}

function groupByStaff(list: Appointment[]): Array<[string, Appointment[]]> {
  const groups = new Map<string, Appointment[]>();
  for (const a of list) {
    const key = a.staffName?.trim() || a.staffId || "?";
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.entries()];
}
