/** What a command may touch of the process: commands get it by argument and never import the dispatcher. */
export interface CliIO {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); long-running commands await it. */
  stopped: Promise<void>;
}
