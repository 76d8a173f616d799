import { parseArgs } from "node:util";
import type { CliIO } from "./io.ts";

/** `tor4you-bot emulator`: a stand-alone Tor4You emulator until the process is asked to stop. */
export async function runEmulator(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      variants: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`--port: "${values.port}" is not a TCP port`);
    return 2;
  }
  const { runEmulatorCommand } = await import("../emulator/command.ts");
  const running = await runEmulatorCommand({
    port,
    host: values.host,
    print: (text) => io.out(text.trimEnd()),
    emulator: values.variants ? { wire: "variants" } : undefined,
  });
  await io.stopped;
  await running.close();
  return 0;
}
