import type { DateTime } from "luxon";
import type { Logger } from "pino";
import { z } from "zod";
import { authorize, type Tor4YouAuth } from "./auth.ts";
import type { Breaker } from "./breaker.ts";
import { ENDPOINTS, type EndpointName } from "./endpoints.ts";
import { failureText, isSuccess, ShapeError, saysNoNewInformation } from "./envelope.ts";
import {
  Tor4YouApiError,
  type Tor4YouCall,
  Tor4YouError,
  Tor4YouHttpError,
  Tor4YouNetworkError,
  Tor4YouResponseError,
  Tor4YouTimeoutError,
  Tor4YouUsageLimitError,
} from "./errors.ts";
import type { UsageBudget } from "./limiter.ts";
import { redactParams } from "./redact.ts";
import { msUntilWindowEnds, usageLimitScope } from "./usage-limit.ts";
import { collectFallbacks, isRecord } from "./wire.ts";

export interface RetryPolicy {
  /** Total tries for a read, the first included. Writes always get exactly one. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export interface TransportDeps {
  baseUrl: string;
  site: string;
  auth: Tor4YouAuth;
  timeoutMs: number;
  retry: RetryPolicy;
  budget: UsageBudget | undefined;
  fetch: typeof fetch;
  now: () => DateTime;
  logger: Logger | undefined;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Pauses the site's calls after a refusal of a call that normally succeeds. */
  breaker?: Breaker;
}

/** Sends one call (with retries for reads) and turns its success envelope into `T` with `read`. */
export type CallFn = <T>(
  endpoint: EndpointName,
  params: Record<string, string>,
  read: (body: Record<string, unknown>) => T,
) => Promise<T>;

export function createTransport(deps: TransportDeps): CallFn {
  const base = deps.baseUrl.replace(/\/+$/, "");
  const log = deps.logger?.child({ component: "tor4you", site: deps.site });

  return async (endpoint, params, read) => {
    const spec = ENDPOINTS[endpoint];
    const call: Tor4YouCall = {
      endpoint,
      method: spec.method,
      write: spec.write,
      params: redactParams(params),
    };
    const attempts = spec.write ? 1 : deps.retry.attempts;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        deps.breaker?.before(call);
        const body = await sendOnce(endpoint, params, call);
        deps.breaker?.success();
        const { value: result, fallbacks } = collectFallbacks(() => readBody(read, body, call));
        if (fallbacks.length > 0) {
          log?.debug({ endpoint, fields: fallbacks }, "tor4you answer lacked fields we can do without");
        }
        log?.debug({ endpoint, attempt, ms: Date.now() - started }, "tor4you call ok");
        return result;
      } catch (err) {
        const code = err instanceof Tor4YouError ? err.code : "unexpected";
        deps.breaker?.failure(endpoint, err);
        if (attempt >= attempts || !isTransient(err)) {
          log?.warn({ endpoint, attempt, ms: Date.now() - started, code }, "tor4you call failed");
          throw err;
        }
        const delayMs = backoff(attempt, deps.retry, deps.random);
        log?.info({ endpoint, attempt, code, delayMs }, "tor4you read failed, retrying");
        await deps.sleep(delayMs);
      }
    }
  };

  async function sendOnce(endpoint: EndpointName, params: Record<string, string>, call: Tor4YouCall) {
    if (deps.budget) {
      try {
        await deps.budget.acquire(deps.site);
      } catch (err) {
        throw err instanceof Tor4YouUsageLimitError ? err.withCall(call) : err;
      }
    }
    const auth = authorize(deps.auth, endpoint, deps.now());
    const headers: Record<string, string> = { accept: "application/json", ...auth.headers };
    let url = `${base}/${endpoint}`;
    let body: string | undefined;
    if (call.method === "GET") {
      const query = new URLSearchParams({ ...auth.leading, ...params, ...auth.trailing }).toString();
      if (query) url += `?${query}`;
    } else {
      // Signed parameters stay in the query string for a POST too, as the reference's only example
      // (addcust, a POST) sends them; the call's own fields go in the form body.
      const query = new URLSearchParams({ ...auth.leading, ...auth.trailing }).toString();
      if (query) url += `?${query}`;
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(params).toString();
    }

    const signal = AbortSignal.timeout(deps.timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const res = await deps.fetch(url, { method: call.method, headers, body, signal });
      status = res.status;
      retryAfter = res.headers?.get?.("retry-after") ?? null;
      text = await res.text();
    } catch (err) {
      if (signal.aborted || isTimeout(err))
        throw new Tor4YouTimeoutError(deps.timeoutMs, call, { cause: err });
      throw new Tor4YouNetworkError(networkDetail(err), call, { cause: err });
    }

    if (status === 429) {
      const seconds = Number(retryAfter);
      const retryAfterMs =
        Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : msUntilWindowEnds("minute", deps.now());
      throw new Tor4YouUsageLimitError({ scope: "minute", retryAfterMs, source: "api", call });
    }
    const json = jsonOf(text);
    // Tor4You's own limit is told in words ("usage limit exceeded (minute)"), on a refusal or on a
    // 403/503: waited out until its window ends, not retried at once nor shown as a failure.
    const limit = (answer: Record<string, unknown>) => {
      const scope = usageLimitScope(failureText(answer));
      return scope
        ? new Tor4YouUsageLimitError({
            scope,
            retryAfterMs: msUntilWindowEnds(scope, deps.now()),
            source: "api",
            call,
          })
        : null;
    };
    if (status < 200 || status > 299)
      throw (isRecord(json) ? limit(json) : null) ?? new Tor4YouHttpError(status, text, call);
    if (json === NOT_JSON)
      throw new Tor4YouHttpError(status, text, call, `HTTP ${status} but the answer is not JSON`);
    if (!isRecord(json)) throw new Tor4YouResponseError(["(root): expected a JSON object"], call);
    // apptlist's "no new information" said as a refusal (status 0) is still "nothing changed": as
    // a failure it would pause the site's calls (the breaker) on every quiet scan.
    if (!isSuccess(json) && !(endpoint === "apptlist" && saysNoNewInformation(json))) {
      throw limit(json) ?? new Tor4YouApiError(failureText(json), call);
    }
    return json;
  }
}

function readBody<T>(
  read: (body: Record<string, unknown>) => T,
  body: Record<string, unknown>,
  call: Tor4YouCall,
): T {
  try {
    return read(body);
  } catch (err) {
    if (err instanceof z.ZodError) {
      throw new Tor4YouResponseError(
        err.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
        call,
      );
    }
    if (err instanceof ShapeError) throw new Tor4YouResponseError(err.issues, call);
    throw err;
  }
}

/** Worth another try for a read: nothing suggests the same request would fail the same way. */
export function isTransient(err: unknown): boolean {
  if (err instanceof Tor4YouTimeoutError || err instanceof Tor4YouNetworkError) return true;
  if (err instanceof Tor4YouHttpError) return err.httpStatus >= 500 || err.httpStatus < 300;
  return false;
}

/** Exponential with "equal jitter": never less than half the step, so retries still back off. */
export function backoff(attempt: number, p: RetryPolicy, random: () => number): number {
  const step = Math.min(p.maxMs, p.baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
}

function networkDetail(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : "unknown";
}

const NOT_JSON = Symbol("not JSON");

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
