import { describe, expect, it } from "vitest";
import {
  createConversationStore,
  createIdentityStore,
  createInboundDedupe,
} from "../../../src/storage/chat-stores.ts";
import { createHandoffStore } from "../../../src/storage/handoff.ts";
import { createPendingReminders } from "../../../src/storage/pending-reminders.ts";
import { createStaffLinks } from "../../../src/storage/staff-links.ts";
import { createTurnOpener } from "../../../src/storage/turn-opener.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

/**
 * A turn's opening in one script must keep every answer of the stores it stands for: a repeated
 * delivery, a chat a person took over, a chat over its turn limit and a chat whose other turn is
 * running each stop it; otherwise it hands the turn what the stores hold.
 */
const { redis, fresh } = useRedisPrefix();
const NOW = Date.UTC(2026, 11, 2, 10);
const chat = (chatId: string) => ({ site: "s-open", channel: "telegram" as const, chatId });

describe("opening a turn in one round trip", () => {
  it("reads what the stores hold, and closing saves the state and frees the chat", async () => {
    const keys = fresh();
    const a = chat("1");
    const ids = createIdentityStore(redis, keys);
    await ids.link(a, { cell: "0521234567", first: "Dana", linkedAt: 5 });
    await ids.setPreferences(a, { locale: "ar", remindersOff: true });
    const pending = createPendingReminders(redis, keys);
    await pending.add(a, { apptId: "past", startMs: NOW - 60_000 }, NOW - 3600_000);
    await pending.add(a, { apptId: "later", startMs: NOW + 3600_000 }, NOW);
    const opener = createTurnOpener(redis, keys, { perMinute: 5 });

    const first = await opener.open(a, "u1", NOW);
    if (first.kind !== "open") throw new Error(`not open: ${first.kind}`);
    expect(first.state).toBeNull();
    expect(first.identity).toEqual({ cell: "0521234567", first: "Dana", last: undefined, linkedAt: 5 });
    expect(first.prefs).toMatchObject({ locale: "ar", remindersOff: true, unreachable: false });
    expect(first.pending).toEqual([{ apptId: "later", startMs: NOW + 3600_000 }]);
    // While it runs, the chat's next message waits for it.
    expect((await opener.open(a, "u2", NOW)).kind).toBe("busy");

    const state = { v: 1 as const, flow: null, lastChoices: [], updatedAt: NOW };
    await opener.close(a, first.token, state);
    expect(await createConversationStore(redis, keys).load(a)).toMatchObject({ updatedAt: NOW });
    const next = await opener.open(a, "u3", NOW);
    expect(next.kind).toBe("open");
    expect(next.kind === "open" && next.state?.updatedAt).toBe(NOW);
  });

  it("a repeated delivery is dropped, as the dedupe store would", async () => {
    const keys = fresh();
    const opener = createTurnOpener(redis, keys);
    const a = chat("2");
    const opened = await opener.open(a, "u1", NOW);
    if (opened.kind !== "open") throw new Error(opened.kind);
    await opener.close(a, opened.token, undefined);
    expect((await opener.open(a, "u1", NOW)).kind).toBe("seen");
    // One memory of deliveries for both ways of handling a turn.
    expect(await createInboundDedupe(redis, keys).firstSeen(a, "u1")).toBe(false);
  });

  it("hands the turn the chat's staff link: none for a customer, the role once a code is redeemed", async () => {
    const keys = fresh();
    const opener = createTurnOpener(redis, keys);
    const links = createStaffLinks(redis, keys);
    const a = chat("6");
    const before = await opener.open(a, "u1", NOW);
    if (before.kind !== "open") throw new Error(before.kind);
    expect(before.staffLink).toBeNull();
    expect(await links.roleOf(a, before.staffLink)).toBeNull();
    await opener.close(a, before.token, undefined);
    const code = await links.createCode(a.site, { kind: "staff", staffId: "11" });
    expect(await links.redeem(a.site, code, a)).toEqual({ kind: "staff", staffId: "11" });
    const after = await opener.open(a, "u2", NOW);
    if (after.kind !== "open") throw new Error(after.kind);
    expect(await links.roleOf(a, after.staffLink)).toEqual({ kind: "staff", staffId: "11" });
  });

  it("a chat a person at the business took over gets no turn", async () => {
    const keys = fresh();
    const a = chat("3");
    await createHandoffStore(redis, keys).pause(a, 60_000, NOW);
    expect((await createTurnOpener(redis, keys).open(a, "u1", NOW)).kind).toBe("paused");
  });

  it("over the turn limit: told once to wait, then dropped; a late closer never frees another turn's lock", async () => {
    const keys = fresh();
    const opener = createTurnOpener(redis, keys, { perMinute: 2 });
    const a = chat("4");
    const kinds: string[] = [];
    const tokens: string[] = [];
    for (const id of ["u1", "u2", "u3", "u4"]) {
      const r = await opener.open(a, id, NOW);
      kinds.push(r.kind === "limited" ? r.admitted : r.kind);
      if (r.kind === "open") {
        tokens.push(r.token);
        await opener.close(a, r.token, undefined);
      }
    }
    expect(kinds).toEqual(["open", "open", "warn", "drop"]);

    const b = chat("5");
    const held = await createTurnOpener(redis, keys).open(b, "v1", NOW);
    expect(held.kind).toBe("open");
    await opener.close(b, tokens[0]!, undefined);
    expect((await createTurnOpener(redis, keys).open(b, "v2", NOW)).kind).toBe("busy");
  });
});
