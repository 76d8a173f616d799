import type { DateTime } from "luxon";
import type { Bookings } from "../bookings.ts";
import type { Site } from "../model.ts";
import type { Params } from "../params.ts";
import type { RandomSource } from "../random.ts";
import type { Store } from "../store.ts";

/** What every call handler gets: the caller's site, its parameters, the clock's "now", and the world. */
export interface CallContext {
  site: Site;
  p: Params;
  now: DateTime;
  store: Store;
  bookings: Bookings;
  random: RandomSource;
}

/** Returns the success body without `status`; refuses by throwing ApiRefusal. */
export type CallHandler = (ctx: CallContext) => Record<string, unknown>;
