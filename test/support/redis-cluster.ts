import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A port the OS calls free whose cluster bus port (+10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  const listenOn = (port: number) =>
    new Promise<number | null>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(null));
      s.listen(port, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
  for (let i = 0; i < 50; i++) {
    const port = await listenOn(0);
    if (!port || port > 55_000 || taken.has(port)) continue;
    if ((await listenOn(port + 10_000)) !== null) return port;
  }
  throw new Error("no free port pair for a Redis Cluster node");
}

async function cli(port: number, ...args: string[]) {
  return (await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args])).stdout;
}

/**
 * A real 3-master Redis Cluster on this machine (Debian's redis-server and redis-cli), each node
 * in its own temporary directory on ports the OS picked; `stop` kills the nodes and removes the
 * directories. Fails loudly when redis-server is missing: the cluster tests must not pass unrun.
 */
export async function startRedisCluster(masters = 3): Promise<{ nodes: string; stop: () => Promise<void> }> {
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) {
    const p = await clusterPort(taken);
    taken.add(p);
    ports.push(p);
  }
  const dir = await mkdtemp(join(tmpdir(), "t4y-cluster-"));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const child = spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          `nodes-${port}.conf`,
          "--dir",
          dir,
          "--save",
          "",
          "--appendonly",
          "no",
          "--cluster-node-timeout",
          "5000",
        ],
        { stdio: "ignore" },
      );
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", (e) =>
          reject(new Error(`redis-server could not start (apt-get install redis-server): ${e.message}`)),
        );
      });
    }
    for (const port of ports) {
      for (let i = 0; ; i++) {
        if ((await cli(port, "ping").catch(() => "")).includes("PONG")) break;
        if (i > 100) throw new Error(`cluster node ${port} does not answer`);
        await sleep(50);
      }
    }
    await run("redis-cli", [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ]);
    for (const port of ports) {
      for (let i = 0; ; i++) {
        if ((await cli(port, "cluster", "info")).includes("cluster_state:ok")) break;
        if (i > 200) throw new Error(`cluster node ${port} never reached cluster_state:ok`);
        await sleep(50);
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { nodes: ports.map((p) => `127.0.0.1:${p}`).join(","), stop };
}
