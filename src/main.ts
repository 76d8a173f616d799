import closeWithGrace from "close-with-grace";
import { runCli } from "./cli/dispatch.ts";

let stop!: () => void;
const stopped = new Promise<void>((resolve) => {
  stop = resolve;
});

// First SIGINT/SIGTERM asks the running command to shut down in order; a second one exits at once.
closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) console.error(err);
  if (signal || err) stop();
  await exited;
});

const exited = runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stopped,
}).then(
  (code) => {
    process.exit(code);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
