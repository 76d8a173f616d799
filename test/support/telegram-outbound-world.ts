import { createTelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { DEMO_BARBER_SITEID } from "../../src/emulator/seed-demo.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createBackground } from "../../src/roles/background.ts";
import type { startDemoApp } from "./demo-app.ts";

/**
 * The demo barber's real Telegram channel against a fake Bot API at `apiRoot`, and the background
 * jobs sending through it (the telegram-outbound queue), as the worker role wires them.
 */
export function telegramOutbound(
  demo: Awaited<ReturnType<typeof startDemoApp>>,
  token: string,
  apiRoot: string,
) {
  const channel = createTelegramChannel({
    site: DEMO_BARBER_SITEID,
    token,
    apiRoot,
    engine: demo.app.engine,
    translator: demo.app.translator,
    markUnreachable: async () => {},
    logger: demo.logger,
  });
  const background = createBackground({
    sites: demo.sites,
    app: demo.app,
    connection: demo.redis,
    logger: demo.logger,
    metrics: createMetrics(),
    telegram: {
      has: () => true,
      send: (_site, chatId, messages, progress) => channel.send(chatId, messages, { progress }),
    },
  });
  return { channel, background };
}
