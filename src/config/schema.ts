import { z } from "zod";
import { normalizeCell } from "../domain/phone.ts";
import { parseDuration, parseDurationList } from "./duration.ts";
import { ALERT_KINDS, type AlertKind } from "./types.ts";

/** zod helpers that turn the text people write into typed values, with messages that say what to write. */
export const durationMs = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a duration (write e.g. 30s, 10m, 2h, 1d)` });
    return z.NEVER;
  }
  return ms;
});

/** Either a list (YAML) or a comma-separated string (env) of durations, each at least a minute. */
export const offsetsMs = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((v, ctx) => {
    const list = Array.isArray(v) ? parseDurationList(v.map(String).join(",")) : parseDurationList(v);
    if (!list || list.some((ms) => ms < 60_000)) {
      ctx.addIssue({
        code: "custom",
        message: `"${String(v)}" is not a list of durations of a minute or more (e.g. 24h,2h)`,
      });
      return z.NEVER;
    }
    return [...new Set(list)].sort((a, b) => b - a);
  });

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const toMinutes = (s: string) => {
  const m = HHMM.exec(s.trim())!;
  return Number(m[1]) * 60 + Number(m[2]);
};

export const timeOfDay = z
  .string()
  .trim()
  .regex(HHMM, 'must be a time of day like "19:00"')
  .transform((s) => ({ text: s, minutes: toMinutes(s) }));

/** `21:30-08:00` (may wrap midnight) or `off`. */
export const quietHours = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase();
  if (v === "off" || v === "none" || v === "false") return null;
  const [a, b, ...rest] = v.split("-");
  if (!a || !b || rest.length || !HHMM.test(a) || !HHMM.test(b) || a === b) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a quiet window like 21:30-08:00 (or off)` });
    return z.NEVER;
  }
  return { startMinute: toMinutes(a), endMinute: toMinutes(b), text: `${a.trim()}-${b.trim()}` };
});

export const booleanText = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === "boolean") return v;
  const s = v.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(s)) return true;
  if (["0", "false", "no", "off"].includes(s)) return false;
  ctx.addIssue({ code: "custom", message: `"${v}" is not true or false` });
  return z.NEVER;
});

export const positiveInt = z
  .union([z.string(), z.number()])
  .transform((v) => Number(String(v).trim()))
  .pipe(z.number().int("must be a whole number").positive("must be a positive number"));

export const zoneName = z
  .string()
  .trim()
  .refine((z) => Intl.supportedValuesOf("timeZone").includes(z) || z === "UTC", "is not an IANA time zone");

/** `declined,cancelled` (env) or a YAML list; `off` or `none` for no alerts. */
export const alertKinds = z.union([z.string(), z.array(z.string())]).transform((v, ctx) => {
  const text = Array.isArray(v) ? v.join(",") : v;
  if (["off", "none", ""].includes(text.trim().toLowerCase())) return [];
  const names = text
    .split(",")
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.find((n) => !(ALERT_KINDS as readonly string[]).includes(n));
  if (bad !== undefined) {
    ctx.addIssue({ code: "custom", message: `"${bad}" is not an alert (use ${ALERT_KINDS.join(", ")})` });
    return z.NEVER;
  }
  return [...new Set(names)] as AlertKind[];
});

export const locale = z.enum(["he", "en", "ar", "ru"]);
export const channelName = z.enum(["telegram", "whatsapp"]);

export const httpUrl = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http(s) URL")
  .transform((s) => s.replace(/\/+$/, ""));

export const redisUrl = z
  .string()
  .trim()
  .refine((s) => /^rediss?:\/\//.test(s) && URL.canParse(s), "must be a redis:// or rediss:// URL");

/** `REDIS_CLUSTER_NODES`: comma-separated `host:port` seed nodes of a Redis Cluster; empty means none. */
export const redisClusterNodes = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const nodes = s
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    const bad = nodes.find(
      (n) => !/^([^:\s]+|\[[0-9a-f:]+\]):\d{1,5}$/i.test(n) || Number(n.split(":").pop()) > 65535,
    );
    if (bad || nodes.length === 0) {
      ctx.addIssue({ code: "custom", message: `"${bad ?? s}" is not a comma-separated list of host:port` });
      return z.NEVER;
    }
    return nodes.join(",");
  });

export const siteId = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/i,
    "must be letters, digits, - or _ (no colons: it is part of queue and job ids)",
  );

export const businessPhone = z
  .string()
  .trim()
  .refine((s) => s.replace(/[\s\-+()]/g, "").length >= 7, "is not a phone number");

export { normalizeCell };
