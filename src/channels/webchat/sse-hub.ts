import type { ServerResponse } from "node:http";

/**
 * Server-sent events per chat: the web chat's way of receiving what nobody asked for in that
 * request (a reminder, a notice). A chat may be open in several tabs; each gets every push.
 */
export function createSseHub(opts: { heartbeatMs?: number } = {}) {
  const streams = new Map<string, Set<ServerResponse>>();
  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(": keep-alive\n\n");
  }, opts.heartbeatMs ?? 25_000);
  heartbeat.unref();
  return {
    open(key: string, res: ServerResponse) {
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        // Proxies (nginx) would otherwise hold the stream back.
        "x-accel-buffering": "no",
      });
      res.write(": open\n\n");
      const set = streams.get(key) ?? new Set<ServerResponse>();
      streams.set(key, set);
      set.add(res);
      res.on("close", () => {
        set.delete(res);
        if (set.size === 0) streams.delete(key);
      });
    },
    /** Returns how many open streams got it. */
    push(key: string, data: unknown): number {
      const set = streams.get(key);
      for (const res of set ?? []) res.write(`data: ${JSON.stringify(data)}\n\n`);
      return set?.size ?? 0;
    },
    close() {
      clearInterval(heartbeat);
      for (const set of streams.values()) for (const res of set) res.end();
      streams.clear();
    },
  };
}
export type SseHub = ReturnType<typeof createSseHub>;
