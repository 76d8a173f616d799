import Fastify from "fastify";
import { createWebChatChannel } from "../../src/channels/webchat/webchat-channel.ts";
import { demoBusinesses, demoReminder } from "../../src/roles/demo.ts";
import { startDemoApp } from "./demo-app.ts";

/** The demo's web chat over real HTTP routes (fastify inject), on the emulator and the real Redis. */
export async function startWebChat() {
  const demo = await startDemoApp();
  const channel = createWebChatChannel({
    engine: demo.app.engine,
    translator: demo.app.translator,
    demo: {
      businesses: async () => demoBusinesses(demo.emulator),
      remindNow: (address) => demoReminder(demo.app, address),
    },
    logger: demo.logger,
  });
  const app = Fastify();
  await app.register(channel.plugin);
  return {
    demo,
    app,
    channel,
    async stop() {
      channel.close();
      await app.close();
      await demo.stop();
    },
  };
}
