import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import { cellToWhatsAppId } from "../domain/phone.ts";
import { MIN_APP_SECRET } from "../storage/keys.ts";
import {
  alertKinds,
  booleanText,
  businessPhone,
  channelName,
  durationMs,
  httpUrl,
  locale,
  offsetsMs,
  positiveInt,
  quietHours,
  redisClusterNodes,
  redisUrl,
  siteId,
  timeOfDay,
  zoneName,
} from "./schema.ts";
import type { AppConfig, ConfiguredStaffChat, SiteConfig, Tor4YouAuthConfig } from "./types.ts";
import { derivedWebhookSecret, MIN_WEBHOOK_SECRET } from "./webhook-secret.ts";

/** A setting is wrong. The message is one line that starts with the setting's name. */
export class ConfigError extends AppError {
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super("config_invalid", `${setting}: ${problem}`);
    this.setting = setting;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** Every variable of DESIGN.md section 5; defaults are the documented ones. */
const envSchema = z.object({
  REDIS_URL: redisUrl.prefault("redis://127.0.0.1:6379"),
  REDIS_CLUSTER_NODES: redisClusterNodes,
  PORT: z
    .string()
    .default("3000")
    .transform((v) => Number(v.trim()))
    .pipe(z.number().int("must be a TCP port (0-65535)").min(0).max(65535, "must be a TCP port (0-65535)")),
  /** The address the HTTP server listens on; unset: 127.0.0.1 for the demo, 0.0.0.0 otherwise. */
  HOST: optionalText.pipe(
    z
      .string()
      .regex(/^[\w.:\-[\]]+$/, "is not an address to listen on (e.g. 127.0.0.1, 0.0.0.0 or ::)")
      .optional(),
  ),
  TOR4YOU_API_URL: httpUrl.prefault("https://www.tor4you.co.il/api"),
  TOR4YOU_TORKEY: optionalText,
  TOR4YOU_SITEID: optionalText,
  TOR4YOU_KEY: optionalText,
  TOR4YOU_SECRET: optionalText,
  TOR4YOU_WEBHOOK_KEY: optionalText,
  SITES_FILE: optionalText,
  TOR4YOU_RATE_PER_MINUTE: positiveInt.prefault(60),
  TOR4YOU_RATE_PER_DAY: positiveInt.prefault(20000),
  /** Percent of each site's Tor4You budget (minute and day) that chat turns cannot spend: reminders' own. */
  TOR4YOU_REMINDER_RESERVE: z
    .string()
    .default("25")
    .transform((v) => Number(v.trim().replace(/%$/, "")))
    .pipe(z.number().int("must be a whole percent").min(0).max(90, "must be 0 to 90 (percent)")),
  /** Turns one chat may take a minute (a token bucket: this many at once, refilled over the minute). */
  CHAT_TURNS_PER_MINUTE: positiveInt.prefault(20),
  TELEGRAM_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, "is not a Telegram bot token (123456:ABC…)")
      .optional(),
  ),
  TELEGRAM_API_ROOT: httpUrl.prefault("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_URL: optionalText.pipe(httpUrl.optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "may hold only A-Z, a-z, 0-9, _ and - (Telegram's rule)")
      .optional(),
  ),
  WHATSAPP_SESSIONS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const names = v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = names.find((n) => !/^[a-z0-9_-]{1,40}$/i.test(n));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}": session names are letters, digits, - or _` });
        return z.NEVER;
      }
      return [...new Set(names)];
    }),
  WHATSAPP_DATA_DIR: z.string().trim().default("./data/whatsapp"),
  /** Pair by code on this phone instead of scanning a QR. */
  WHATSAPP_PAIRING_PHONE: optionalText.pipe(
    z
      .string()
      .regex(/^\+?\d{10,15}$/, "is not a phone number in international form (e.g. 972521234567)")
      .optional(),
  ),
  CHROMIUM_PATH: z.string().trim().default("/usr/bin/chromium"),
  REMINDER_OFFSETS: offsetsMs.prefault(["24h", "2h"]),
  QUIET_HOURS: quietHours.prefault("21:30-08:00"),
  SHABBAT_QUIET: booleanText.prefault(true),
  CANCEL_CUTOFF: durationMs.prefault("3h"),
  /** A person at the business wrote in a WhatsApp chat: the bot stays quiet there this long. */
  HANDOFF_PAUSE: durationMs.prefault("12h"),
  /** The in-chat waitlist: offered where booking finds no time; freed times go out in waves. */
  WAITLIST: booleanText.prefault(true),
  WAITLIST_WAVE_SIZE: z.coerce.number().int().min(1).max(50).prefault(3),
  WAITLIST_WAVE_SPACING: durationMs.prefault("5m"),
  CONFIRM_DEADLINE: z
    .string()
    .default("off")
    .transform((s) => (["off", "none", ""].includes(s.trim().toLowerCase()) ? "off" : s))
    .pipe(z.union([z.literal("off").transform(() => null), durationMs])),
  STAFF_ALERTS: alertKinds.prefault("declined,cancelled,moved,late"),
  URGENT_ALERTS: alertKinds.prefault("off"),
  SCAN_EVERY: durationMs.prefault("10m").refine((ms) => ms >= 60_000, "must be at least 1m"),
  /** The scan's period while webhooks arrive and verify (SCAN_EVERY otherwise). */
  SCAN_EVERY_HEALTHY: durationMs.prefault("1h").refine((ms) => ms >= 60_000, "must be at least 1m"),
  DIGEST_AT: timeOfDay.prefault("19:00"),
  TIMEZONE: zoneName.prefault("Asia/Jerusalem"),
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  /**
   * Who may tell the client's address in X-Forwarded-For: `false` (nobody: the peer's address
   * counts), `true` (any peer: only behind a proxy that overwrites the header), or the proxies'
   * addresses/CIDRs (`127.0.0.1,10.0.0.0/8`).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .transform((v, ctx): boolean | string[] => {
      const s = v.toLowerCase();
      if (["false", "no", "off", "0", ""].includes(s)) return false;
      if (["true", "yes", "on"].includes(s)) return true;
      const list = s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      if (list.every((x) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({
        code: "custom",
        message: `"${v}" is not true, false or the proxies' addresses`,
      });
      return z.NEVER;
    }),
  /** bull-board may retry, clean, pause and remove jobs; read-only otherwise. */
  ADMIN_QUEUES_WRITABLE: booleanText.prefault(false),
  /** The key of every HMAC (phones, chat ids and staff codes in Redis key names); unset: generated and kept in Redis. */
  APP_SECRET: optionalText.pipe(
    z
      .string()
      .min(MIN_APP_SECRET, `must be at least ${MIN_APP_SECRET} characters (e.g. openssl rand -hex 32)`)
      .optional(),
  ),
  DEFAULT_LOCALE: locale.default("he"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type Env = z.output<typeof envSchema>;

const whatsappSession = z.string().regex(/^[a-z0-9_-]{1,40}$/i, "session names are letters, digits, - or _");

/**
 * A staff chat named in the sites file: `{telegram: 123456, staff: 201}` or
 * `{whatsapp: "0521234567", owner: true}`.
 */
const staffChatEntry = z
  .object({
    telegram: z
      .union([z.number().int(), z.string().regex(/^-?\d+$/, "is not a Telegram chat id")])
      .optional(),
    whatsapp: z.string().optional(),
    staff: z
      .union([z.number().int().positive(), z.string().regex(/^\d+$/, "is a Tor4You staff id (a number)")])
      .optional(),
    owner: z.literal(true).optional(),
  })
  .transform((e, ctx): ConfiguredStaffChat | typeof z.NEVER => {
    if ((e.telegram === undefined) === (e.whatsapp === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "give exactly one of telegram (a chat id) or whatsapp (a phone)",
      });
      return z.NEVER;
    }
    if ((e.staff === undefined) === (e.owner === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "give exactly one of staff (a Tor4You staff id) or owner: true",
      });
      return z.NEVER;
    }
    let chatId = String(e.telegram ?? "");
    if (e.whatsapp !== undefined) {
      try {
        chatId = cellToWhatsAppId(e.whatsapp);
      } catch {
        ctx.addIssue({ code: "custom", message: `"${e.whatsapp}" is not an Israeli mobile number` });
        return z.NEVER;
      }
    }
    return {
      channel: e.telegram !== undefined ? "telegram" : "whatsapp",
      chatId,
      role: e.owner ? { kind: "owner" } : { kind: "staff", staffId: String(e.staff) },
    };
  });

/** One site of the sites file; anything it leaves out comes from the environment. */
const siteFileEntry = z.object({
  id: siteId,
  name: z.string().trim().min(1).optional(),
  phone: businessPhone.optional(),
  tor4you: z.object({
    apiUrl: httpUrl.optional(),
    torkey: z.string().trim().min(1).optional(),
    siteid: z.union([z.string(), z.number()]).transform(String).optional(),
    key: z.string().trim().min(1).optional(),
    secret: z.string().trim().min(1).optional(),
    webhookKey: z.string().trim().min(1).optional(),
    ratePerMinute: positiveInt.optional(),
    ratePerDay: positiveInt.optional(),
  }),
  telegram: z
    .object({
      token: z.string().regex(/^\d+:[\w-]{20,}$/, "is not a Telegram bot token"),
      apiRoot: httpUrl.optional(),
      webhookUrl: httpUrl.optional(),
      webhookSecret: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/)
        .optional(),
    })
    .optional(),
  whatsapp: z.object({ sessions: z.array(whatsappSession).min(1) }).optional(),
  channels: z.array(channelName).min(1).optional(),
  reminders: z
    .object({
      offsets: offsetsMs.optional(),
      perService: z.record(z.string().regex(/^\d+$/, "service ids are numbers"), offsetsMs).optional(),
    })
    .optional(),
  quietHours: z.union([quietHours, z.literal(false).transform(() => null)]).optional(),
  shabbatQuiet: booleanText.optional(),
  cancelCutoff: durationMs.optional(),
  handoffPause: durationMs.optional(),
  waitlist: z
    .union([
      booleanText,
      z.object({
        enabled: booleanText.optional(),
        waveSize: z.number().int().min(1).max(50).optional(),
        waveSpacing: durationMs.optional(),
      }),
    ])
    .optional(),
  confirmDeadline: z.union([durationMs, z.literal(false).transform(() => null)]).optional(),
  alerts: alertKinds.optional(),
  urgentAlerts: alertKinds.optional(),
  staff: z.array(staffChatEntry).optional(),
  scanEvery: durationMs.optional(),
  scanEveryHealthy: durationMs.optional(),
  digestAt: timeOfDay.optional(),
  timezone: zoneName.optional(),
  locale: locale.optional(),
});
const sitesFileSchema = z.object({ sites: z.array(siteFileEntry).min(1, "lists no site") });

function firstIssue(error: z.ZodError, prefix: (path: PropertyKey[]) => string): ConfigError {
  const issue = error.issues[0]!;
  const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return new ConfigError(prefix(issue.path), message);
}

function authFromParts(
  where: string,
  p: { torkey?: string; siteid?: string; key?: string; secret?: string },
): Tor4YouAuthConfig {
  if (p.torkey) return { kind: "torkey", torkey: p.torkey };
  if (p.siteid && p.key && p.secret)
    return { kind: "signed", siteid: p.siteid, key: p.key, secret: p.secret };
  if (p.key || p.secret) throw new ConfigError(where, "signed auth needs siteid, key and secret together");
  throw new ConfigError(where, "needs a torkey, or siteid + key + secret");
}

/**
 * Webhook mode never runs without a secret: the owner's (at least 16 characters) or one derived
 * from the bot token. A short one stops the program, whichever mode it is set for.
 */
function telegramSecret(
  setting: string,
  token: string,
  webhookUrl: string | undefined,
  configured: string | undefined,
): string | undefined {
  if (configured !== undefined && configured.length < MIN_WEBHOOK_SECRET)
    throw new ConfigError(
      setting,
      `is ${configured.length} characters; use at least ${MIN_WEBHOOK_SECRET} (or leave it unset: one is derived from the bot token)`,
    );
  if (!webhookUrl) return configured;
  return configured ?? derivedWebhookSecret(token);
}

function baseSite(env: Env): Omit<SiteConfig, "id" | "name" | "tor4you"> {
  const sessions = env.WHATSAPP_SESSIONS;
  return {
    telegram: env.TELEGRAM_BOT_TOKEN
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          apiRoot: env.TELEGRAM_API_ROOT,
          webhookUrl: env.TELEGRAM_WEBHOOK_URL,
          webhookSecret: telegramSecret(
            "TELEGRAM_WEBHOOK_SECRET",
            env.TELEGRAM_BOT_TOKEN,
            env.TELEGRAM_WEBHOOK_URL,
            env.TELEGRAM_WEBHOOK_SECRET,
          ),
        }
      : undefined,
    whatsapp: sessions.length ? { sessions } : undefined,
    channels: sessions.length ? ["whatsapp", "telegram"] : ["telegram"],
    reminders: { offsetsMs: env.REMINDER_OFFSETS, perServiceMs: {} },
    quietHours: env.QUIET_HOURS,
    shabbatQuiet: env.SHABBAT_QUIET,
    cancelCutoffMs: env.CANCEL_CUTOFF,
    handoffPauseMs: env.HANDOFF_PAUSE,
    waitlist: {
      enabled: env.WAITLIST,
      waveSize: env.WAITLIST_WAVE_SIZE,
      waveSpacingMs: env.WAITLIST_WAVE_SPACING,
    },
    confirmDeadlineMs: env.CONFIRM_DEADLINE,
    alerts: { kinds: env.STAFF_ALERTS, urgent: env.URGENT_ALERTS },
    staff: [],
    scanEveryMs: env.SCAN_EVERY,
    scanEveryHealthyMs: Math.max(env.SCAN_EVERY, env.SCAN_EVERY_HEALTHY),
    digestAt: env.DIGEST_AT,
    timezone: env.TIMEZONE,
    locale: env.DEFAULT_LOCALE,
  };
}

function sitesFromFile(env: Env, path: string, readFile: (p: string) => string): SiteConfig[] {
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    throw new ConfigError(
      "SITES_FILE",
      `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError("SITES_FILE", `${path} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const parsed = sitesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw firstIssue(
      parsed.error,
      (p) =>
        `SITES_FILE ${path}: ${p
          .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
          .join("")
          .replace(/^\./, "")}`,
    );
  }
  const base = baseSite(env);
  const seen = new Set<string>();
  return parsed.data.sites.map((s, i) => {
    const where = `SITES_FILE ${path}: sites[${i}]`;
    if (seen.has(s.id.toLowerCase())) throw new ConfigError(`${where}.id`, `"${s.id}" appears twice`);
    seen.add(s.id.toLowerCase());
    const channels = s.channels ?? [...(s.whatsapp ? (["whatsapp"] as const) : []), "telegram" as const];
    return {
      ...base,
      id: s.id,
      name: s.name ?? s.id,
      phone: s.phone,
      tor4you: {
        apiUrl: s.tor4you.apiUrl ?? env.TOR4YOU_API_URL,
        auth: authFromParts(`${where}.tor4you`, s.tor4you),
        webhookKey: s.tor4you.webhookKey,
        ratePerMinute: s.tor4you.ratePerMinute ?? env.TOR4YOU_RATE_PER_MINUTE,
        ratePerDay: s.tor4you.ratePerDay ?? env.TOR4YOU_RATE_PER_DAY,
      },
      // A site's own bot and WhatsApp number: the environment's single-site ones are not shared.
      telegram: s.telegram
        ? {
            token: s.telegram.token,
            apiRoot: s.telegram.apiRoot ?? env.TELEGRAM_API_ROOT,
            webhookUrl: s.telegram.webhookUrl,
            webhookSecret: telegramSecret(
              `${where}.telegram.webhookSecret`,
              s.telegram.token,
              s.telegram.webhookUrl,
              s.telegram.webhookSecret,
            ),
          }
        : undefined,
      whatsapp: s.whatsapp,
      channels: [...new Set(channels)],
      reminders: {
        offsetsMs: s.reminders?.offsets ?? base.reminders.offsetsMs,
        perServiceMs: s.reminders?.perService ?? {},
      },
      quietHours: s.quietHours !== undefined ? s.quietHours : base.quietHours,
      shabbatQuiet: s.shabbatQuiet ?? base.shabbatQuiet,
      cancelCutoffMs: s.cancelCutoff ?? base.cancelCutoffMs,
      handoffPauseMs: s.handoffPause ?? base.handoffPauseMs,
      waitlist:
        typeof s.waitlist === "boolean"
          ? { ...base.waitlist, enabled: s.waitlist }
          : {
              enabled: s.waitlist?.enabled ?? base.waitlist.enabled,
              waveSize: s.waitlist?.waveSize ?? base.waitlist.waveSize,
              waveSpacingMs: s.waitlist?.waveSpacing ?? base.waitlist.waveSpacingMs,
            },
      confirmDeadlineMs: s.confirmDeadline !== undefined ? s.confirmDeadline : base.confirmDeadlineMs,
      alerts: { kinds: s.alerts ?? base.alerts.kinds, urgent: s.urgentAlerts ?? base.alerts.urgent },
      staff: s.staff ?? [],
      scanEveryMs: s.scanEvery ?? base.scanEveryMs,
      scanEveryHealthyMs: Math.max(
        s.scanEvery ?? base.scanEveryMs,
        s.scanEveryHealthy ?? base.scanEveryHealthyMs,
      ),
      digestAt: s.digestAt ?? base.digestAt,
      timezone: s.timezone ?? base.timezone,
      locale: s.locale ?? base.locale,
    };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses the environment (and the sites file it names) once, at boot. Throws ConfigError, whose
 * message names the one setting to fix; the result is deeply frozen.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  readFile: (path: string) => string = (p) => readFileSync(p, "utf8"),
): AppConfig {
  const e = parseEnv(env);

  let sites: SiteConfig[] = [];
  if (e.SITES_FILE) {
    sites = sitesFromFile(e, e.SITES_FILE, readFile);
  } else if (e.TOR4YOU_TORKEY || e.TOR4YOU_KEY || e.TOR4YOU_SECRET) {
    const id = e.TOR4YOU_SITEID ?? "default";
    if (!siteId.safeParse(id).success)
      throw new ConfigError("TOR4YOU_SITEID", `"${id}" cannot be used as a site id`);
    const auth = authFromParts(e.TOR4YOU_TORKEY ? "TOR4YOU_TORKEY" : "TOR4YOU_KEY", {
      torkey: e.TOR4YOU_TORKEY,
      siteid: e.TOR4YOU_SITEID,
      key: e.TOR4YOU_KEY,
      secret: e.TOR4YOU_SECRET,
    });
    sites = [
      {
        ...baseSite(e),
        id,
        name: id,
        tor4you: {
          apiUrl: e.TOR4YOU_API_URL,
          auth,
          webhookKey: e.TOR4YOU_WEBHOOK_KEY,
          ratePerMinute: e.TOR4YOU_RATE_PER_MINUTE,
          ratePerDay: e.TOR4YOU_RATE_PER_DAY,
        },
      },
    ];
  }

  const demo = sites.length === 0;
  if (demo) refuseRealMessengersInDemo(e);
  return deepFreeze({
    demo,
    host: e.HOST ?? (demo ? "127.0.0.1" : "0.0.0.0"),
    redisUrl: e.REDIS_URL,
    redisClusterNodes: e.REDIS_CLUSTER_NODES,
    port: e.PORT,
    adminToken: e.ADMIN_TOKEN,
    appSecret: e.APP_SECRET,
    adminQueuesWritable: e.ADMIN_QUEUES_WRITABLE,
    trustProxy: e.TRUST_PROXY,
    chatTurnsPerMinute: e.CHAT_TURNS_PER_MINUTE,
    reminderReservePercent: e.TOR4YOU_REMINDER_RESERVE,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    whatsapp: {
      dataDir: e.WHATSAPP_DATA_DIR,
      chromiumPath: e.CHROMIUM_PATH,
      pairingPhone: e.WHATSAPP_PAIRING_PHONE?.replace(/^\+/, ""),
    },
    sites,
  });
}

/**
 * The demo's customers are made up; a real bot or WhatsApp number would let it message real
 * people (a made-up number can belong to someone). So a messenger without Tor4You credentials is
 * a mistake in the settings, never a demo.
 */
function refuseRealMessengersInDemo(e: Env): void {
  const messengers = [
    ...(e.TELEGRAM_BOT_TOKEN ? ["TELEGRAM_BOT_TOKEN"] : []),
    ...(e.WHATSAPP_SESSIONS.length ? ["WHATSAPP_SESSIONS"] : []),
  ];
  if (!messengers.length) return;
  throw new ConfigError(
    "TOR4YOU_TORKEY",
    `missing: ${messengers.join(" and ")} ${messengers.length > 1 ? "are" : "is"} set, so the bot would reach real people, but no Tor4You credentials are (set TOR4YOU_TORKEY, or TOR4YOU_SITEID + TOR4YOU_KEY + TOR4YOU_SECRET, or SITES_FILE; or unset ${messengers.join(" and ")} for the demo)`,
  );
}

/** The defaults a demo site on the embedded emulator gets: the environment's policy settings. */
export function demoSiteDefaults(env: Record<string, string | undefined> = process.env) {
  return baseSite(parseEnv(env));
}

function parseEnv(env: Record<string, string | undefined>): Env {
  // `FOO=` in a .env file or compose means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw firstIssue(parsed.error, (p) => String(p[0] ?? "environment"));
  return parsed.data;
}
