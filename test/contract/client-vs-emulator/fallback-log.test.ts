import pino from "pino";
import { describe, expect, it } from "vitest";
import { OPEN_SITE, useEmulator } from "./harness.ts";

const emu = useEmulator(undefined, { wire: "variants" });

/** A client whose log lines (debug and up) land in `lines`, as JSON. */
function logged() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: "debug" }, { write: (l: string) => lines.push(JSON.parse(l)) });
  return { lines, logger };
}

describe("fields the client does without are named in a debug line, never their values", () => {
  it("staff and siteinfo without names or istz: the calls succeed and say which fields were missing", async () => {
    const t = await emu.fresh();
    const { lines, logger } = logged();
    const c = t.client(OPEN_SITE, { logger });
    expect((await c.staff()).map((s) => s.name)).toEqual(["", "", ""]);
    expect(await c.siteinfo()).toMatchObject({ siteId: OPEN_SITE, istz: 0 });
    const fallbacks = lines.filter((l) => l.msg === "tor4you answer lacked fields we can do without");
    expect(fallbacks.map((l) => [l.endpoint, l.fields, l.level])).toEqual([
      ["staff", ["name"], 20],
      ["siteinfo", ["istz"], 20],
    ]);
    // Field names only: the line carries nothing from the answer beyond them.
    expect(Object.keys(fallbacks[0]!).sort()).toEqual(
      ["component", "endpoint", "fields", "hostname", "level", "msg", "pid", "site", "time"].sort(),
    );
  });

  it("an answer that has everything logs no such line", async () => {
    const t = await emu.fresh();
    const { lines, logger } = logged();
    await t.client(OPEN_SITE, { logger }).services();
    expect(lines.some((l) => l.msg === "tor4you answer lacked fields we can do without")).toBe(false);
  });
});
