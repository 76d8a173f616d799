import { AppError } from "../core/errors.ts";
import type { CliIO } from "./io.ts";

type Command = (args: string[], io: CliIO) => Promise<number>;

const USAGE = `usage: tor4you-bot <command> [options]

commands:
  start                         run the bot (no Tor4You credentials: a demo on the built-in emulator)
  emulator [--port N] [--host H] [--variants]   a stand-alone Tor4You emulator with a demo business
  check                         validate the configuration and call siteinfo for every site
  probe [--site S] [--cell 05…] [--out FILE]   every read-only Tor4You call once: what the answers
                                lack or carry beyond what we read, and a redacted sample file
  staff link --site S (--staff ID | --owner)   a one-time code that links a staff chat
  staff list --site S | staff unlink --site S --chat telegram:ID
  reminders preview --site S [--days 2]   what would be sent when, and what would not and why
  stats --site S [--weeks 4] [--until YYYY-MM-DD]   reminders, answers and no-shows per week, staff, service
  help                          this text`;

/** `tor4you-bot <command> --help`. */
const HELP: Record<string, string> = {
  start: `usage: tor4you-bot start [--role all|web|worker|whatsapp] [--session NAME]

  all (default)  everything in one process: HTTP (webhooks, web chat, admin), workers, WhatsApp
  web            HTTP intake and Telegram only
  worker         background jobs: scans, reminders, digests, alerts, sending
  whatsapp       one WhatsApp session (--session NAME); exactly one process may own a session
Without Tor4You credentials it runs the demo on the built-in emulator. Settings: see the README.`,
  emulator: `usage: tor4you-bot emulator [--port 4010] [--host 127.0.0.1] [--variants]

A stand-alone Tor4You emulator with a demo barbershop and studio; prints the credentials it accepts.
--variants answers in the other plausible shapes where the reference is silent (flat objects,
numbers as numbers, optional fields left out, other date layouts, other refusal wording).`,
  check: `usage: tor4you-bot check

Validates the configuration and calls siteinfo for every site; one line per problem.`,
  probe: `usage: tor4you-bot probe [--site S] [--cell 05XXXXXXXX] [--days 7] [--out FILE]

Calls every read-only Tor4You endpoint once per site (siteinfo, branches, staff, services,
staffservice, slotlist/slotinfo on time-slot sites, apptlist with and without lu, apptinfo of a
listed appointment, apptbycellortz, availability, subinfo, subusage, one custlist page), checks
each answer against the client's schemas and prints: call, ok, fields missing, fields we did not
expect. Writes the answers to FILE (default tor4you-probe-<time>.json) with every name, phone,
ID number and e-mail replaced by its shape, for a bug report. --cell: whose appointments
apptbycellortz looks up (default: a customer the list returned). Exit 1 if any call failed.`,
  staff: `usage: tor4you-bot staff link --site S (--staff ID | --owner) [--valid-hours 24 (at most 72)]
       tor4you-bot staff list --site S
       tor4you-bot staff unlink --site S --chat telegram:ID

link prints a one-time code (and a Telegram link) that makes the chat sending it a staff chat.`,
  reminders: `usage: tor4you-bot reminders preview --site S [--days 2]

For the coming days: each appointment's reminders and when they go out, or why not.`,
  stats: `usage: tor4you-bot stats --site S [--weeks 4] [--until YYYY-MM-DD]

Per week, staff member and service: reminders sent, answers, no-shows, bot cancellations.`,
};

const commands: Record<string, Command> = {
  async emulator(args, io) {
    const { runEmulator } = await import("./emulator.ts");
    return runEmulator(args, io);
  },
  async check(args, io) {
    const { runCheck } = await import("./check.ts");
    return runCheck(args, io);
  },
  async probe(args, io) {
    const { runProbe } = await import("./probe.ts");
    return runProbe(args, io);
  },
  async start(args, io) {
    const { runStart } = await import("./start.ts");
    return runStart(args, io);
  },
  async staff(args, io) {
    const { runStaffCommand } = await import("./staff.ts");
    return runStaffCommand(args, io);
  },
  async reminders(args, io) {
    const { runPreviewCommand } = await import("./reminders-preview.ts");
    return runPreviewCommand(args, io);
  },
  async stats(args, io) {
    const { runStatsCommand } = await import("./stats.ts");
    return runStatsCommand(args, io);
  },
  async help(_args, io) {
    io.out(USAGE);
    return 0;
  },
};

/** Runs one command; returns the process exit code. Expected failures print one line, not a stack. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name = "help", ...rest] = argv;
  const command = commands[name === "--help" || name === "-h" ? "help" : name];
  if (!command) {
    io.err(`unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP[name] ?? USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`${name}: ${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
