import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../../src/emulator/seed.ts";
import { demoSeed } from "../../src/emulator/seed-demo.ts";

/**
 * `tor4you-bot probe` as an operator runs it: the real binary (`npx tor4you-bot`), configured by
 * environment, against an emulator over HTTP; the table on stdout and the sample file it writes.
 */
const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/tor4you-bot.js");
/** The demo's time-slot studio: it has slots and a subscription, so every call has something to ask. */
const STUDIO = "318002";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "probe-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function probe(em: Emulator, base: string, site: string, args: string[] = [], auth = "torkey") {
  const out = join(dir, `${randomBytes(4).toString("hex")}.json`);
  const { credentials } = em.site(site);
  const env = {
    PATH: process.env.PATH,
    TOR4YOU_API_URL: base,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    ...(auth === "torkey"
      ? {
          TOR4YOU_TORKEY: credentials.torkey,
          // Our own id for the site: its budget keys in the shared Redis are this test's alone.
          TOR4YOU_SITEID: `probe-${randomBytes(4).toString("hex")}`,
        }
      : { TOR4YOU_SITEID: site, TOR4YOU_KEY: credentials.key, TOR4YOU_SECRET: credentials.secret }),
  };
  const r = await run(process.execPath, [BIN, "probe", "--out", out, ...args], { env, timeout: 60_000 }).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
  const sample = await readFile(out, "utf8").catch(() => "");
  return { ...r, sample, rows: tableRows(r.stdout) };
}

/** The printed table as { call: [ok, missing, unexpected] }; columns are two or more spaces apart. */
function tableRows(stdout: string): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const line of stdout.split("\n")) {
    const cells = line.split(/\s{2,}/);
    if (cells[0] !== "call" && /^(ok|FAILED|skipped)$/.test(cells[1] ?? "") && !line.startsWith(" ")) {
      rows[cells[0]!] = cells.slice(1);
    }
  }
  return rows;
}

/** Every person's and place's name, phone, ID number and e-mail the emulator holds for the site. */
function secretsOf(em: Emulator, site: string): string[] {
  const s = em.site(site);
  const values = [
    s.name,
    s.phone,
    s.address,
    ...[...s.branches.values()].flatMap((b) => [b.name, b.address]),
    ...[...s.staff.values()].map((x) => x.name),
    ...[...s.services.values()].map((x) => x.name),
    ...[...s.customers.values()]
      .filter((c) => !c.isLozamin)
      .flatMap((c) => [c.first, c.last, c.cell, c.email, c.tz, c.street, c.city]),
  ];
  return [...new Set(values.map((v) => String(v ?? "").trim()).filter((v) => v.length >= 3))];
}

const EVERY_CALL = [
  "siteinfo",
  "branches",
  "staff",
  "services",
  "staffservice",
  "slotlist",
  "slotinfo",
  "apptlist",
  "apptlist lu",
  "apptinfo",
  "apptbycellortz",
  "availability",
  "subinfo",
  "subusage",
  "custlist",
];

describe.each(["normal", "variants"] as const)("tor4you-bot probe against the emulator's %s wire", (wire) => {
  let em: Emulator;
  let base: string;
  beforeAll(async () => {
    em = createEmulator({ seed: demoSeed, wire });
    base = await em.listen(0);
  });
  afterAll(async () => {
    await em.close();
  });

  it("calls every read-only endpoint once, reads each answer, and prints what it lacked or added", async () => {
    const r = await probe(em, base, STUDIO);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Object.keys(r.rows)).toEqual(EVERY_CALL);
    for (const call of EVERY_CALL) expect([call, r.rows[call]![0]]).toEqual([call, "ok"]);
    expect(r.stdout).toContain("no new information");
    if (wire === "normal") {
      // The emulator sends colour, which the client never reads; it sends every field we do read.
      expect(r.rows.apptinfo!.slice(1)).toEqual(["-", "color"]);
      expect(r.rows.custlist!.slice(1)).toEqual(["-", "-"]);
    } else {
      // What the variants wire leaves out is what the table names: names, the flat apptinfo's status.
      expect(r.rows.apptinfo![1]).toMatch(/\bstatus\b/);
      expect(r.rows.apptinfo![1]).toMatch(/\bstaffname\b/);
      expect(r.rows.staff![1]).toBe("name");
      expect(r.rows.siteinfo![1]).toMatch(/\bistz\b/);
    }
  });

  it("writes a sample with the answers' structure and no name, phone, ID number or e-mail from the data", async () => {
    const r = await probe(em, base, STUDIO);
    const sample = JSON.parse(r.sample) as {
      reports: Array<{ rows: unknown[]; samples: Array<{ call: string; params: object; answer: object }> }>;
    };
    const calls = sample.reports[0]!.samples.map((x) => x.call);
    expect(new Set(calls)).toEqual(new Set(EVERY_CALL.map((c) => c.split(" ")[0])));
    for (const secret of secretsOf(em, STUDIO)) expect(r.sample).not.toContain(secret);
    // Nor the torkey the probe authenticated with.
    expect(r.sample).not.toContain(em.site(STUDIO).credentials.torkey);
    // Shapes instead, and the structure around them.
    expect(r.sample).toContain("05X-XXX-XXXX");
    expect(r.sample).toMatch(/<name:\d+>/);
    const lookup = sample.reports[0]!.samples.find((x) => x.call === "apptbycellortz")!;
    expect(lookup.params).toMatchObject({ cell: "[redacted]", showfuture: "1" });
    const listed = sample.reports[0]!.samples.find((x) => x.call === "apptlist")!;
    expect(JSON.stringify(listed.answer)).toMatch(/"lu":"\d{17}"/);
  });

  it("with signed parameters, the sample holds neither the key, the secret nor a signature", async () => {
    const r = await probe(em, base, STUDIO, [], "signed");
    expect(r.code).toBe(0);
    expect(Object.values(r.rows).every((row) => row[0] === "ok")).toBe(true);
    const { key, secret } = em.site(STUDIO).credentials;
    expect(r.sample).not.toContain(key);
    expect(r.sample).not.toContain(secret);
    expect(r.sample).not.toMatch(/[0-9a-f]{64}/);
    expect(r.sample).not.toMatch(/"(sh|dt|key)"/);
  });
});

describe("tor4you-bot probe when calls fail, and check pointing to it", () => {
  let em: Emulator;
  let base: string;
  beforeAll(async () => {
    em = createEmulator({
      seed: buildSeed(buildSite("760001"), { ...buildSite("760002"), siteid: "not-a-number" }),
    });
    base = await em.listen(0);
  });
  afterAll(async () => {
    await em.close();
  });

  it("a refused call is FAILED with Tor4You's words, the others still run, and the exit code is 1", async () => {
    await fetch(`${base.replace(/\/api$/, "")}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "status0", calls: ["custlist"] }),
    });
    const r = await probe(em, base, "760001");
    expect(r.code).toBe(1);
    expect(r.rows.custlist![0]).toBe("FAILED");
    expect(r.stdout).toContain("tor4you_api: GET custlist: refused: temporary error, please try again later");
    expect(r.rows.siteinfo![0]).toBe("ok");
    // Nothing listed on an empty site: the calls that need an appointment say why they were skipped.
    expect(r.rows.apptinfo![0]).toBe("skipped");
    expect(r.stdout).toMatch(/no cell: pass --cell/);
  });

  it("an answer the client cannot read is FAILED with the field at fault, and its fields still compared", async () => {
    const r = await probe(em, base, "not-a-number");
    expect(r.code).toBe(1);
    expect(r.rows.siteinfo![0]).toBe("FAILED");
    expect(r.stdout).toContain("tor4you_response: siteid: expected a numeric id");
    expect(r.rows.siteinfo!.slice(1)).toEqual(["-", "-"]);
    expect(r.rows.staff![0]).toBe("ok");
  });

  it("check names probe when an answer's shape cannot be read", async () => {
    const out = await run(process.execPath, [BIN, "check"], {
      env: {
        PATH: process.env.PATH,
        TOR4YOU_API_URL: base,
        TOR4YOU_TORKEY: em.site("not-a-number").credentials.torkey,
        TOR4YOU_SITEID: "oddsite",
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      },
      timeout: 60_000,
    }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    expect(out.stdout).toMatch(/site oddsite: FAILED \(tor4you_response/);
    expect(out.stdout).toContain("run `tor4you-bot probe --site oddsite`");
  });
});
