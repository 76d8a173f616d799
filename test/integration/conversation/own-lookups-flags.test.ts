import { DateTime } from "luxon";
import { expect, it } from "vitest";
import { withOwnLookups } from "../../../src/conversation/own-lookups.ts";
import { CELL, SITE, startPipeline } from "../reminders/pipeline-world.ts";

// One lookup of all the customer's appointments answers every flow's question: for each
// combination of apptbycellortz's flags, the answer must be what Tor4You (the emulator) gives.
it("served from one lookup of everything, each flag combination answers as apptbycellortz itself does", async () => {
  const zone = "Asia/Jerusalem";
  const p = await startPipeline({
    appointments: (now) => {
      const today = now.setZone(zone).startOf("day");
      const at = (d: DateTime, id: string, status?: "0" | "5") => ({
        id,
        staff: "11",
        service: "21",
        customer: "900",
        from: d,
        to: d.plus({ minutes: 30 }),
        ...(status ? { status } : {}),
      });
      return [
        at(today.minus({ days: 1 }).set({ hour: 12 }), "62001"),
        at(today.plus({ minutes: 1 }), "62002"),
        at(today.plus({ days: 2, hours: 10 }), "62003"),
        at(today.plus({ days: 3, hours: 10 }), "62004", "0"),
        at(today.minus({ days: 2, hours: -10 }), "62005", "0"),
      ];
    },
  });
  try {
    const client = p.app.clients.get(SITE)!;
    let calls = 0;
    const counted = {
      ...client,
      apptbycellortz: (q: Parameters<typeof client.apptbycellortz>[0]) => {
        calls++;
        return client.apptbycellortz(q);
      },
    };
    const served = withOwnLookups(counted, { site: SITE, cell: CELL, zone, now: DateTime.now() });
    const ids = (rows: Array<{ id: string }>) => rows.map((a) => a.id).sort();
    for (const showPast of [false, true])
      for (const showFuture of [false, true])
        for (const showCancelled of [false, true]) {
          const q = { cell: CELL, showPast, showFuture, showCancelled };
          expect(ids(await served.apptbycellortz(q)), JSON.stringify(q)).toEqual(
            ids(await client.apptbycellortz(q)),
          );
        }
    expect(calls).toBe(1);
  } finally {
    await p.stop();
  }
});
