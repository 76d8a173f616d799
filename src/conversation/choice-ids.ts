import { randomBytes } from "node:crypto";

/**
 * Choice ids are short (Telegram allows 64 bytes of callback data) and say what they act on:
 * - `m.<intent>`: a menu entry, valid at any time;
 * - `a.<verb>.<apptid>`: an action on one appointment, re-checked against the verified phone
 *   when pressed (callback data can be forged by a custom client);
 * - `<token>.<action>.<arg>`: an answer inside a flow; the token names the flow instance, so a
 *   button from an older question answers "out of date" instead of acting.
 */
export function newToken(): string {
  return randomBytes(3).toString("base64url").slice(0, 4);
}

export const menuChoice = (intent: string) => `m.${intent}`;
/** c confirm, d decline (can't come), x cancel, m move (change time). */
export type ApptVerb = "c" | "d" | "x" | "m";
/** `start` (YYYYMMDDhhmm) pins the time the button was made for: a moved appointment makes it stale. */
export const apptChoice = (verb: ApptVerb, apptId: string, start?: string) =>
  start ? `a.${verb}.${apptId}.${start}` : `a.${verb}.${apptId}`;
export const flowChoice = (token: string, action: string, arg: string | number = "") =>
  `${token}.${action}.${arg}`;
export const languageChoice = (locale: string) => `l.${locale}`;

export type ParsedChoice =
  | { kind: "menu"; intent: string }
  | { kind: "appt"; verb: ApptVerb; apptId: string; start?: string }
  | { kind: "language"; locale: string }
  | { kind: "attendance"; came: boolean; apptId: string }
  | { kind: "flow"; token: string; action: string; arg: string }
  | { kind: "waitlist"; verb: "j" | "x" | "b" | "n"; args: string[] }
  | { kind: "unknown" };

export function parseChoice(id: string): ParsedChoice {
  const [head, a, ...rest] = id.split(".");
  const b = rest.join(".");
  if (head === "m" && a) return { kind: "menu", intent: a };
  // w.j.<wish> join, w.x.<entry> leave, w.b.<freed>.<entry> book it, w.n.<freed>.<entry> not this one.
  if (head === "w" && (a === "j" || a === "x" || a === "b" || a === "n") && /^[\w.]+$/.test(b))
    return { kind: "waitlist", verb: a, args: b.split(".") };
  if (head === "l" && a) return { kind: "language", locale: a };
  if (head === "s" && (a === "y" || a === "n") && /^\d+$/.test(b))
    return { kind: "attendance", came: a === "y", apptId: b };
  if (head === "a" && (a === "c" || a === "d" || a === "x" || a === "m")) {
    const m = /^(\d+)(?:\.(\d{12}))?$/.exec(b);
    if (m) return { kind: "appt", verb: a, apptId: m[1]!, start: m[2] };
  }
  if (head && head.length === 4 && a) return { kind: "flow", token: head, action: a, arg: b };
  return { kind: "unknown" };
}
