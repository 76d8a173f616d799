import type { ChatAddress } from "../core/messages.ts";

export type WaitPart = "any" | "morning" | "noon" | "evening";

/** One customer waiting for a time: the chat to tell, what they want and when. No phone here. */
export interface WaitlistEntry {
  id: string;
  address: ChatAddress;
  serviceId: string;
  /** A staff id, or "any". */
  staffId: string;
  branchId?: string;
  /** First and last day wanted, YYYYMMDD (local). */
  from: string;
  to: string;
  part: WaitPart;
  joinedAt: number;
  /** A move: the customer's appointment that a booked freed time replaces (its start, `YYYYMMDDhhmm`). */
  replaces?: { apptId: string; start: string };
}

/** A time that became free, as offered to the waitlist. */
export interface FreedTime {
  id: string;
  serviceId?: string;
  staffId: string;
  branchId?: string;
  /** YYYYMMDDhhmm local. */
  from: string;
  to: string;
  /** Epoch ms of the start: offers never wait past it. */
  startMs: number;
}

/** The waitlist as the conversation uses it (src/storage/waitlist.ts keeps it in Redis). */
export interface WaitlistPort {
  join(entry: Omit<WaitlistEntry, "id">): Promise<WaitlistEntry>;
  ofChat(address: ChatAddress, today: string): Promise<WaitlistEntry[]>;
  get(site: string, id: string): Promise<WaitlistEntry | null>;
  remove(site: string, id: string): Promise<void>;
  freed(site: string, id: string): Promise<FreedTime | null>;
  wasOffered(site: string, freedId: string, entryId: string): Promise<boolean>;
  /** True for exactly one caller per freed time, across processes. */
  claim(site: string, freedId: string, entryId: string): Promise<boolean>;
  countFilled(site: string, week: string): Promise<void>;
}
