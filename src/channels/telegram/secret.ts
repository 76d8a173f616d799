import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time comparison of Telegram's secret_token header with ours (digests: equal lengths). */
export function secretMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
