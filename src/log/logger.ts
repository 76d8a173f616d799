import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { withoutNumbers } from "./scrub.ts";

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

/**
 * JSON lines for machines (files, log collectors, tests); one readable line per event, in local
 * time, when a person watches the terminal (the demo, a first try). `pretty` overrides the guess.
 */
export function createLogger(
  opts: { level?: string; destination?: pino.DestinationStream; pretty?: boolean } = {},
): Logger {
  const readable = opts.pretty ?? (!opts.destination && process.stdout.isTTY === true);
  return pino(
    {
      level: opts.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "tor4you-bot" },
      // Redaction goes by field name; a reason text (`err`) can hold a number inside it.
      formatters: {
        log: (obj) => (typeof obj.err === "string" ? { ...obj, err: withoutNumbers(obj.err) } : obj),
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Our `err` fields are one-line reasons (e.message); pino-pretty would break an error key onto
      // lines of its own, so only a logged Error object (under `error`) gets that treatment.
      ...(readable ? { errorKey: "error" } : {}),
    },
    readable ? readableStream(opts.destination) : opts.destination,
  );
}

/** pino-pretty in the process (no worker thread): `14:03:07 INFO (jobs): scan done site=… changed=3`. */
function readableStream(destination?: pino.DestinationStream) {
  return pretty({
    destination: destination ?? 1,
    sync: true,
    colorize: !destination && process.stdout.isTTY === true,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,app,mod",
    errorLikeObjectKeys: [],
    messageFormat: "{if mod}({mod}) {end}{msg}",
    hideObject: false,
  });
}

export type { Logger };
