/**
 * The order a process stops in: intake first (no new work arrives), then workers (active jobs
 * finish), WhatsApp's browsers, queues, Redis, and the local backends last. Within a phase the
 * part started last stops first.
 */
export const STOP_PHASES = ["intake", "workers", "whatsapp", "queues", "redis", "backends"] as const;
export type StopPhase = (typeof STOP_PHASES)[number];

export interface Shutdown {
  /** Registers `close` to run in `phase`. */
  add(phase: StopPhase, close: () => Promise<unknown>): void;
  /** Runs every close in order; a failing one is reported and the rest still run. */
  run(onError: (e: Error) => void): Promise<void>;
}

export function createShutdown(): Shutdown {
  const phases = new Map<StopPhase, Array<() => Promise<unknown>>>(STOP_PHASES.map((p) => [p, []]));
  return {
    add(phase, close) {
      phases.get(phase)!.unshift(close);
    },
    async run(onError) {
      for (const phase of STOP_PHASES)
        for (const close of phases.get(phase)!) await close().catch((e) => onError(e as Error));
    },
  };
}
