import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIOME = join(process.cwd(), "node_modules", ".bin", "biome");

/** `npm run cycles` (and CI) rely on Biome's noImportCycles with the project's own settings. */
async function cyclesIn(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), "t4y-cycles-"));
  dirs.push(dir);
  const project = JSON.parse(await readFile("biome.json", "utf8"));
  const config = {
    files: { includes: ["**/*.ts"] },
    linter: {
      enabled: true,
      rules: { suspicious: { noImportCycles: project.linter.rules.suspicious.noImportCycles } },
    },
  };
  await writeFile(join(dir, "biome.json"), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  try {
    const r = await run(BIOME, ["lint", "--only=suspicious/noImportCycles", "."], { cwd: dir });
    return { code: 0, output: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("the import-cycle check", () => {
  it("fails on the cycle issue 12 removed: a dispatcher loading commands that import its CliIO type", async () => {
    const r = await cyclesIn({
      "cli.ts":
        'export interface CliIO { out: (l: string) => void }\nexport const run = () => import("./check.ts");\n',
      "check.ts":
        'import type { CliIO } from "./cli.ts";\nexport const check = (io: CliIO) => io.out("ok");\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("noImportCycles");
  });

  it("passes when the shared type has its own module", async () => {
    const r = await cyclesIn({
      "io.ts": "export interface CliIO { out: (l: string) => void }\n",
      "cli.ts":
        'import type { CliIO } from "./io.ts";\nexport const run = (io: CliIO) => import("./check.ts");\n',
      "check.ts":
        'import type { CliIO } from "./io.ts";\nexport const check = (io: CliIO) => io.out("ok");\n',
    });
    expect(r.output).not.toContain("noImportCycles");
    expect(r.code).toBe(0);
  });
});
