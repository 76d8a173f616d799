import { createHmac } from "node:crypto";

/** Shorter than this is guessable in practice (Telegram itself accepts 1 to 256 characters). */
export const MIN_WEBHOOK_SECRET = 16;

/**
 * The secret Telegram sends with every update in webhook mode. Without one, anybody who can reach
 * the route could post a made-up update (a contact "proving" someone else's phone). When the owner
 * sets none, it is derived from the bot token (a secret already): stable across restarts and
 * replicas, so every web process checks the same value; 43 characters of Telegram's alphabet.
 */
export function derivedWebhookSecret(botToken: string): string {
  return createHmac("sha256", botToken)
    .update("tor4you-bot telegram webhook secret_token")
    .digest("base64url");
}
