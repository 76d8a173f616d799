import { randomBytes } from "node:crypto";

/** A function in [0, 1) like Math.random. */
export type RandomSource = () => number;

/**
 * mulberry32: tiny, fast and good enough to make "one random free staff member per time"
 * reproducible in tests. Not for secrets; tokens come from crypto.
 */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickOne<T>(items: readonly T[], random: RandomSource): T {
  if (items.length === 0) throw new Error("pickOne of nothing");
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;
}

/** conf / vfib: 16 upper-case hex characters, like `AE154A23B746DC21`. */
export function newConfToken(): string {
  return randomBytes(8).toString("hex").toUpperCase();
}

/** API token / secret / webhook key for a site that the seed did not give one. */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString("hex");
}
