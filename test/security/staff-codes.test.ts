import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChatAddress, OutboundMessage } from "../../src/core/messages.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { startDemoApp } from "../support/demo-app.ts";

/**
 * Issue 11 §5: staff codes cannot be guessed in a chat. 31^8 codes against 5 tries an hour per
 * chat; the sixth try is answered with the lock-out, and even the right code does not link then.
 */
let demo: Awaited<ReturnType<typeof startDemoApp>>;
beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(async () => {
  await demo.stop();
});

const chat = (): ChatAddress => ({
  site: DEMO_BARBER_SITEID,
  channel: "telegram",
  chatId: String(700_000_000 + Math.floor(Math.random() * 1e8)),
});
const say = async (address: ChatAddress, text: string) => {
  const out: OutboundMessage[] = await demo.app.engine.handle({
    id: randomUUID(),
    address,
    message: { type: "text", text },
    languageHint: "en",
  });
  return out.map((m) => ("text" in m ? m.text : "")).join("\n");
};

it("five wrong codes are refused, then the chat is locked out for the hour, even with the right code", async () => {
  const code = await demo.app.staffLinks.createCode(DEMO_BARBER_SITEID, { kind: "owner" });
  const guesser = chat();
  // How a guesser types: any case, spaces around.
  for (const guess of ["ABCD2345", "abcd2346", " KMNP7777 ", "Zz9Zz9Zz", "QRST2222"]) {
    expect(await say(guesser, guess)).toMatch(/not valid/);
  }
  const locked = await say(guesser, code);
  expect(locked).toMatch(/Too many wrong codes/);
  expect(await demo.app.staff.roleOf(guesser)).toBeNull();

  // The owner's own chat, with the same code: linked.
  const owner = chat();
  expect(await say(owner, code.toLowerCase())).not.toMatch(/not valid|Too many/);
  expect(await demo.app.staff.roleOf(owner)).toEqual({ kind: "owner" });
});
