/**
 * The Tor4You emulator for bench/thousand-sites.ts, in a process of its own so that the
 * benchmark's CPU figures are ours alone: `N` sites, each with two providers and `PER_SITE`
 * appointments tomorrow, its clock frozen at `DAY`. Prints its API URL on the first line.
 *
 *   node --import tsx bench/thousand-sites-emulator.ts <N> <PER_SITE> <DAY ISO>
 */
import { DateTime } from "luxon";
import { createEmulator } from "../src/emulator/emulator.ts";
import { buildSeed, buildSite } from "../src/emulator/seed.ts";

const [n, perSite, dayIso] = process.argv.slice(2);
const day = DateTime.fromISO(dayIso!, { zone: "Asia/Jerusalem" });
const sites = Array.from({ length: Number(n) }, (_, i) => {
  const siteid = String(800_000 + i);
  const customers = Array.from({ length: Number(perSite) }, (_, k) => ({
    id: String(1000 + k),
    first: `C${k}`,
    last: "Bench",
    cell: `0570${String(i * 100 + k).padStart(6, "0")}`,
  }));
  const appointments = customers.map((c, k) => {
    const from = day
      .plus({ days: 1 })
      .set({ hour: 9 })
      .plus({ minutes: 30 * Math.floor(k / 2) });
    return {
      id: String(50_000 + k),
      staff: k % 2 ? "12" : "11",
      service: "21",
      customer: c.id,
      from,
      to: from.plus({ minutes: 30 }),
    };
  });
  return buildSite(siteid, { customers, appointments });
});
const emulator = createEmulator({
  start: day,
  frozen: true,
  limits: { perMinute: 1e9, perDay: 1e9 },
  seed: buildSeed(...sites),
});
const url = await emulator.listen(0, "127.0.0.1");
console.log(url);
process.on("SIGTERM", () => void emulator.close().then(() => process.exit(0)));
