import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("logs a person reads", () => {
  it("in a terminal: one line per event, local time, the module and message first, still redacted", () => {
    const out = sink();
    const log = createLogger({ destination: out.stream, pretty: true });
    log.child({ mod: "planner" }).info({ site: "barber", cell: "0525551234" }, "reminder not planned");
    log.warn({ err: "connect ECONNREFUSED" }, "redis error");
    const lines = out.text().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const hhmmss = new Date().toLocaleTimeString("en-GB", { hour12: false }).slice(0, 2);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: \(planner\) reminder not planned \{.*"site":"barber"/,
    );
    expect(lines[0]!.slice(1, 3)).toBe(hhmmss); // the hour is the machine's local hour, not UTC's
    expect(lines[0]).not.toContain("0525551234");
    expect(lines[0]).toContain("[redacted]");
    expect(lines[1]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: redis error \{"err":"connect ECONNREFUSED"\}$/);
    expect(out.text()).not.toContain('"level"');
  });

  it("anywhere else: JSON lines, as log collectors and tests expect", () => {
    const out = sink();
    createLogger({ destination: out.stream }).info({ site: "barber" }, "scan done");
    const entry = JSON.parse(out.text());
    expect(entry).toMatchObject({ level: 30, msg: "scan done", site: "barber", app: "tor4you-bot" });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });
});
