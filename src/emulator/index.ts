export { runEmulatorCommand } from "./command.ts";
export { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.ts";
export { FAULT_MODES, type FaultMode, type FaultSpec } from "./faults.ts";
export { seededRandom } from "./random.ts";
export { buildSeed, buildSite, type Seed, type SeedSite } from "./seed.ts";
export { demoSeed } from "./seed-demo.ts";
export { RETRY_SCHEDULE } from "./webhooks.ts";
