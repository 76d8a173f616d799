import { afterEach, expect, it } from "vitest";
import type { SiteConfig } from "../../src/config/types.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { demoBackground, startDemoApp, T0 } from "../support/demo-app.ts";

/**
 * Issue 11 §5: no phone number or chat id in BullMQ job ids or in logs, failed sends included
 * (the README's "logs hold no phone" held only for sends that worked). Every line of the
 * production logger and every job the queues keep is searched.
 */
const PHONE_DIGITS = "577654321"; // 057-765-4321 however it is written: 0577654321, 972577654321
const WA_CHAT = `972${PHONE_DIGITS}@c.us`;
const STAFF_CHAT = "8812345678"; // a Telegram chat id is as personal: it reaches the person

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

it("a send that fails with the number in the error: the logs and the job's failure reason do not hold it", async () => {
  const lines: string[] = [];
  const demo = await startDemoApp({ logSink: (l) => lines.push(l) });
  const bg = demoBackground(demo, {
    telegram: {
      has: () => true,
      // How libraries fail: the chat they were about, in the message.
      send: async (_site, chatId) => {
        throw new Error(
          `Call to 'sendMessage' failed! (400: Bad Request: chat ${chatId} (+972-57-765-4321) not found)`,
        );
      },
    },
  });
  stop = async () => {
    await bg.jobs.close();
    await demo.stop();
  };
  bg.jobs.startWorkers(["telegram-outbound"]);
  const outboxId = await demo.app.outbox.put(DEMO_BARBER_SITEID, "telegram", {
    chatId: WA_CHAT,
    messages: [{ type: "text", text: "reminder" }],
  });
  await bg.jobs.queues.telegram.add("send", { site: DEMO_BARBER_SITEID, outboxId }, { attempts: 1 });
  const deadline = Date.now() + 10_000;
  while ((await bg.jobs.queues.telegram.getFailedCount()) === 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const [failed] = await bg.jobs.queues.telegram.getFailed();
  expect(failed?.failedReason).toMatch(/Bad Request: chat \[number\]/);
  await new Promise((r) => setTimeout(r, 100)); // the worker's "failed" log line
  const logged = lines.join("\n");
  expect(logged).toMatch(/job failed/);
  expect(logged).not.toContain(PHONE_DIGITS);
  expect(logged).not.toMatch(/57[-\s]?765[-\s]?4321/);
  expect(failed!.failedReason).not.toContain(PHONE_DIGITS);
  expect(JSON.stringify(failed!.data)).not.toContain(PHONE_DIGITS);
});

it("staff digests' job ids name the chat by an HMAC, not by its id", async () => {
  const staff: SiteConfig["staff"] = [
    { channel: "telegram", chatId: STAFF_CHAT, role: { kind: "owner" } },
    { channel: "whatsapp", chatId: WA_CHAT, role: { kind: "staff", staffId: "201" } },
  ];
  const waIds: string[] = [];
  const demo = await startDemoApp({ site: { staff } });
  demo.emulator.clock.set(T0.set({ hour: 19 }));
  const bg = demoBackground(demo, {
    telegram: { has: () => true, send: async () => "sent" },
    // The WhatsApp session's producer: the job id it is handed is the one its queue would keep.
    whatsapp: { sessionFor: () => "main", enqueue: async (_s, _r, jobId) => void waIds.push(jobId!) },
  });
  stop = async () => {
    await bg.jobs.close();
    await demo.stop();
  };
  const r = await bg.jobs.runDigest(DEMO_BARBER_SITEID);
  expect(r).toMatchObject({ staffChats: 2 });
  const ids = [...(await bg.jobs.queues.telegram.getJobs()).map((j) => j.id!), ...waIds];
  expect(ids).toHaveLength(2);
  expect(ids.every((id) => id.startsWith("digest-"))).toBe(true);
  expect(ids.join(" ")).toContain(
    demo.app.keys.chatRef({ site: DEMO_BARBER_SITEID, channel: "telegram", chatId: STAFF_CHAT }),
  );
  expect(ids.join(" ")).not.toContain(STAFF_CHAT);
  expect(ids.join(" ")).not.toContain(PHONE_DIGITS);
});
