import { defineConfig } from "vitest/config";

/** Run again on a real 3-master Redis Cluster (test/cluster/global-setup.ts starts it). */
const ON_CLUSTER = [
  "test/reliability/scale-out.test.ts",
  "test/integration/reminders/crash.test.ts",
  "test/integration/reminders/pipeline.test.ts",
  "test/integration/storage/cluster-keys.test.ts",
  "test/integration/storage/turn-opener.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests share one Redis server; each uses its own key prefix, so files may run in parallel.
    pool: "forks",
    projects: [
      { extends: true, test: { name: "redis", include: ["test/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "cluster",
          include: ON_CLUSTER,
          globalSetup: ["test/cluster/global-setup.ts"],
          setupFiles: ["test/cluster/use-cluster.ts"],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
