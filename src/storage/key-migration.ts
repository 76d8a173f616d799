import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";
import { mastersOf } from "./redis-connection.ts";

/** The digest of a phone before APP_SECRET (a bare sha256: reversible by trying every number). */
export const legacyCellDigest = (cell: string) =>
  createHash("sha256").update(`tor4you-bot:${cell}`).digest("hex").slice(0, 32);

const SCHEME = "2";

/**
 * Moves a deployment's keys from the names of earlier versions (chat ids in the clear, phones as
 * a bare sha256) to HMACs with APP_SECRET, once, before anything reads them: a chat's link,
 * preferences and pending answers are renamed; the phone-to-chats index is rebuilt from the
 * links; an opt-out whose phone some link still knows is re-keyed (the rest are read under their
 * old digest by the opt-out store until the phone is seen again: a "stop" is never dropped).
 * Other processes starting meanwhile wait for it. Staff codes made before are not carried over
 * (they expire within days anyway): make new ones.
 */
export async function migrateKeyNames(
  redis: Redis,
  keys: Keys,
  log: (counts: Record<string, number>) => void,
): Promise<void> {
  // Another process migrating holds the lock: wait for it rather than read half-moved keys (its
  // lock expires if it dies, and then this one does the work).
  while ((await redis.get(keys.keyScheme())) !== SCHEME) {
    if ((await redis.set(keys.keySchemeLock(), String(process.pid), "EX", 300, "NX")) === "OK") {
      await migrate(redis, keys, log);
      return;
    }
    await delay(500);
  }
}

async function migrate(redis: Redis, keys: Keys, log: (counts: Record<string, number>) => void) {
  const p = keys.prefix;
  const counts = { renamed: 0, links: 0, optOuts: 0, oldIndexes: 0 };
  const oldIndexes: string[] = [];
  const chatKeys: string[] = [];
  for (const node of mastersOf(redis)) {
    for await (const batch of node.scanStream({ match: `${p}:cell-chats:*`, count: 1000 }))
      oldIndexes.push(...(batch as string[]));
    for await (const batch of node.scanStream({ match: `${p}:chat:*`, count: 1000 }))
      chatKeys.push(...(batch as string[]));
  }
  const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const oldChatKey = new RegExp(`^${escaped}:chat:\\{([^}]*)\\}:([^-:]+)-([^:]+):(.+)$`);
  for (const key of chatKeys) {
    const m = oldChatKey.exec(key);
    // Already an HMAC (a migration that stopped half-way is run again): nothing to do.
    if (!m || /^[0-9a-f]{32}$/.test(m[3]!)) continue;
    const address = {
      site: decodeURIComponent(m[1]!),
      channel: decodeURIComponent(m[2]!),
      chatId: decodeURIComponent(m[3]!),
    };
    let suffix = m[4]!;
    // Dedupe marks named by the event id (a WhatsApp one holds the phone) get the event's HMAC.
    if (suffix.startsWith("seen:")) {
      const eventId = decodeURIComponent(suffix.slice(5));
      suffix = keys.chatSeen(address, eventId).slice(keys.chatBase(address).length + 1);
    }
    const target = `${keys.chatBase(address)}:${suffix}`;
    if (target === key) continue;
    // RENAMENX: a key the new version already wrote is newer than the old one; the old one goes.
    if ((await redis.renamenx(key, target)) === 0) await redis.del(key);
    counts.renamed++;
    if (suffix !== "identity") continue;
    const cell = await redis.hget(target, "cell");
    if (!cell) continue;
    await redis.sadd(keys.chatsByCell(address.site, cell), `${address.channel}|${address.chatId}`);
    counts.links++;
    const optOuts = keys.optOuts(address.site);
    const when = await redis.hget(optOuts, legacyCellDigest(cell));
    if (when) {
      await redis.hset(optOuts, keys.cellDigest(cell), when);
      await redis.hdel(optOuts, legacyCellDigest(cell));
      counts.optOuts++;
    }
  }
  // An index is old when its name is not the HMAC of its chats' phone (a process of this version
  // may have written new ones already); the new ones were rebuilt above.
  const indexName = new RegExp(`^${escaped}:cell-chats:\\{([^}]*)\\}:([0-9a-f]+)$`);
  for (const key of oldIndexes) {
    const m = indexName.exec(key);
    if (!m) continue;
    const site = decodeURIComponent(m[1]!);
    let current = false;
    for (const member of await redis.smembers(key)) {
      const bar = member.indexOf("|");
      const cell = await redis.hget(
        keys.chatIdentity({ site, channel: member.slice(0, bar), chatId: member.slice(bar + 1) }),
        "cell",
      );
      if (cell && keys.cellDigest(cell) === m[2]) current = true;
    }
    if (current) continue;
    await redis.del(key);
    counts.oldIndexes++;
  }
  await redis.set(keys.keyScheme(), SCHEME);
  await redis.del(keys.keySchemeLock());
  log(counts);
}
