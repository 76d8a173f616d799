import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { AppError } from "../core/errors.ts";

/** Redis did not answer at REDIS_URL; the message says how to get one. */
export class RedisUnavailableError extends AppError {
  constructor(url: string) {
    super(
      "redis_unavailable",
      `REDIS_URL: no Redis answers at ${url.replace(/\/\/[^@]*@/, "//***@")}. Start one with ` +
        "`docker-compose up -d redis` (the compose file in this repository), or on Debian/Ubuntu " +
        "`sudo apt-get install redis-server`, then run this again.",
    );
  }
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * The Redis to use. When none answers and this is the demo, a private `redis-server` (if one is
 * installed) runs for as long as the demo does, keeping nothing on disk; otherwise a
 * RedisUnavailableError says how to get one.
 */
export async function ensureRedis(
  url: string,
  opts: { demo: boolean; say: (line: string) => void },
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (await answers(url)) return { url, stop: async () => {} };
  if (!opts.demo) throw new RedisUnavailableError(url);
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const spawned = await new Promise<boolean>((resolve) => {
    child.once("spawn", () => resolve(true));
    child.once("error", () => resolve(false));
  });
  if (!spawned) throw new RedisUnavailableError(url);
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(privateUrl)); i++) await sleep(100);
  opts.say(
    `  redis: none at ${url}; started a private redis-server for the demo at ${privateUrl} (nothing kept)`,
  );
  return {
    url: privateUrl,
    stop: async () => {
      child.kill("SIGTERM");
    },
  };
}
