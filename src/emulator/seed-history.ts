import type { DateTime } from "luxon";
import { pickOne, seededRandom } from "./random.ts";
import type { SeedSite } from "./seed.ts";

type SeedAppointment = NonNullable<SeedSite["appointments"]>[number];

export interface HistoryShape {
  /** The working days to fill, as midnights in the site's zone, oldest first. */
  days: readonly DateTime[];
  /** [staff, service, minutes] a customer can book. */
  bookable: ReadonlyArray<readonly [string, string, number]>;
  staff: readonly string[];
  customers: readonly string[];
  /** Start times that fit every working day, far enough apart for the longest service. */
  times: readonly string[];
  firstId: number;
  seed: number;
}

/**
 * Weeks of past appointments with answers and attendance, so a demo's statistics have something
 * to show on the first run. Reproducible (seeded), and it tells a plausible story: more customers
 * confirm, and fewer fail to come, as the weeks go by with reminders. A decline was mostly
 * cancelled in the chat; a confirmed customer rarely fails to come, a silent one often does.
 */
export function pastAppointments(shape: HistoryShape): SeedAppointment[] {
  const random = seededRandom(shape.seed);
  const out: SeedAppointment[] = [];
  let id = shape.firstId;
  const span = Math.max(1, shape.days.length - 1);
  for (const [index, midnight] of shape.days.entries()) {
    // 0 for the oldest day, 1 for the newest.
    const progress = index / span;
    const taken = new Set<string>();
    for (const staff of shape.staff) {
      for (const time of shape.times) {
        if (random() < 0.45) continue;
        const offers = shape.bookable.filter(([s]) => s === staff);
        if (offers.length === 0) continue;
        const [, service, minutes] = pickOne(offers, random);
        const free = shape.customers.filter((c) => !taken.has(`${time}-${c}`));
        if (free.length === 0) continue;
        const customer = pickOne(free, random);
        taken.add(`${time}-${customer}`);
        const [hour, minute] = time.split(":").map(Number);
        const from = midnight.set({ hour, minute });
        const { iscoming, status, showstatus } = outcome(random, progress);
        out.push({
          id: String(++id),
          staff,
          service,
          customer,
          from,
          to: from.plus({ minutes }),
          createdAt: from.minus({ days: 2 + Math.floor(random() * 10) }),
          iscoming,
          showstatus,
          status,
        });
      }
    }
  }
  return out;
}

/** What became of one past appointment: the answer, and whether the customer came. */
function outcome(random: () => number, progress: number) {
  const answer = random();
  const iscoming: "0" | "1" | "2" =
    answer < 0.5 + 0.25 * progress ? "1" : answer < 0.6 + 0.25 * progress ? "2" : "0";
  const attend = random();
  let status: "1" | "0" = "1";
  let showstatus: "0" | "1" | "2" = "1";
  if (iscoming === "2") {
    if (attend < 0.7) status = "0";
    else showstatus = "2";
  } else if (iscoming === "1") showstatus = attend < 0.05 ? "2" : "1";
  else showstatus = attend < 0.4 - 0.2 * progress ? "2" : "1";
  if (status === "1" && random() < 0.04) showstatus = "0"; // nobody marked it
  return { iscoming, status, showstatus };
}

/** Past group classes (a slot calendar), oldest first, each with a few of the customers booked. */
export function pastClassBookings(shape: {
  classes: ReadonlyArray<{ slot: string; staff: string; service: string; from: DateTime; to: DateTime }>;
  customers: readonly string[];
  firstId: number;
  seed: number;
}): SeedAppointment[] {
  const random = seededRandom(shape.seed);
  const out: SeedAppointment[] = [];
  let id = shape.firstId;
  const span = Math.max(1, shape.classes.length - 1);
  for (const [index, c] of shape.classes.entries()) {
    const progress = index / span;
    const booked = shape.customers.filter(() => random() < 0.6);
    for (const customer of booked) {
      out.push({
        id: String(++id),
        staff: c.staff,
        service: c.service,
        customer,
        slot: c.slot,
        from: c.from,
        to: c.to,
        createdAt: c.from.minus({ days: 1 + Math.floor(random() * 7) }),
        ...outcome(random, progress),
      });
    }
  }
  return out;
}
