import { DateTime } from "luxon";
import type { Appointment } from "../domain/appointment.ts";

/** An appointment as JSON in Redis, its times back in the zone they were read in. */
export function encodeAppointment(a: Appointment): string {
  return JSON.stringify({
    ...a,
    start: a.start.toISO(),
    end: a.end.toISO(),
    tmpExpire: a.tmpExpire?.toISO(),
    zone: a.start.zoneName,
  });
}

export function decodeAppointment(json: string): Appointment {
  const o = JSON.parse(json) as Record<string, unknown> & { zone: string };
  const at = (v: unknown) => DateTime.fromISO(String(v), { zone: o.zone });
  const { zone: _z, ...rest } = o;
  return {
    ...(rest as unknown as Appointment),
    start: at(o.start),
    end: at(o.end),
    ...(o.tmpExpire ? { tmpExpire: at(o.tmpExpire) } : {}),
  };
}
