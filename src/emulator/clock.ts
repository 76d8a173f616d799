import { DateTime } from "luxon";
import { TOR4YOU_ZONE } from "../tor4you/dates.ts";

export interface EmulatorClock {
  now(): DateTime;
  /** False when the caller supplied its own `now`: the emulator cannot move someone else's clock. */
  readonly controllable: boolean;
  /** Jump to `to`; the clock keeps running from there unless frozen. */
  set(to: DateTime): void;
  advance(ms: number): void;
  freeze(frozen: boolean): void;
  readonly frozen: boolean;
  /** Called after every set/advance, so time-driven work (expiry, due webhook retries) catches up at once. */
  onChange(listener: () => void): () => void;
}

/**
 * Real time shifted by an offset, or frozen at an instant. Tests freeze it for exact assertions;
 * a demo leaves it running and may jump it ("it is tomorrow 08:00 now").
 */
export function createClock(opts: { start?: DateTime; frozen?: boolean } = {}): EmulatorClock {
  let offsetMs = opts.start ? opts.start.toMillis() - Date.now() : 0;
  let frozenAt: number | null = opts.frozen ? (opts.start?.toMillis() ?? Date.now()) : null;
  const listeners = new Set<() => void>();
  const nowMs = () => frozenAt ?? Date.now() + offsetMs;
  const changed = () => {
    for (const l of listeners) l();
  };
  return {
    controllable: true,
    now: () => DateTime.fromMillis(nowMs(), { zone: TOR4YOU_ZONE }),
    get frozen() {
      return frozenAt !== null;
    },
    set(to) {
      if (frozenAt !== null) frozenAt = to.toMillis();
      else offsetMs = to.toMillis() - Date.now();
      changed();
    },
    advance(ms) {
      if (frozenAt !== null) frozenAt += ms;
      else offsetMs += ms;
      changed();
    },
    freeze(frozen) {
      if (frozen && frozenAt === null) frozenAt = nowMs();
      if (!frozen && frozenAt !== null) {
        offsetMs = frozenAt - Date.now();
        frozenAt = null;
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Wraps a caller's `now()`; set/advance refuse, since only the caller can move it. */
export function externalClock(now: () => DateTime): EmulatorClock {
  const refuse = () => {
    throw new Error("the emulator was given its own now(): move that clock instead");
  };
  return {
    controllable: false,
    now: () => now().setZone(TOR4YOU_ZONE),
    frozen: false,
    set: refuse,
    advance: refuse,
    freeze: refuse,
    onChange: () => () => {},
  };
}
