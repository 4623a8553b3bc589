// The daily open data of the hand-computed office day (objects/statistics/test-day.ts): per matter arrived,
// served, no-shows, wait p50/p90 (nearest rank) and the share within target; no clerk.
import { describe, expect, it } from "vitest";
import { rollUpDay } from "../statistics/rollup.ts";
import { DAY, HAND_DAY, TARGETS, TIME_ZONE } from "../statistics/test-day.ts";
import { openDataRows } from "./open-data.ts";

const agg = rollUpDay(DAY, HAND_DAY, { timeZone: TIME_ZONE, targets: TARGETS, now: Date.parse(`${DAY}T23:00:00+01:00`) });

describe("daily open data rows", () => {
  it("gives each matter's figures of the day, in the configuration's order", () => {
    const rows = openDataRows(agg, [
      { id: "C", name: "Sprawa C" },
      { id: "A", name: "Sprawa A" },
    ]);
    expect(rows).toEqual([
      // C: T5 (sent on to B after 8 min), T6 cancelled, T9 served after 2 min.
      { date: DAY, matterId: "C", matterName: "Sprawa C", arrived: 3, served: 1, noShows: 0, waitP50: 2, waitP90: 8, withinTargetShare: 1 },
      // A: waits 4, 12 (T4, no-show), 13, 20 minutes; three within 15.
      {
        date: DAY,
        matterId: "A",
        matterName: "Sprawa A",
        arrived: 5,
        served: 3,
        noShows: 1,
        waitP50: 12,
        waitP90: 20,
        withinTargetShare: 0.75,
      },
      // B is no longer configured: last, named by its id. T3 waited 6 minutes, T5 13 after its transfer; target 10.
      { date: DAY, matterId: "B", matterName: "B", arrived: 1, served: 2, noShows: 0, waitP50: 6, waitP90: 13, withinTargetShare: 0.5 },
    ]);
  });

  it("names no clerk", () => {
    expect(JSON.stringify(openDataRows(agg, []))).not.toMatch(/anna|bartek/);
  });
});
