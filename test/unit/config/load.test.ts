import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/load.ts";

const TORKEY = "12345-skie75fytailksecRFaonsw3ehoaeWCrs9odin8Ysego48";

function fails(env: Record<string, string>, files: Record<string, string> = {}): ConfigError {
  try {
    loadConfig(env, (p) => {
      if (!(p in files)) throw Object.assign(new Error("nope"), { code: "ENOENT" });
      return files[p]!;
    });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("with no credentials runs the demo with the documented defaults", () => {
    const c = loadConfig({});
    expect(c.demo).toBe(true);
    expect(c.sites).toEqual([]);
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(c.port).toBe(3000);
    expect(c.defaultLocale).toBe("he");
    expect(c.whatsapp.chromiumPath).toBe("/usr/bin/chromium");
  });

  it("builds one site from a torkey alone, with policy from the environment", () => {
    const c = loadConfig({
      TOR4YOU_TORKEY: TORKEY,
      REMINDER_OFFSETS: "2h, 1d,90m",
      QUIET_HOURS: "22:00-07:30",
      CANCEL_CUTOFF: "1h30m",
      SHABBAT_QUIET: "false",
      TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ012345",
      TELEGRAM_WEBHOOK_URL: "http://127.0.0.1:8081/hook",
      PORT: "8080",
    });
    expect(c.demo).toBe(false);
    expect(c.port).toBe(8080);
    const [site] = c.sites;
    expect(site!.id).toBe("default");
    expect(site!.tor4you.auth).toEqual({ kind: "torkey", torkey: TORKEY });
    expect(site!.tor4you.apiUrl).toBe("https://www.tor4you.co.il/api");
    expect(site!.reminders.offsetsMs).toEqual([86_400_000, 7_200_000, 5_400_000]);
    expect(site!.quietHours).toEqual({ startMinute: 22 * 60, endMinute: 7 * 60 + 30, text: "22:00-07:30" });
    expect(site!.cancelCutoffMs).toBe(90 * 60_000);
    expect(site!.handoffPauseMs).toBe(12 * 3600_000); // HANDOFF_PAUSE's default
    expect(site!.shabbatQuiet).toBe(false);
    expect(site!.telegram?.webhookUrl).toBe("http://127.0.0.1:8081/hook");
    expect(site!.digestAt.minutes).toBe(19 * 60);
    expect(Object.isFrozen(site!.reminders.offsetsMs)).toBe(true);
  });

  it("uses TOR4YOU_SITEID as the site id and accepts signed auth", () => {
    const c = loadConfig({ TOR4YOU_SITEID: "123456", TOR4YOU_KEY: "abcdefg", TOR4YOU_SECRET: "s3cret" });
    expect(c.sites[0]!.id).toBe("123456");
    expect(c.sites[0]!.tor4you.auth).toEqual({
      kind: "signed",
      siteid: "123456",
      key: "abcdefg",
      secret: "s3cret",
    });
  });

  it("listens on 127.0.0.1 in the demo and on every address for real, unless HOST says otherwise", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ TOR4YOU_TORKEY: TORKEY }).host).toBe("0.0.0.0");
    expect(loadConfig({ TOR4YOU_TORKEY: TORKEY, HOST: "10.0.0.5" }).host).toBe("10.0.0.5");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ REMINDER_OFFSETS: "", PORT: " " }).port).toBe(3000);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ REMINDER_OFFSETS: "24 hours" }, "REMINDER_OFFSETS"],
    [{ REMINDER_OFFSETS: "30s" }, "REMINDER_OFFSETS"],
    [{ QUIET_HOURS: "late" }, "QUIET_HOURS"],
    [{ SHABBAT_QUIET: "maybe" }, "SHABBAT_QUIET"],
    [{ DIGEST_AT: "25:00" }, "DIGEST_AT"],
    [{ TIMEZONE: "Mars/Olympus" }, "TIMEZONE"],
    [{ DEFAULT_LOCALE: "fr" }, "DEFAULT_LOCALE"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TOR4YOU_KEY: "abc" }, "TOR4YOU_KEY"],
    [{ ADMIN_TOKEN: "short" }, "ADMIN_TOKEN"],
    [{ WHATSAPP_PAIRING_PHONE: "052-123" }, "WHATSAPP_PAIRING_PHONE"],
    [{ WHATSAPP_SESSIONS: "main,bad name" }, "WHATSAPP_SESSIONS"],
    [{ TOR4YOU_TORKEY: TORKEY, TOR4YOU_SITEID: "a:b" }, "TOR4YOU_SITEID"],
    [{ HOST: "my host" }, "HOST"],
    [{ TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ012345" }, "TOR4YOU_TORKEY"],
    [{ WHATSAPP_SESSIONS: "main" }, "TOR4YOU_TORKEY"],
  ])("names the variable in one line: %o", (env, name) => {
    const e = fails(env as Record<string, string>);
    expect(e.setting).toBe(name);
    expect(e.message.startsWith(`${name}: `)).toBe(true);
    expect(e.message).not.toContain("\n");
  });

  it("reads a sites file, each site with its own credentials, bot and policy", () => {
    const yaml = `
sites:
  - id: barber-tlv
    name: Barber TLV
    tor4you: { torkey: "${TORKEY}", webhookKey: "wk" }
    telegram: { token: "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ012345" }
    whatsapp: { sessions: [main] }
    channels: [whatsapp, telegram]
    reminders: { offsets: [24h, 2h], perService: { "501": [3h] } }
    quietHours: "21:30-08:00"
    cancelCutoff: 3h
    digestAt: "18:30"
    locale: en
  - id: studio
    tor4you: { siteid: 777, key: k, secret: s }
`;
    const c = loadConfig({ SITES_FILE: "/etc/sites.yaml", REMINDER_OFFSETS: "1d" }, () => yaml);
    expect(c.sites.map((s) => s.id)).toEqual(["barber-tlv", "studio"]);
    const [a, b] = c.sites;
    expect(a!.reminders.perServiceMs).toEqual({ "501": [3 * 3_600_000] });
    expect(a!.channels).toEqual(["whatsapp", "telegram"]);
    expect(a!.whatsapp?.sessions).toEqual(["main"]);
    expect(a!.locale).toBe("en");
    expect(a!.digestAt.text).toBe("18:30");
    expect(b!.tor4you.auth).toEqual({ kind: "signed", siteid: "777", key: "k", secret: "s" });
    expect(b!.reminders.offsetsMs).toEqual([86_400_000]);
    expect(b!.telegram).toBeUndefined();
  });

  it("points at the bad line of a sites file", () => {
    const bad = `sites:\n  - id: ok\n    tor4you: { torkey: x }\n    reminders: { offsets: [soon] }\n`;
    const e = fails({ SITES_FILE: "s.yaml" }, { "s.yaml": bad });
    expect(e.message).toMatch(/^SITES_FILE s\.yaml: sites\[0\]\.reminders\.offsets: /);
    expect(fails({ SITES_FILE: "missing.yaml" }).message).toMatch(/^SITES_FILE: cannot read missing\.yaml/);
    expect(fails({ SITES_FILE: "s.yaml" }, { "s.yaml": "sites: [" }).message).toMatch(/not valid YAML/);
    const dup = `sites:\n  - { id: a, tor4you: { torkey: x } }\n  - { id: A, tor4you: { torkey: y } }\n`;
    expect(fails({ SITES_FILE: "s.yaml" }, { "s.yaml": dup }).message).toMatch(/appears twice/);
    const noAuth = `sites:\n  - { id: a, tor4you: { webhookKey: x } }\n`;
    expect(fails({ SITES_FILE: "s.yaml" }, { "s.yaml": noAuth }).message).toMatch(/needs a torkey/);
  });

  it("staff alerts: which ones, which are urgent, and the staff chats a sites file names", () => {
    const env = { TOR4YOU_TORKEY: TORKEY };
    const defaults = loadConfig(env).sites[0]!;
    expect(defaults.alerts).toEqual({ kinds: ["declined", "cancelled", "moved", "late"], urgent: [] });
    expect(defaults.confirmDeadlineMs).toBeNull();
    const set = loadConfig({
      ...env,
      STAFF_ALERTS: "booked, declined",
      URGENT_ALERTS: "declined",
      CONFIRM_DEADLINE: "12h",
    }).sites[0]!;
    expect(set.alerts).toEqual({ kinds: ["booked", "declined"], urgent: ["declined"] });
    expect(set.confirmDeadlineMs).toBe(12 * 3_600_000);
    expect(loadConfig({ ...env, STAFF_ALERTS: "off" }).sites[0]!.alerts.kinds).toEqual([]);
    expect(loadConfig({ ...env, STAFF_ALERTS: "declined,late" }).sites[0]!.alerts.kinds).toEqual([
      "declined",
      "late",
    ]);
    expect(fails({ ...env, STAFF_ALERTS: "declined,tardy" }).message).toMatch(
      /^STAFF_ALERTS: "tardy" is not an alert/,
    );

    const yaml = `
sites:
  - id: barber
    tor4you: { torkey: "${TORKEY}" }
    alerts: [declined, unconfirmed]
    urgentAlerts: [unconfirmed]
    confirmDeadline: 12h
    staff:
      - { telegram: 123456789, staff: 201 }
      - { whatsapp: "052-765-4321", owner: true }
`;
    const site = loadConfig({ SITES_FILE: "s.yaml" }, () => yaml).sites[0]!;
    expect(site.alerts).toEqual({ kinds: ["declined", "unconfirmed"], urgent: ["unconfirmed"] });
    expect(site.confirmDeadlineMs).toBe(12 * 3_600_000);
    expect(site.staff).toEqual([
      { channel: "telegram", chatId: "123456789", role: { kind: "staff", staffId: "201" } },
      { channel: "whatsapp", chatId: "972527654321@c.us", role: { kind: "owner" } },
    ]);
    const both = `sites:\n  - id: a\n    tor4you: { torkey: x }\n    staff: [{ telegram: 1, whatsapp: "0521234567", owner: true }]\n`;
    expect(fails({ SITES_FILE: "s.yaml" }, { "s.yaml": both }).message).toMatch(
      /^SITES_FILE s\.yaml: sites\[0\]\.staff\[0\]: give exactly one of telegram/,
    );
    const noRole = `sites:\n  - id: a\n    tor4you: { torkey: x }\n    staff: [{ telegram: 1 }]\n`;
    expect(fails({ SITES_FILE: "s.yaml" }, { "s.yaml": noRole }).message).toMatch(
      /staff \(a Tor4You staff id\) or owner/,
    );
  });
});
