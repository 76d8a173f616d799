import { createHash, timingSafeEqual } from "node:crypto";

/** Signed-parameter auth: sha256_hex(siteid + key + dt + apicall + secret). */
export function signCall(p: {
  siteid: string;
  key: string;
  dt: string;
  call: string;
  secret: string;
}): string {
  return sha256Hex(`${p.siteid}${p.key}${p.dt}${p.call}${p.secret}`);
}

/** Webhook signature: sha256_hex(notification id + the webhook key from the site's settings). */
export function signWebhook(id: string, webhookKey: string): string {
  return sha256Hex(`${id}${webhookKey}`);
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests (case-insensitive), false on any length mismatch. */
export function hexEquals(a: string, b: string): boolean {
  const x = Buffer.from(String(a).trim().toLowerCase(), "utf8");
  const y = Buffer.from(String(b).trim().toLowerCase(), "utf8");
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}
