import type { Logger } from "pino";
import { signWebhook } from "../tor4you/signature.ts";
import type { EmulatorClock } from "./clock.ts";
import type { Appointment, Site } from "./model.ts";
import { webhookBody } from "./wire-shapes.ts";

/** The reference's retry schedule, in "minutes"; `unitMs` makes a minute shorter in tests. */
export const RETRY_SCHEDULE = [2, 4, 8, 60, 120, 240, 960, 1440] as const;

export interface DeliveryRecord {
  notification: string;
  siteid: string;
  apptid: string;
  action: string;
  /** 1 = first try, 2..9 = retries. */
  attempt: number;
  /** Emulator clock, ISO. */
  at: string;
  url: string;
  ok: boolean;
  httpStatus?: number;
  error?: string;
  /** Set when another try is scheduled. */
  nextRetryInMs?: number;
  /** The site's webhook was switched off after this failure, or was already off (nothing sent). */
  switchedOff?: boolean;
  skipped?: boolean;
  body: Record<string, string>;
}

export interface WebhookOptions {
  url?: string;
  unitMs?: number;
  timeoutMs?: number;
}

interface Pending {
  notification: string;
  site: Site;
  body: Record<string, string>;
  attempt: number;
  dueMs: number;
  timer: NodeJS.Timeout;
}

export interface WebhookDispatcher {
  /** Queues a notification; returns at once (delivery never holds up the API response). */
  notify(site: Site, appt: Appointment, action: "1" | "2" | "3" | "5", updateby: string): void;
  readonly log: readonly DeliveryRecord[];
  /** Resolves when no delivery is in flight (retries still waiting on their timer do not count). */
  settled(): Promise<void>;
  pendingRetries(siteid?: string): number;
  /** Fires retries whose time has come on the emulator clock (after it was moved forward). */
  catchUp(): void;
  /** Forgets queued retries and the log (reset). Notification ids keep counting: they are global. */
  clear(): void;
  close(): void;
}

const LOG_LIMIT = 2000;

export function createWebhookDispatcher(deps: {
  clock: EmulatorClock;
  logger: Logger;
  unitMs: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}): WebhookDispatcher {
  const doFetch = deps.fetch ?? fetch;
  const log: DeliveryRecord[] = [];
  const pending = new Map<string, Pending>();
  const inFlight = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let nextNotification = 880000;
  let closed = false;

  const record = (r: DeliveryRecord) => {
    log.push(r);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  };

  const post = async (
    url: string,
    body: Record<string, string>,
  ): Promise<{ ok: boolean; status?: number; error?: string }> => {
    const ctrl = new AbortController();
    controllers.add(ctrl);
    const timer = setTimeout(
      () => ctrl.abort(new Error(`timed out after ${deps.timeoutMs} ms`)),
      deps.timeoutMs,
    );
    try {
      const res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: ctrl.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return { ok: res.status === 200, status: res.status };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: cause ?? (e as Error).message };
    } finally {
      clearTimeout(timer);
      controllers.delete(ctrl);
    }
  };

  const switchOff = (site: Site) => {
    site.webhook.active = false;
    for (const [id, p] of pending) {
      if (p.site !== site) continue;
      clearTimeout(p.timer);
      pending.delete(id);
    }
    deps.logger.warn({ siteid: site.siteid }, "emulator: webhook switched off after the last retry failed");
  };

  const attempt = async (site: Site, notification: string, body: Record<string, string>, n: number) => {
    if (closed) return;
    const url = site.webhook.url;
    const base = {
      notification,
      siteid: site.siteid,
      apptid: body.apptid ?? "",
      action: body.action ?? "",
      attempt: n,
      at: deps.clock.now().toISO() ?? "",
      url,
      body,
    };
    if (!site.webhook.active || !url) {
      record({ ...base, ok: false, skipped: true, switchedOff: true });
      return;
    }
    const result = await post(url, body);
    if (closed) return;
    if (result.ok) {
      record({ ...base, ok: true, httpStatus: result.status });
      deps.logger.debug({ siteid: site.siteid, notification, attempt: n }, "emulator: webhook delivered");
      return;
    }
    const failure = { ...base, ok: false, httpStatus: result.status, error: result.error };
    const step = RETRY_SCHEDULE[n - 1];
    if (step === undefined) {
      record({ ...failure, switchedOff: true });
      switchOff(site);
      return;
    }
    const delay = step * deps.unitMs;
    record({ ...failure, nextRetryInMs: delay });
    deps.logger.info(
      { siteid: site.siteid, notification, attempt: n, httpStatus: result.status, retryInMs: delay },
      "emulator: webhook failed, will retry",
    );
    const p: Pending = {
      notification,
      site,
      body,
      attempt: n + 1,
      dueMs: deps.clock.now().toMillis() + delay,
      timer: setTimeout(() => fire(notification), delay),
    };
    p.timer.unref();
    pending.set(notification, p);
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const fire = (notification: string) => {
    const p = pending.get(notification);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(notification);
    track(attempt(p.site, p.notification, p.body, p.attempt));
  };

  return {
    log,
    notify(site, appt, action, updateby) {
      if (closed) return;
      if (!site.webhook.url) return;
      const notification = String(++nextNotification);
      const body = {
        id: notification,
        ...webhookBody(site, appt, action, updateby),
        sh: signWebhook(notification, site.credentials.webhookKey),
      };
      // setImmediate: the API answers first, the way a real server's queue would.
      track(
        new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
          attempt(site, notification, body, 1),
        ),
      );
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    pendingRetries(siteid) {
      return [...pending.values()].filter((p) => siteid === undefined || p.site.siteid === siteid).length;
    },
    catchUp() {
      const now = deps.clock.now().toMillis();
      for (const p of [...pending.values()]) if (p.dueMs <= now) fire(p.notification);
    },
    clear() {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      log.length = 0;
    },
    close() {
      closed = true;
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      for (const c of controllers) c.abort(new Error("emulator closed"));
    },
  };
}
