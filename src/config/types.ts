export type Locale = "he" | "en" | "ar" | "ru";
export type ChannelName = "telegram" | "whatsapp";

export type Tor4YouAuthConfig =
  | { kind: "torkey"; torkey: string }
  | { kind: "signed"; siteid: string; key: string; secret: string };

export interface QuietHours {
  startMinute: number;
  endMinute: number;
  text: string;
}

/** What staff can be told at once; "unconfirmed" is the CONFIRM_DEADLINE list. */
/** "late": the customer wrote that they are running late. */
export type AlertKind = "declined" | "cancelled" | "booked" | "moved" | "late" | "unconfirmed";
export const ALERT_KINDS: readonly AlertKind[] = [
  "declined",
  "cancelled",
  "booked",
  "moved",
  "late",
  "unconfirmed",
];

/** A staff chat the sites file names, linked without a code. */
export interface ConfiguredStaffChat {
  channel: ChannelName;
  chatId: string;
  role: { kind: "staff"; staffId: string } | { kind: "owner" };
}

export interface SiteConfig {
  id: string;
  name: string;
  phone?: string;
  tor4you: {
    apiUrl: string;
    auth: Tor4YouAuthConfig;
    webhookKey?: string;
    ratePerMinute: number;
    ratePerDay: number;
  };
  telegram?: {
    token: string;
    apiRoot: string;
    webhookUrl?: string;
    /** Always set when webhookUrl is (configured, or derived from the token). */
    webhookSecret?: string;
  };
  whatsapp?: { sessions: string[] };
  channels: ChannelName[];
  reminders: { offsetsMs: number[]; perServiceMs: Record<string, number[]> };
  quietHours: QuietHours | null;
  shabbatQuiet: boolean;
  cancelCutoffMs: number;
  /** The in-chat waitlist (WAITLIST, WAITLIST_WAVE_SIZE, WAITLIST_WAVE_SPACING). */
  waitlist: { enabled: boolean; waveSize: number; waveSpacingMs: number };
  /** HANDOFF_PAUSE: how long the bot keeps quiet in a WhatsApp chat after the business wrote there (default 12h). */
  handoffPauseMs?: number;
  confirmDeadlineMs: number | null;
  /** Real-time staff alerts this site wants, and those that may break quiet hours. */
  alerts: { kinds: AlertKind[]; urgent: AlertKind[] };
  /** Staff chats from the sites file (more are linked with one-time codes). */
  staff: ConfiguredStaffChat[];
  scanEveryMs: number;
  /** The scan's period while the site's webhooks arrive and verify; never shorter than scanEveryMs. */
  scanEveryHealthyMs: number;
  digestAt: { text: string; minutes: number };
  timezone: string;
  locale: Locale;
}

export interface AppConfig {
  /** True when no Tor4You credentials were given: the program runs on the embedded emulator. */
  demo: boolean;
  redisUrl: string;
  /** Seed nodes of a Redis Cluster (`host:port,...`): every connection is then a cluster client. */
  redisClusterNodes?: string;
  port: number;
  /** HTTP listen address (HOST): 127.0.0.1 for the demo unless set, 0.0.0.0 otherwise. */
  host: string;
  adminToken?: string;
  /** TRUST_PROXY: whose X-Forwarded-For names the client (the admin's login limit counts by it). */
  trustProxy: boolean | string[];
  /** ADMIN_QUEUES_WRITABLE: bull-board may change jobs (retry, clean, remove); read-only otherwise. */
  adminQueuesWritable: boolean;
  /** APP_SECRET: the key of every HMAC; unset, one is generated on first start and kept in Redis. */
  appSecret?: string;
  /** Turns one chat may take a minute; more are answered once with "one moment", then dropped. */
  chatTurnsPerMinute: number;
  /** Percent of every site's Tor4You budget kept for reminders and other background work. */
  reminderReservePercent: number;
  logLevel: string;
  defaultLocale: Locale;
  whatsapp: { dataDir: string; chromiumPath: string; pairingPhone?: string };
  sites: SiteConfig[];
}
