import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { WaClient, WaClientFactory } from "./client-port.ts";

export interface RealClientOptions {
  /** WHATSAPP_DATA_DIR: LocalAuth keeps each session's browser profile under it. */
  dataDir: string;
  /** CHROMIUM_PATH: Debian's chromium; puppeteer's own browser is never downloaded. */
  chromiumPath: string;
  /** Pair by code instead of QR. */
  pairingPhone?: string;
}

/** Where LocalAuth keeps a session's Chromium profile. */
export const profileDir = (dataDir: string, session: string) => join(dataDir, `session-${session}`);

/**
 * whatsapp-web.js with LocalAuth on a persistent directory and Debian chromium. Loaded lazily so
 * a deployment without WhatsApp never loads puppeteer.
 */
export function realClientFactory(opts: RealClientOptions): WaClientFactory {
  return async (session) => {
    if (!existsSync(opts.chromiumPath)) {
      throw new Error(
        `chromium not found at ${opts.chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`,
      );
    }
    // A crash leaves Chromium's SingletonLock behind, and the next launch then refuses the profile.
    await rm(join(profileDir(opts.dataDir, session), "SingletonLock"), { force: true });
    const { default: wweb } = await import("whatsapp-web.js");
    const client = new wweb.Client({
      authStrategy: new wweb.LocalAuth({ clientId: session, dataPath: opts.dataDir }),
      puppeteer: {
        executablePath: opts.chromiumPath,
        headless: true,
        args: [
          ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
          "--disable-dev-shm-usage",
          "--disable-gpu",
          "--no-first-run",
        ],
      },
      ...(opts.pairingPhone
        ? { pairWithPhoneNumber: { phoneNumber: opts.pairingPhone, showNotification: true } }
        : {}),
    });
    // whatsapp-web.js sends files as MessageMedia; the port keeps that type out of the rest.
    const sendFile: WaClient["sendFile"] = (chatId, f) =>
      client.sendMessage(chatId, new wweb.MessageMedia(f.mime, f.base64, f.fileName), {
        sendMediaAsDocument: true,
        caption: f.caption,
      });
    return Object.assign(client, { sendFile }) as unknown as WaClient;
  };
}

export async function wipeProfile(dataDir: string, session: string): Promise<void> {
  // The browser may still be closing its files for a moment after destroy().
  await rm(profileDir(dataDir, session), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
