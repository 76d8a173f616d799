import { AppError } from "../core/errors.ts";
import { scrubText } from "./redact.ts";

/** What was being called when something failed: enough to debug, never a phone, ID, name or token. */
export interface Tor4YouCall {
  endpoint: string;
  method: "GET" | "POST";
  /** Changes data at Tor4You; a write that failed ambiguously may still have been applied. */
  write: boolean;
  /** Parameters as sent, personal values and credentials replaced by "[redacted]". */
  params: Record<string, string>;
}

/**
 * Base of every failure talking to Tor4You. Like grammY's errors it carries the failed call, so a
 * log line or a retry decision needs nothing else; unlike them the payload is redacted up front,
 * because pino's error serializer copies every enumerable field into the log.
 */
export class Tor4YouError extends AppError {
  /** Absent only on a budget refusal raised outside a call; the client always attaches one. */
  readonly call: Tor4YouCall | undefined;
  constructor(code: string, message: string, call: Tor4YouCall | undefined, options?: { cause?: unknown }) {
    super(code, call ? `${call.method} ${call.endpoint}: ${message}` : message, options);
    this.call = call;
  }

  /**
   * True when the request may have reached Tor4You and changed data although we saw no answer:
   * the caller must look (e.g. apptinfo) before doing it again.
   */
  get outcomeUnknown(): boolean {
    return false;
  }
}

/** Tor4You answered and refused (`status` ≠ 1). Retrying the same call gets the same answer. */
export class Tor4YouApiError extends Tor4YouError {
  /** The API's `message` / `msg` / `error`, with digit runs and e-mail addresses masked. */
  readonly apiMessage: string;
  constructor(apiMessage: string, call: Tor4YouCall) {
    const text = scrubText(apiMessage);
    super("tor4you_api", `refused: ${text || "(no message)"}`, call);
    this.apiMessage = text;
  }
}

/** A non-2xx answer, or a body that is not JSON (a proxy's HTML error page). */
export class Tor4YouHttpError extends Tor4YouError {
  readonly httpStatus: number;
  readonly bodySnippet: string;
  constructor(httpStatus: number, body: string, call: Tor4YouCall, reason = `HTTP ${httpStatus}`) {
    super("tor4you_http", reason, call);
    this.httpStatus = httpStatus;
    this.bodySnippet = snippet(body);
  }

  /** A gateway error or a garbled body means the server may have done the work before failing. */
  override get outcomeUnknown(): boolean {
    return Boolean(this.call?.write) && (this.httpStatus >= 500 || this.httpStatus < 300);
  }
}

export class Tor4YouTimeoutError extends Tor4YouError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, call: Tor4YouCall, options?: { cause?: unknown }) {
    super("tor4you_timeout", `no answer within ${timeoutMs} ms`, call, options);
    this.timeoutMs = timeoutMs;
  }
  override get outcomeUnknown(): boolean {
    return Boolean(this.call?.write);
  }
}

/** The connection failed, was reset or dropped before a full answer arrived. */
export class Tor4YouNetworkError extends Tor4YouError {
  constructor(detail: string, call: Tor4YouCall, options?: { cause?: unknown }) {
    super("tor4you_network", `connection failed (${scrubText(detail)})`, call, options);
  }
  override get outcomeUnknown(): boolean {
    return Boolean(this.call?.write);
  }
}

export type UsageScope = "minute" | "day";

/** Either our shared budget is spent (source "budget": nothing was sent) or Tor4You said so. */
export class Tor4YouUsageLimitError extends Tor4YouError {
  readonly scope: UsageScope;
  readonly retryAfterMs: number;
  readonly source: "budget" | "api";
  constructor(p: { scope: UsageScope; retryAfterMs: number; source: "budget" | "api"; call?: Tor4YouCall }) {
    const who = p.source === "budget" ? "our usage budget" : "Tor4You's usage limit";
    super(
      "tor4you_usage_limit",
      `${who} per ${p.scope} is spent; retry in ${Math.ceil(p.retryAfterMs / 1000)} s`,
      p.call,
    );
    this.scope = p.scope;
    this.retryAfterMs = p.retryAfterMs;
    this.source = p.source;
  }

  withCall(call: Tor4YouCall): Tor4YouUsageLimitError {
    return new Tor4YouUsageLimitError({
      scope: this.scope,
      retryAfterMs: this.retryAfterMs,
      source: this.source,
      call,
    });
  }
}

/** A JSON answer with `status: 1` whose shape we cannot read, even liberally. */
export class Tor4YouResponseError extends Tor4YouError {
  /** Where the shape broke (zod paths), never the values. */
  readonly issues: string[];
  constructor(issues: string[], call: Tor4YouCall) {
    super("tor4you_response", `unexpected response shape (${issues.slice(0, 3).join("; ")})`, call);
    this.issues = issues;
  }

  /** A write Tor4You accepted (status 1) whose answer we cannot read: done, but we do not know as what. */
  override get outcomeUnknown(): boolean {
    return Boolean(this.call?.write);
  }
}

/** A single day of apptlist already returns the API's row cap: the rest cannot be fetched. */
export class Tor4YouResultCapError extends Tor4YouError {
  readonly cap: number;
  constructor(cap: number, call: Tor4YouCall) {
    super("tor4you_result_cap", `one day holds ${cap} rows or more; the result would be truncated`, call);
    this.cap = cap;
  }
}

function snippet(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return scrubText(text).slice(0, 200);
}
