import type { DateTime } from "luxon";

/**
 * "unknown": the answer carried no status. It is not "live": it is resolved like a refusal (read
 * again, list its day), except where the call itself lists only live rows (no `showcancelled`).
 */
export type AppointmentStatus = "live" | "cancelled" | "expired" | "unknown";
/** iscoming: 0 not updated, 1 will come, 2 will not come. */
export type Iscoming = 0 | 1 | 2;
/** showstatus: 0 not updated, 1 attended, 2 no-show. */
export type Showstatus = 0 | 1 | 2;

/**
 * One appointment as the rest of the program sees it, whatever Tor4You call or webhook it came
 * from. Ids are strings (Tor4You sends numbers or numeric strings); times are in the site's zone.
 * Optional fields are absent when the source did not carry them (apptlist format=1 is short).
 */
export interface Appointment {
  id: string;
  /** conf / vfib token needed to change or delete it. */
  conf?: string;
  status: AppointmentStatus;
  start: DateTime;
  end: DateTime;
  staffId?: string;
  staffName?: string;
  serviceId?: string;
  serviceName?: string;
  branchId?: string;
  branchName?: string;
  slotId?: string;
  participants?: number;
  iscoming: Iscoming;
  showstatus: Showstatus;
  /** Set only for a temporary booking (awaiting payment) that expires if nothing happens. */
  tmpExpire?: DateTime;
  isLozamin?: boolean;
  customer: {
    id?: string;
    first?: string;
    last?: string;
    /** `05XXXXXXXX` */
    cell?: string;
    tz?: string;
    email?: string;
  };
  notes?: string;
  /** af1..af20 that are set. */
  extra?: Record<string, string>;
}

export const APPOINTMENT_STATUS_CODES: Record<string, AppointmentStatus> = {
  "1": "live",
  "0": "cancelled",
  "5": "expired",
};
