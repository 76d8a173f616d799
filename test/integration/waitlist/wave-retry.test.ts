import { DateTime } from "luxon";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createWaitlistOffers } from "../../../jobs/waitlist-offers.ts";
import type { ChatAddress } from "../../../src/core/messages.ts";
import { createWaitlistStore } from "../../../src/storage/waitlist.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

const { redis, fresh } = useRedisPrefix();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const NOW = DateTime.fromISO("2026-12-07T10:00:00", { zone: "Asia/Jerusalem" });

function world() {
  const keys = fresh();
  const store = createWaitlistStore(redis, keys);
  const delivered: string[] = [];
  let failNext = 0;
  const offers = createWaitlistOffers({
    connection: redis,
    prefix: keys.prefix,
    chatRef: (a) => `c${a.chatId}`,
    sites: [
      {
        id: "s1",
        timezone: "Asia/Jerusalem",
        enabled: true,
        waveSize: 3,
        waveSpacingMs: 60_000,
        sendAt: (ms) => ms,
      },
    ],
    store,
    compose: async () => [{ type: "text", text: "A time opened up" }],
    enqueue: async (address, _request, jobId) => {
      if (failNext > 0) {
        failNext--;
        throw new Error("Connection is closed.");
      }
      // The outbound queue ignores a job id it already holds: count each id once, as it would.
      if (!delivered.includes(jobId)) delivered.push(jobId);
      void address;
    },
    now: () => NOW,
    logger: pino({ level: "silent" }),
  });
  closers.push(() => offers.close());
  return { store, offers, delivered, failOnce: () => (failNext = 1) };
}

const address = (chatId: string): ChatAddress => ({ site: "s1", channel: "telegram", chatId });

describe("a waitlist wave that fails half way", () => {
  it("offers the freed time to everyone in the wave once its retry has run", async () => {
    const { store, offers, delivered, failOnce } = world();
    for (const chatId of ["101", "102", "103"])
      await store.join({
        address: address(chatId),
        serviceId: "21",
        staffId: "any",
        from: "20261208",
        to: "20261208",
        part: "any",
        joinedAt: NOW.toMillis(),
      });
    const freed = await store.putFreed("s1", {
      staffId: "11",
      serviceId: "21",
      from: "202612081000",
      to: "202612081030",
      startMs: NOW.plus({ days: 1 }).toMillis(),
    });
    failOnce();
    await expect(offers.runWave({ site: "s1", freedId: freed!.id, wave: 0 })).rejects.toThrow();
    // BullMQ retries the job: the customer whose offer failed to queue is not skipped.
    await offers.runWave({ site: "s1", freedId: freed!.id, wave: 0 });
    expect(delivered.sort()).toEqual(
      ["wlo-s1-X-c101", "wlo-s1-X-c102", "wlo-s1-X-c103"].map((id) => id.replace("X", freed!.id)),
    );
  });
});
