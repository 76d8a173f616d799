import { Queue } from "bullmq";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { queueOptions, type ReminderPayload, reminderJobId } from "../../../jobs/queues.ts";
import { createReminderScheduler } from "../../../jobs/reminder-scheduler.ts";
import { useRedisPrefix } from "../../support/redis-prefix.ts";

const { redis, fresh } = useRedisPrefix();
const queues: Queue[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.close();
});

// BullMQ stamps jobs with the real clock, so the planner's clock must be it too.
const NOW = DateTime.now();
const appt = (id: string, hoursAhead: number) => {
  const start = NOW.plus({ hours: hoursAhead });
  return {
    apptId: id,
    plannedStart: start,
    desired: [
      { offsetMin: 1440, dueAt: start.minus({ minutes: 1440 }) },
      { offsetMin: 120, dueAt: start.minus({ minutes: 120 }) },
    ],
  };
};

function world() {
  const { prefix } = fresh();
  const queue = new Queue<ReminderPayload>("reminders", queueOptions(redis, prefix, "reminders"));
  queues.push(queue);
  return { queue, scheduler: createReminderScheduler(queue, () => DateTime.now()) };
}

const dueOf = async (queue: Queue<ReminderPayload>, apptId: string, offsetMin: number) => {
  const job = await queue.getJob(reminderJobId({ site: "s1", apptId, offsetMin }));
  return job ? job.timestamp + (job.opts.delay ?? 0) : null;
};

describe("planning a scan window in bulk", () => {
  it("adds every reminder once, changes nothing when run again, and agrees with one-by-one planning", async () => {
    const { queue, scheduler } = world();
    const items = Array.from({ length: 300 }, (_, i) => appt(String(1000 + i), 30 + i / 10));
    expect(await scheduler.convergeMany("s1", items, [1440, 120])).toEqual({
      added: 600,
      moved: 0,
      removed: 0,
      unchanged: 0,
    });
    expect(await queue.getDelayedCount()).toBe(600);
    expect(await scheduler.convergeMany("s1", items, [1440, 120])).toEqual({
      added: 0,
      moved: 0,
      removed: 0,
      unchanged: 600,
    });
    // The one-by-one planner sees exactly what it would have made itself.
    expect(
      await scheduler.converge("s1", "1000", items[0]!.plannedStart, items[0]!.desired, [1440, 120]),
    ).toEqual({
      added: 0,
      moved: 0,
      removed: 0,
      unchanged: 2,
    });
    expect(await dueOf(queue, "1000", 120)).toBe(items[0]!.desired[1]!.dueAt.toMillis());
  });

  it("moves a moved appointment's reminders, drops a dropped offset, and leaves the rest", async () => {
    const { queue, scheduler } = world();
    const items = [appt("1", 30), appt("2", 40), appt("3", 50)];
    await scheduler.convergeMany("s1", items, [1440, 120]);
    const moved = appt("2", 60);
    const oneOffset = { ...items[2]!, desired: items[2]!.desired.slice(0, 1) };
    expect(await scheduler.convergeMany("s1", [items[0]!, moved, oneOffset], [1440, 120])).toEqual({
      added: 0,
      moved: 2,
      removed: 1,
      unchanged: 3,
    });
    expect(await dueOf(queue, "2", 1440)).toBe(moved.desired[0]!.dueAt.toMillis());
    expect(await dueOf(queue, "3", 120)).toBeNull();
    expect(await queue.getDelayedCount()).toBe(5);
  });

  it("two planners of the same window at once make each reminder once", async () => {
    const { queue, scheduler } = world();
    const items = Array.from({ length: 200 }, (_, i) => appt(String(5000 + i), 30 + i / 10));
    await Promise.all([
      scheduler.convergeMany("s1", items, [1440, 120]),
      scheduler.convergeMany("s1", items, [1440, 120]),
    ]);
    expect(await queue.getDelayedCount()).toBe(400);
    expect(await queue.count()).toBe(400);
  });
});
