import { scrubText } from "./redact.ts";

/**
 * A Tor4You answer made fit to attach to a bug report: the structure, keys, types, ids, dates and
 * statuses stay (they are what we need to see), while every name, phone, ID number, e-mail, token
 * and free text is replaced by its shape: `05X-XXX-XXXX`, `<name:5>`, `XXXXXXXXX`, `xxx@xxxxxxx.xxx`.
 * Fields we do not know are the interesting ones in such a report but may hold anything, so their
 * text is shaped too; only digits-and-punctuation values that cannot be a phone or ID number stay.
 */
export function redactSample(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSample(v, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSample(v, k)]));
  }
  if (typeof value !== "string" && typeof value !== "number") return value;
  const text = String(value);
  if (text.trim() === "") return value;
  const kind = kindOf(key.toLowerCase(), text);
  return kind ? shape(kind, text) : value;
}

type Kind = "name" | "phone" | "idnumber" | "email" | "token" | "text" | "message";

const NAME = /^(first|last|name|.*name|customerfirst|customerlast)$/;
const PHONE = /cell|phone|mobile|^tel|fax/;
const ID_NUMBER = /^(tz|customertz|idnumber|teudat.*)$/;
const EMAIL = /mail/;
const TOKEN = /^(conf|vfib|sh|key|torkey|token|.*token)$/;
const FREE_TEXT = /^(notes?|address|street|city|description|zoom|comments?|remarks?|[ac][xf]\d+|af\d+)$/;
const MESSAGE = /^(message|msg|error)$/;
/** Text we read whose values are codes, not people: kept as sent. */
const CODES = new Set(["calendartype", "appts", "action", "status", "apptstatus", "lu"]);

function kindOf(key: string, text: string): Kind | undefined {
  if (MESSAGE.test(key)) return "message";
  if (TOKEN.test(key)) return "token";
  if (EMAIL.test(key)) return "email";
  if (PHONE.test(key)) return "phone";
  if (ID_NUMBER.test(key)) return "idnumber";
  if (NAME.test(key)) return "name";
  if (FREE_TEXT.test(key)) return "text";
  if (CODES.has(key)) return undefined;
  // Any other field, judged by its value.
  if (text.includes("@")) return "email";
  if (/^\+?[\d\s-]+$/.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (/^(0|972)5\d{8}$/.test(digits) || /^0\d{8}$/.test(digits)) return "phone";
    return undefined;
  }
  if (/\p{L}/u.test(text)) return "text";
  return undefined;
}

function shape(kind: Kind, text: string): string {
  const t = text.trim();
  switch (kind) {
    case "name":
      return `<name:${[...t].length}>`;
    case "phone": {
      const digits = t.replace(/\D/g, "");
      if (/^05\d{8}$/.test(digits)) return "05X-XXX-XXXX";
      if (/^9725\d{8}$/.test(digits)) return "9725X-XXX-XXXX";
      return t.replace(/\d/g, "X");
    }
    case "idnumber":
      return t.replace(/\d/g, "X");
    case "email":
      return t.replace(/[^@.]/g, "x");
    case "token":
      return `<token:${t.length}>`;
    case "text":
      return `<text:${[...t].length}>`;
    case "message":
      return scrubText(t);
  }
}
