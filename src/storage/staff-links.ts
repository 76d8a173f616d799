import { createHash, randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import type { StaffRole } from "../conversation/ports.ts";
import type { ChannelKind, ChatAddress } from "../core/messages.ts";
import type { Keys } from "./keys.ts";

export type { StaffRole };

// No 0/O, 1/I/L: codes are read off a screen and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const hash = (code: string) => createHash("sha256").update(code.trim().toUpperCase()).digest("hex");
const encode = (r: StaffRole) => (r.kind === "owner" ? "owner" : `staff:${r.staffId}`);
const decode = (v: string): StaffRole | null =>
  v === "owner" ? { kind: "owner" } : v.startsWith("staff:") ? { kind: "staff", staffId: v.slice(6) } : null;

/**
 * Staff linking: `tor4you-bot staff link` makes a one-time code; the staff member sends it to the
 * business's bot and that chat becomes theirs. Codes are stored only as hashes, expire, and work
 * once (GETDEL: two chats racing with one code cannot both win).
 */
export function createStaffLinks(redis: Redis, keys: Keys) {
  return {
    async createCode(site: string, role: StaffRole, ttlSeconds = 24 * 3600): Promise<string> {
      let code = "";
      // At least one digit, so the chat can tell a code from a word.
      while (!/[2-9]/.test(code))
        code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
      await redis.set(keys.staffCode(site, hash(code)), encode(role), "EX", ttlSeconds);
      return code;
    },
    /** The role the code grants, once; null for an unknown, expired or used code. */
    async redeem(site: string, code: string, address: ChatAddress): Promise<StaffRole | null> {
      if (!/^[A-Z0-9]{8}$/i.test(code.trim())) return null;
      const value = await redis.getdel(keys.staffCode(site, hash(code)));
      const role = value ? decode(value) : null;
      if (role) await redis.hset(keys.staffChats(site), `${address.channel}|${address.chatId}`, encode(role));
      return role;
    },
    async roleOf(address: ChatAddress): Promise<StaffRole | null> {
      const v = await redis.hget(keys.staffChats(address.site), `${address.channel}|${address.chatId}`);
      return v ? decode(v) : null;
    },
    async list(site: string): Promise<Array<{ address: ChatAddress; role: StaffRole }>> {
      const all = await redis.hgetall(keys.staffChats(site));
      return Object.entries(all).flatMap(([member, v]) => {
        const bar = member.indexOf("|");
        const role = decode(v);
        if (bar < 0 || !role) return [];
        const channel = member.slice(0, bar) as ChannelKind;
        return [{ address: { site, channel, chatId: member.slice(bar + 1) }, role }];
      });
    },
    async unlink(address: ChatAddress): Promise<boolean> {
      return (await redis.hdel(keys.staffChats(address.site), `${address.channel}|${address.chatId}`)) === 1;
    },
  };
}
export type StaffLinks = ReturnType<typeof createStaffLinks>;
