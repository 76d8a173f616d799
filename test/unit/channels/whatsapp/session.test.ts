import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWhatsAppSession,
  SessionDownError,
  type SessionStatus,
} from "../../../../src/channels/whatsapp/session.ts";
import { FakeClient } from "./fake-client.ts";

const logger = pino({ level: "silent" });
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function session(clients: FakeClient[], extra: { wipe?: () => Promise<void> } = {}) {
  const states: SessionStatus[] = [];
  const made: FakeClient[] = [];
  const s = createWhatsAppSession({
    name: "main",
    makeClient: () => {
      const c = clients.shift();
      if (!c) throw new Error("chromium not found at /usr/bin/chromium");
      made.push(c);
      return c;
    },
    initTimeoutMs: 1_000,
    backoff: { baseMs: 100, maxMs: 1_000 },
    wipeProfile: extra.wipe ?? (async () => {}),
    onMessage: async () => {},
    onStatus: (st) => states.push(st),
    logger,
    random: () => 1,
  });
  return { s, states, made };
}

describe("WhatsApp session lifecycle", () => {
  it("becomes ready and sends; while down a send fails with a typed error so the job waits", async () => {
    const { s } = session([new FakeClient("ready")]);
    await expect(s.send("972525551234@c.us", "hi")).rejects.toBeInstanceOf(SessionDownError);
    s.start();
    await s.whenReady();
    await s.send("972525551234@c.us", "hi");
    expect(s.status().state).toBe("ready");
  });

  it("gives initialize a deadline: a hang becomes 'unreachable' with the reason, then it tries again", async () => {
    const { s, states, made } = session([new FakeClient("hang"), new FakeClient("ready")]);
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(states.map((x) => x.state)).toContain("unreachable");
    expect(states.find((x) => x.state === "unreachable")?.reason).toMatch(/timed out/);
    expect(made[0]!.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.status().state).toBe("ready");
  });

  it("an offline failure is a state, not a crash, and retries back off up to a cap", async () => {
    const { s, states } = session([]);
    s.start();
    await vi.advanceTimersByTimeAsync(10_000);
    const unreachable = states.filter((x) => x.state === "unreachable");
    expect(unreachable[0]?.reason).toMatch(/chromium not found/);
    // 100, 200, 400, 800, 1000, 1000, ... ms: about 14 attempts in 10 s, not thousands
    expect(unreachable.length).toBeGreaterThan(5);
    expect(unreachable.length).toBeLessThan(20);
    await s.stop();
    const before = states.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(states.length).toBe(before);
  });

  it("reconnects after a disconnect", async () => {
    const first = new FakeClient("ready");
    const { s } = session([first, new FakeClient("ready")]);
    s.start();
    await s.whenReady();
    first.emit("disconnected", "NAVIGATION");
    await vi.advanceTimersByTimeAsync(0);
    expect(s.status().state).toBe("disconnected");
    await expect(s.send("x@c.us", "hi")).rejects.toBeInstanceOf(SessionDownError);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.status().state).toBe("ready");
  });

  it("LOGOUT wipes the profile and asks to pair again with a QR", async () => {
    const first = new FakeClient("ready");
    const wipe = vi.fn(async () => {});
    const { s } = session([first, new FakeClient("qr")], { wipe });
    s.start();
    await s.whenReady();
    first.emit("disconnected", "LOGOUT");
    await vi.advanceTimersByTimeAsync(200);
    expect(wipe).toHaveBeenCalledOnce();
    expect(s.status()).toMatchObject({ state: "pairing", qr: "2@fake-qr" });
  });

  it("pairing by phone number shows the code to type on the phone", async () => {
    const c = new FakeClient("hang");
    const { s } = session([c]);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    c.emit("code", "ABCD-EFGH");
    expect(s.status()).toMatchObject({ state: "pairing", code: "ABCD-EFGH" });
    await s.stop();
  });

  it("stop destroys the client", async () => {
    const c = new FakeClient("ready");
    const { s } = session([c]);
    s.start();
    await s.whenReady();
    await s.stop();
    expect(c.destroyed).toBe(true);
    expect(s.status().state).toBe("stopped");
  });
});
