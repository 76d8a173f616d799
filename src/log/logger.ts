import pino, { type Logger } from "pino";

/** Fields that can hold a phone, an ID number, a name, an email or a credential. */
const SENSITIVE = [
  "cell",
  "phone",
  "tz",
  "first",
  "last",
  "firstName",
  "lastName",
  "email",
  "customercell",
  "customerfirst",
  "customerlast",
  "torkey",
  "token",
  "secret",
  "key",
  "webhookKey",
  "sh",
  "vfib",
  "conf",
  "authorization",
  "x-telegram-bot-api-secret-token",
];

/** pino's redaction is per path; nested payloads (a request's params, a webhook body) sit two or three levels down. */
export const REDACT_PATHS = SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "tor4you-bot" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

export type { Logger };
