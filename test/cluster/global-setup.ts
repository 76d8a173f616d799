import type { TestProject } from "vitest/node";
import { startRedisCluster } from "../support/redis-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisClusterNodes: string;
  }
}

/** The cluster project's Redis: a fresh 3-master cluster for the run, stopped after it. */
export default async function setup(project: TestProject) {
  const cluster = await startRedisCluster();
  project.provide("redisClusterNodes", cluster.nodes);
  return () => cluster.stop();
}
