import type { Logger } from "pino";
import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.ts";
import type { Site } from "./model.ts";

export interface EmulatorCommandOptions {
  port?: number;
  host?: string;
  logger?: Logger;
  /** Where the banner goes; stdout by default. Credentials go here and never into the log. */
  print?: (text: string) => void;
  /** Passed through (seed, webhook, limits…); the demo seed by default. */
  emulator?: EmulatorOptions;
}

/** `tor4you-bot emulator`: the demo world on a port, with everything an integrator needs printed once. */
export async function runEmulatorCommand(opts: EmulatorCommandOptions = {}): Promise<Emulator> {
  const emulator = createEmulator({ logger: opts.logger, ...opts.emulator });
  const baseUrl = await emulator.listen(opts.port ?? 4010, opts.host ?? "127.0.0.1");
  (opts.print ?? ((t) => process.stdout.write(t)))(banner(baseUrl, emulator.sites()));
  opts.logger?.info({ sites: emulator.sites().map((s) => s.siteid) }, "emulator: listening");
  return emulator;
}

export function banner(baseUrl: string, sites: Site[]): string {
  const root = baseUrl.replace(/\/api$/, "");
  const lines = [`Tor4You emulator listening: TOR4YOU_API_URL=${baseUrl}`, ""];
  for (const s of sites) {
    lines.push(
      `site ${s.siteid}  ${s.name.trim()}  (${s.settings.calendarType} calendar)`,
      `  torkey header   ${s.credentials.torkey}`,
      `  signed params   siteid=${s.siteid} key=${s.credentials.key} secret=${s.credentials.secret}`,
      `  webhook key     ${s.credentials.webhookKey}`,
      "",
    );
  }
  lines.push(
    `admin: ${root}/__emulator/state  (reset, clock, faults, webhooks, dashboard actions)`,
    `webhooks: POST ${root}/__emulator/sites/<siteid>/webhook {"url":"http://…"}`,
    "",
  );
  return lines.join("\n");
}
