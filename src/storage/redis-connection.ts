import { Cluster, Redis, type RedisOptions } from "ioredis";
import { InvalidInputError } from "../core/errors.ts";

/** Where Redis is: one server (`REDIS_URL`), or a Redis/Valkey Cluster (`REDIS_CLUSTER_NODES`). */
export interface RedisTarget {
  url: string;
  /** Seed nodes of a cluster (`host:port`); any one that answers is enough to find the rest. */
  clusterNodes?: readonly { host: string; port: number }[];
}

/** `REDIS_CLUSTER_NODES`: comma-separated `host:port`. */
export function parseClusterNodes(value: string): { host: string; port: number }[] {
  const nodes = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^([^:\s]+|\[[0-9a-f:]+\]):(\d{1,5})$/i.exec(s);
      const port = Number(m?.[2]);
      if (!m || port < 1 || port > 65535)
        throw new InvalidInputError("REDIS_CLUSTER_NODES", `"${s}" is not host:port`);
      return { host: m[1]!.replace(/^\[|\]$/g, ""), port };
    });
  if (nodes.length === 0) throw new InvalidInputError("REDIS_CLUSTER_NODES", "names no host:port");
  return nodes;
}

/** The target the environment names: `REDIS_CLUSTER_NODES` wins over `REDIS_URL`. */
export function redisTargetFromEnv(env: Record<string, string | undefined>): RedisTarget {
  const url = env.REDIS_URL || "redis://127.0.0.1:6379";
  const nodes = env.REDIS_CLUSTER_NODES?.trim();
  return nodes ? { url, clusterNodes: parseClusterNodes(nodes) } : { url };
}

/**
 * A connection to the target: a plain client, or an ioredis Cluster client that routes each
 * command to the master owning its key's slot. Every key the program builds (src/storage/keys.ts)
 * carries its site in a hash tag and every queue its own (jobs/queues.ts), so each multi-key
 * command, transaction and Lua script stays in one slot. The Cluster client answers every command
 * the stores and BullMQ use, so it is handed out under the one client type they are written for.
 * On a cluster, the URL still gives the password, user and TLS for every node.
 */
export function connectRedis(target: RedisTarget, options: RedisOptions = {}): Redis {
  if (!target.clusterNodes) return new Redis(target.url, options);
  const u = new URL(target.url);
  const nodeOptions: RedisOptions = {
    ...options,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
  const cluster = new Cluster([...target.clusterNodes], {
    redisOptions: nodeOptions,
    lazyConnect: options.lazyConnect,
    // A slot moving during a resharding answers MOVED/ASK: follow it rather than fail the command.
    maxRedirections: 32,
    enableReadyCheck: true,
    clusterRetryStrategy: options.retryStrategy
      ? (times) => options.retryStrategy!(times) ?? null
      : (times) => Math.min(100 * times, 2_000),
  });
  return cluster as unknown as Redis;
}

/** Whether a connection is a cluster client (its keyspace lives on several masters). */
export const isCluster = (redis: Redis): boolean => (redis as { isCluster?: boolean }).isCluster === true;

/** The masters of a cluster connection, each as its own client; the connection itself otherwise. */
export function mastersOf(redis: Redis): Redis[] {
  return isCluster(redis) ? (redis as unknown as Cluster).nodes("master") : [redis];
}
