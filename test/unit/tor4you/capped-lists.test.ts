import { describe, expect, it } from "vitest";
import { listCustomers } from "../../../src/tor4you/capped-lists.ts";
import type { CustListParams } from "../../../src/tor4you/endpoints/customers.ts";
import { Tor4YouResultCapError } from "../../../src/tor4you/errors.ts";
import type { Customer } from "../../../src/tor4you/types.ts";

// A fake Tor4You custlist whose undocumented details differ from the emulator's: which 500 rows a
// full answer holds, in what order, and whether minid/maxid include their bound.
function fakeCustlist(opts: {
  n: number;
  highestFirst?: boolean;
  exclusive?: boolean;
  ignoreBounds?: boolean;
}) {
  const ids = Array.from({ length: opts.n }, (_, i) => 70001 + i * 3); // gaps, as after deletions
  let calls = 0;
  const custlist = async (p: CustListParams = {}): Promise<Customer[]> => {
    calls++;
    const min = p.minId === undefined ? -Infinity : Number(p.minId);
    const max = p.maxId === undefined ? Infinity : Number(p.maxId);
    const inRange = (id: number) =>
      opts.ignoreBounds || (opts.exclusive ? id > min && id < max : id >= min && id <= max);
    const rows = ids.filter(inRange);
    const page = opts.highestFirst ? rows.reverse().slice(0, 500) : rows.slice(0, 500);
    return page.map((id) => ({ id: String(id) }) as Customer);
  };
  return { client: { custlist }, ids: ids.map(String), calls: () => calls };
}

describe("listCustomers, whichever way Tor4You pages", () => {
  it("lowest ids first, bounds inclusive (the emulator's way)", async () => {
    const f = fakeCustlist({ n: 1203 });
    expect((await listCustomers(f.client)).map((c) => c.id)).toEqual(f.ids);
  });

  it("bounds exclusive", async () => {
    const f = fakeCustlist({ n: 1203, exclusive: true });
    expect((await listCustomers(f.client)).map((c) => c.id)).toEqual(f.ids);
  });

  it("highest ids first (ORDER BY id DESC LIMIT 500)", async () => {
    const f = fakeCustlist({ n: 1203, highestFirst: true });
    expect((await listCustomers(f.client)).map((c) => c.id)).toEqual(f.ids);
  });

  it("bounds not applied at all: fails with the cap error instead of looping", async () => {
    const f = fakeCustlist({ n: 700, ignoreBounds: true });
    await expect(listCustomers(f.client)).rejects.toBeInstanceOf(Tor4YouResultCapError);
    expect(f.calls()).toBeLessThan(5);
  });
});
