#!/usr/bin/env node
// The package ships TypeScript sources; tsx compiles them on load so `npx tor4you-bot` needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
