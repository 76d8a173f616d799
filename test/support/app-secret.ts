/**
 * The APP_SECRET of test and benchmark apps: one value, so that a worker process a test starts
 * computes the same key names as the test that wrote the data (production's comes from the
 * setting or Redis, src/storage/app-secret.ts).
 */
export const TEST_APP_SECRET = "test-app-secret-not-for-production-0123456789abcdef";
