import { z } from "zod";

/**
 * "lost": the call is carried out, then the connection drops before the answer (a booking made
 * whose confirmation never arrived); "drop" drops it before anything is done.
 */
export const FAULT_MODES = ["latency", "http500", "html", "status0", "drop", "usagelimit", "lost"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const faultSpecSchema = z.object({
  mode: z.enum(FAULT_MODES),
  /** latency only: added delay before the call is handled normally. */
  ms: z.number().int().min(0).max(600_000).optional(),
  /** How many of the next matching requests; absent = until cleared. */
  count: z.number().int().min(1).optional(),
  /** Only these calls (e.g. ["apptlist"]); absent = every call. */
  calls: z.array(z.string().min(1)).optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault {
  id: number;
  mode: FaultMode;
  ms: number;
  remaining: number | null;
  calls: string[] | null;
}

/** What an incoming API request should suffer: a delay, then possibly one failure instead of an answer. */
export interface FaultDecision {
  delayMs: number;
  fail: FaultMode | null;
}

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: this.nextId++,
      mode: spec.mode,
      ms: spec.ms ?? (spec.mode === "latency" ? 1000 : 0),
      remaining: spec.count ?? null,
      calls: spec.calls?.map((c) => c.toLowerCase()) ?? null,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** Latency faults add up; the first failing fault that matches is spent and wins. */
  decide(call: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, fail: null };
    for (const f of this.faults) {
      if (f.calls && !f.calls.includes(call)) continue;
      if (f.mode === "latency") {
        decision.delayMs += f.ms;
        this.spend(f);
      } else if (decision.fail === null) {
        decision.fail = f.mode;
        this.spend(f);
      }
    }
    this.faults = this.faults.filter((f) => f.remaining !== 0);
    return decision;
  }

  private spend(f: Fault): void {
    if (f.remaining !== null) f.remaining--;
  }
}
