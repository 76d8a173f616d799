import type { Logger } from "pino";
import { AppError } from "../../core/errors.ts";
import type { WaClient, WaClientFactory, WaMessage } from "./client-port.ts";
import type { WaOutgoing } from "./render.ts";

export type SessionState = "starting" | "pairing" | "ready" | "disconnected" | "unreachable" | "stopped";

export interface SessionStatus {
  session: string;
  state: SessionState;
  /** Why it is not ready (no secrets, no numbers). */
  reason?: string;
  since: number;
  /** The pairing QR while `pairing`. */
  qr?: string;
  /** The pairing code while `pairing` by phone number. */
  code?: string;
}

/** A send while the session is down: the job waits and is tried again, it is not lost. */
export class SessionDownError extends AppError {
  constructor(session: string, state: SessionState) {
    super("whatsapp_session_down", `WhatsApp session ${session} is ${state}`);
  }
}

export interface SessionDeps {
  name: string;
  makeClient: WaClientFactory;
  /** `initialize()` rejects offline and can hang on a blackholed network: it always gets a deadline. */
  initTimeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** LOGOUT: the phone unlinked us; the stored profile is useless and must go before pairing again. */
  wipeProfile: () => Promise<void>;
  onMessage: (message: WaMessage, client: WaClient) => Promise<void>;
  /**
   * A message the account sent that is not one of this session's own sends: a person at the
   * business wrote from the phone (or WhatsApp Web). Used to hand the chat over to them.
   */
  onBusinessMessage?: (message: WaMessage) => Promise<void>;
  onStatus?: (status: SessionStatus) => void;
  logger: Logger;
  now?: () => number;
  random?: () => number;
}

/**
 * One WhatsApp number's client, kept alive: launched with a deadline, re-launched with capped
 * exponential backoff when it fails or disconnects, wiped and re-paired after a LOGOUT, and
 * destroyed on shutdown. It never crashes the process; it reports its state.
 */
export function createWhatsAppSession(deps: SessionDeps) {
  const initTimeoutMs = deps.initTimeoutMs ?? 90_000;
  const backoff = deps.backoff ?? { baseMs: 5_000, maxMs: 5 * 60_000 };
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const log = deps.logger.child({ mod: "whatsapp", session: deps.name });
  let client: WaClient | null = null;
  let status: SessionStatus = { session: deps.name, state: "stopped", since: now() };
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let stopped = false;
  const readyWaiters = new Set<() => void>();
  // Our own sends echo back as `message_create`; they are told apart from the business's by
  // chat and text, registered before the send (the echo may come before sendMessage resolves).
  const ownSends = new Map<string, number[]>();
  const OWN_SEND_MEMORY_MS = 10 * 60_000;
  const ownKey = (chatId: string, text: string) => `${chatId}\n${text.trim()}`;
  function rememberOwn(chatId: string, text: string) {
    const key = ownKey(chatId, text);
    ownSends.set(key, [...(ownSends.get(key) ?? []), now()]);
  }
  function wasOwn(chatId: string, text: string): boolean {
    const key = ownKey(chatId, text);
    const fresh = (ownSends.get(key) ?? []).filter((t) => now() - t < OWN_SEND_MEMORY_MS);
    if (fresh.length === 0) {
      ownSends.delete(key);
      return false;
    }
    fresh.shift();
    if (fresh.length) ownSends.set(key, fresh);
    else ownSends.delete(key);
    return true;
  }

  function setStatus(state: SessionState, extra: { reason?: string; qr?: string; code?: string } = {}) {
    status = { session: deps.name, state, since: now(), ...extra };
    log.info({ state, reason: extra.reason }, "whatsapp session state");
    deps.onStatus?.(status);
    if (state === "ready") for (const w of readyWaiters) w();
  }

  async function discard() {
    const c = client;
    client = null;
    await c?.destroy().catch((e) => log.debug({ err: (e as Error).message }, "destroy failed"));
  }

  function scheduleRetry() {
    if (stopped || retry) return;
    const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(failures, 16));
    failures++;
    const delay = Math.round(step / 2 + random() * (step / 2));
    retry = setTimeout(() => {
      retry = null;
      void launch();
    }, delay);
    retry.unref?.();
  }

  async function launch() {
    if (stopped) return;
    setStatus("starting");
    let c: WaClient;
    try {
      c = await deps.makeClient(deps.name);
    } catch (e) {
      setStatus("unreachable", { reason: (e as Error).message });
      return scheduleRetry();
    }
    client = c;
    c.on("qr", (qr) => setStatus("pairing", { qr }));
    c.on("code", (code) => setStatus("pairing", { code }));
    c.on("ready", () => {
      failures = 0;
      setStatus("ready");
    });
    c.on("auth_failure", (message) =>
      setStatus("unreachable", { reason: `authentication failed: ${message}` }),
    );
    c.on("disconnected", (reason) => void onDisconnected(c, reason));
    c.on("message", (m) => {
      deps.onMessage(m, c).catch((e) => log.warn({ err: (e as Error).message }, "incoming message failed"));
    });
    c.on("message_create", (m) => {
      if (!m.fromMe || !m.to || wasOwn(m.to, m.body ?? "")) return;
      deps
        .onBusinessMessage?.(m)
        .catch((e) => log.warn({ err: (e as Error).message }, "business message handling failed"));
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        c.initialize(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`initialize timed out after ${initTimeoutMs} ms`)),
            initTimeoutMs,
          );
        }),
      ]);
    } catch (e) {
      if (client !== c) return;
      setStatus("unreachable", { reason: (e as Error).message });
      await discard();
      scheduleRetry();
    } finally {
      clearTimeout(timer);
    }
  }

  async function onDisconnected(c: WaClient, reason: string) {
    if (stopped || client !== c) return;
    await discard();
    if (reason === "LOGOUT") {
      // Unlinked from the phone: the saved login is dead; pair again with a fresh profile.
      await deps
        .wipeProfile()
        .catch((e) => log.warn({ err: (e as Error).message }, "could not wipe the profile"));
      setStatus("disconnected", { reason: "logged out: pair again" });
      failures = 0;
    } else {
      setStatus("disconnected", { reason: `disconnected: ${reason}` });
    }
    scheduleRetry();
  }

  return {
    name: deps.name,
    status: () => status,
    start() {
      stopped = false;
      void launch();
    },
    async send(chatId: string, content: WaOutgoing): Promise<void> {
      if (status.state !== "ready" || !client) throw new SessionDownError(deps.name, status.state);
      // What the account sends comes back as message_create: ours, not a person at the business.
      rememberOwn(chatId, typeof content === "string" ? content : content.caption);
      if (typeof content === "string") await client.sendMessage(chatId, content);
      else await client.sendFile(chatId, content);
    },
    /** Resolves when the session is (or becomes) ready. */
    whenReady(): Promise<void> {
      if (status.state === "ready") return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          readyWaiters.delete(done);
          resolve();
        };
        readyWaiters.add(done);
      });
    },
    async lidToPhone(lid: string): Promise<string | null> {
      if (!client) return null;
      const [found] = await client.getContactLidAndPhone([lid]).catch(() => []);
      return found?.pn ?? null;
    },
    /** On shutdown, before Redis closes: the browser goes with it. */
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      await discard();
      setStatus("stopped");
    },
  };
}
export type WhatsAppSession = ReturnType<typeof createWhatsAppSession>;
