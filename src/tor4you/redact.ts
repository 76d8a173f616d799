/**
 * Parameters whose values identify a person or grant access. Extra fields (afN, axN, cxN) and the
 * address are business-defined free text, so they are treated as personal too.
 */
const SENSITIVE = new Set([
  "cell",
  "tz",
  "first",
  "last",
  "email",
  "notes",
  "vfib",
  "conf",
  "sh",
  "key",
  "street",
  "city",
]);
const SENSITIVE_PATTERN = /^(af|ax|cx|cf)\d+$/;

export const REDACTED = "[redacted]";

export function isSensitiveParam(name: string): boolean {
  return SENSITIVE.has(name) || SENSITIVE_PATTERN.test(name);
}

export function redactParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) out[name] = isSensitiveParam(name) ? REDACTED : value;
  return out;
}

/**
 * Free text from the server (error messages, HTML pages) may echo what we sent. Mask anything that
 * looks like a phone, an ID number, an e-mail address or a long token before it reaches a log.
 */
export function scrubText(text: string): string {
  return String(text ?? "")
    .replace(/[^\s@<>"']+@[^\s@<>"']+/g, "[email]")
    .replace(/\+?\d[\d\s-]{5,}\d/g, "[number]")
    .replace(/\b[A-Za-z0-9]{24,}\b/g, "[token]")
    .trim();
}
