import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";

describe("logger", () => {
  it("redacts phones, ID numbers, names and credentials at any depth it is likely to meet", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ destination: sink });
    log.info(
      {
        cell: "0525551234",
        call: {
          name: "addappt",
          params: { cell: "0525551234", tz: "123456782", first: "ישראל", torkey: "1-abc" },
        },
        webhook: { body: { customercell: "0525551234", customerfirst: "ישראל", sh: "ab" } },
        site: "barber",
      },
      "called",
    );
    const out = lines.join("");
    expect(out).not.toMatch(/0525551234|123456782|ישראל|1-abc/);
    expect(out).toContain("[redacted]");
    expect(out).toContain('"site":"barber"');
    expect(out).toContain('"name":"addappt"');
  });
});
