import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import type { StaffRole } from "../conversation/ports.ts";
import { InvalidInputError } from "../core/errors.ts";
import type { ChannelKind, ChatAddress } from "../core/messages.ts";
import type { Keys } from "./keys.ts";

export type { StaffRole };

// No 0/O, 1/I/L: codes are read off a screen and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const canonical = (code: string) => code.trim().toUpperCase();

/** A code lives at most this long: one that leaks from an old message is worth nothing. */
export const MAX_CODE_HOURS = 72;
/** Wrong codes one chat may send in an hour; after that it is told to wait, and no code is tried. */
export const MAX_WRONG_CODES = 5;
const WRONG_CODE_WINDOW_SECONDS = 3600;
const encode = (r: StaffRole) => (r.kind === "owner" ? "owner" : `staff:${r.staffId}`);
/** How a chat is named in the site's linked staff chats. */
export const staffMember = (a: ChatAddress) => `${a.channel}|${a.chatId}`;
const decode = (v: string): StaffRole | null =>
  v === "owner" ? { kind: "owner" } : v.startsWith("staff:") ? { kind: "staff", staffId: v.slice(6) } : null;

/**
 * Staff linking: `tor4you-bot staff link` makes a one-time code; the staff member sends it to the
 * business's bot and that chat becomes theirs. Codes are stored only as HMACs (APP_SECRET), live
 * at most 72 hours, and work once (GETDEL: two chats racing with one code cannot both win). A
 * chat that sends 5 wrong codes in an hour is locked out for the rest of it: 31^8 codes cannot
 * be guessed 5 at a time.
 */
export function createStaffLinks(redis: Redis, keys: Keys) {
  return {
    async createCode(site: string, role: StaffRole, ttlSeconds = 24 * 3600): Promise<string> {
      if (!(ttlSeconds > 0 && ttlSeconds <= MAX_CODE_HOURS * 3600))
        throw new InvalidInputError("valid-hours", `a code is valid for at most ${MAX_CODE_HOURS} hours`);
      let code = "";
      // At least one digit, so the chat can tell a code from a word.
      while (!/[2-9]/.test(code))
        code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
      await redis.set(keys.staffCode(site, canonical(code)), encode(role), "EX", ttlSeconds);
      return code;
    },
    /**
     * The role the code grants, once; null for an unknown, expired or used code; "locked" when the
     * chat already sent 5 wrong ones this hour (the code is then not even looked at).
     */
    async redeem(site: string, code: string, address: ChatAddress): Promise<StaffRole | "locked" | null> {
      const failures = keys.staffCodeFailures(address);
      if (Number(await redis.get(failures)) >= MAX_WRONG_CODES) return "locked";
      const value = /^[A-Z0-9]{8}$/i.test(code.trim())
        ? await redis.getdel(keys.staffCode(site, canonical(code)))
        : null;
      const role = value ? decode(value) : null;
      if (!role) {
        // The hour starts at the first wrong code (NX), so waiting it out always helps.
        await redis.multi().set(failures, "0", "EX", WRONG_CODE_WINDOW_SECONDS, "NX").incr(failures).exec();
        return null;
      }
      await redis.hset(keys.staffChats(site), `${address.channel}|${address.chatId}`, encode(role));
      return role;
    },
    async roleOf(address: ChatAddress, linked?: string | null): Promise<StaffRole | null> {
      const v =
        linked !== undefined ? linked : await redis.hget(keys.staffChats(address.site), staffMember(address));
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
