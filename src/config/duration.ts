/**
 * Durations as people write them in env and YAML: `30s`, `10m`, `2h`, `1d`, or combined `1h30m`.
 * Returns milliseconds, or null when the text is not a duration (the caller names the field).
 */
export function parseDuration(input: string): number | null {
  const s = String(input).trim().toLowerCase();
  if (!/^(\d+\s*[smhd]\s*)+$/.test(s)) return null;
  const unit: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  for (const m of s.matchAll(/(\d+)\s*([smhd])/g)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}

/** A comma list of durations (`24h,2h`); null if any item is not one. */
export function parseDurationList(input: string): number[] | null {
  const items = String(input)
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length === 0) return null;
  const out: number[] = [];
  for (const item of items) {
    const ms = parseDuration(item);
    if (ms === null) return null;
    out.push(ms);
  }
  return out;
}

export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [u, size] of [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${u}`);
      rest %= size;
    }
  }
  return parts.join("") || "0s";
}
