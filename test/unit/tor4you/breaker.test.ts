import { describe, expect, it } from "vitest";
import { createBreaker, Tor4YouPausedError } from "../../../src/tor4you/breaker.ts";
import { Tor4YouApiError, type Tor4YouCall, Tor4YouUsageLimitError } from "../../../src/tor4you/errors.ts";

const call = (endpoint: string): Tor4YouCall => ({ endpoint, method: "GET", write: false, params: {} });
const refused = (endpoint: string) =>
  new Tor4YouApiError("temporary error, please try again later", call(endpoint));

describe("per-site circuit breaker", () => {
  it("a refused apptinfo (an id may really be gone) does not pause the site; a refused siteinfo does", () => {
    let now = 0;
    const b = createBreaker({ baseMs: 30_000 }, () => now);
    b.failure("apptinfo", refused("apptinfo"));
    expect(() => b.before(call("apptlist"))).not.toThrow();
    b.failure("siteinfo", refused("siteinfo"));
    expect(() => b.before(call("apptinfo"))).toThrow(Tor4YouPausedError);
    expect(b.state()).toMatchObject({ open: true, trips: 1, lastReason: "refused_siteinfo" });
    now += 30_000;
    expect(() => b.before(call("apptinfo"))).not.toThrow();
  });

  it("backs off longer on each trip in a row, and a success closes it", () => {
    let now = 0;
    const b = createBreaker({ baseMs: 1_000, maxMs: 3_000 }, () => now);
    b.failure("apptlist", refused("apptlist"));
    expect(b.state().retryAfterMs).toBe(1_000);
    now += 1_000;
    b.failure("apptlist", refused("apptlist"));
    expect(b.state().retryAfterMs).toBe(2_000);
    now += 2_000;
    b.failure("apptlist", refused("apptlist"));
    expect(b.state().retryAfterMs).toBe(3_000); // capped
    now += 3_000;
    b.success();
    expect(b.state()).toMatchObject({ open: false, trips: 0 });
  });

  it("Tor4You's usage limit pauses at least until its window ends; our own budget does not trip it", () => {
    const now = 0;
    const b = createBreaker({ baseMs: 1_000 }, () => now);
    b.failure(
      "apptinfo",
      new Tor4YouUsageLimitError({ scope: "minute", retryAfterMs: 40_000, source: "budget" }),
    );
    expect(b.state().open).toBe(false);
    b.failure(
      "apptinfo",
      new Tor4YouUsageLimitError({ scope: "minute", retryAfterMs: 40_000, source: "api" }),
    );
    expect(b.state()).toMatchObject({ open: true, retryAfterMs: 40_000, lastReason: "usage_limit" });
  });
});
