export { useRedisPrefix } from "../../support/redis-prefix.ts";
