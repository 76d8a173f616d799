import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const compose = spawnSync("docker-compose", ["version"], { encoding: "utf8" });
const haveCompose = compose.status === 0;
if (!haveCompose)
  console.warn("compose file check skipped: docker-compose is not installed (.ci/run installs it)");

describe.skipIf(!haveCompose)("docker-compose.yml", () => {
  it("is valid for docker-compose, with Redis on AOF and noeviction and the app stopping gracefully", () => {
    const out = execFileSync("docker-compose", ["config"], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
    expect(out).toMatch(/--appendonly[\s\S]*yes/);
    expect(out).toMatch(/--maxmemory-policy[\s\S]*noeviction/);
    expect(out).toMatch(/stop_grace_period: 45s/);
    expect(out).toMatch(/shm_size: '?1gb'?/);
  });

  it("has a cluster profile: three cluster-enabled masters made one cluster, and roles on REDIS_CLUSTER_NODES", () => {
    const out = execFileSync("docker-compose", ["--profile", "cluster", "config"], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
    for (const n of [1, 2, 3]) expect(out).toMatch(new RegExp(`redis-node-${n}:\\n`));
    expect(out.match(/--cluster-enabled/g)?.length).toBe(3);
    expect(out).toMatch(/--cluster create redis-node-1:6379 redis-node-2:6379 redis-node-3:6379/);
    expect(
      out.match(/REDIS_CLUSTER_NODES: redis-node-1:6379,redis-node-2:6379,redis-node-3:6379/g)?.length,
    ).toBe(2);
  });
});

describe("Dockerfile", () => {
  it("builds in stages and runs as a non-root user", () => {
    const file = readFileSync(join(root, "Dockerfile"), "utf8");
    expect(file.match(/^FROM /gm)).toHaveLength(2);
    expect(file).toMatch(/^USER node$/m);
    expect(file).toMatch(/npm ci --omit=dev/);
  });
});
