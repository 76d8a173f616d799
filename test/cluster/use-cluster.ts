import { inject } from "vitest";

// Every connection the tests (and the worker processes they spawn) open goes to the cluster.
process.env.REDIS_CLUSTER_NODES = inject("redisClusterNodes");
