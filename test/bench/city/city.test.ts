import { describe, expect, it } from "vitest";
import { Prng } from "../../../objects/sim/prng.ts";
import { parseOptions } from "./options.mjs";
import { clock, runSpeed, SERVICE_RATIO, serviceMinutes, siteDay, WALK_INS_PER_DESK_HOUR, walkInMinutes } from "./schedule.mjs";
import { createTally, formatTable, percentile } from "./tally.mjs";

const torunOffice = { mon: [["08:00", "17:00"]], tue: [["08:00", "16:00"]], sat: [], sun: [] } as Record<string, [string, string][]>;

describe("the city day's schedule", () => {
  it("reads a site's day from its weekly hours, and none when closed", () => {
    expect(siteDay(torunOffice, "tue")).toEqual({ open: 480, close: 960 });
    expect(
      siteDay(
        {
          tue: [
            ["07:30", "12:00"],
            ["12:30", "15:30"],
          ],
        },
        "tue",
      ),
    ).toEqual({ open: 450, close: 930 });
    expect(siteDay(torunOffice, "sat")).toBeNull();
  });

  it("brings walk-ins with a morning peak and a lunch dip, as many as the simulator's ordinary day per desk", () => {
    const desks = 12;
    const day = walkInMinutes({ span: 480, desks, seed: 7 });
    const expected = desks * 8 * WALK_INS_PER_DESK_HOUR;
    expect(day.length).toBeGreaterThan(expected * 0.85);
    expect(day.length).toBeLessThan(expected * 1.15);
    expect(day.every((m, i) => m >= 0 && m < 480 && (i === 0 || m >= (day[i - 1] ?? 0)))).toBe(true);
    const inHour = (h: number) => day.filter((m) => m >= h * 60 && m < (h + 1) * 60).length;
    // 08:00 opening: 09:00-11:00 busier than 12:00-14:00, the last hour the quietest.
    expect(inHour(1) + inHour(2)).toBeGreaterThan(1.4 * (inHour(4) + inHour(5)));
    expect(inHour(7)).toBeLessThan(inHour(1));
  });

  it("is the same day for the same seed, another for another", () => {
    expect(walkInMinutes({ span: 480, desks: 3, seed: 1, stream: "a" })).toEqual(
      walkInMinutes({ span: 480, desks: 3, seed: 1, stream: "a" }),
    );
    expect(walkInMinutes({ span: 480, desks: 3, seed: 1, stream: "a" })).not.toEqual(
      walkInMinutes({ span: 480, desks: 3, seed: 1, stream: "b" }),
    );
  });

  it("spreads service times around the configured minutes, shorter at the median as in the simulator", () => {
    const rng = new Prng(3, "service");
    const times = Array.from({ length: 2000 }, () => serviceMinutes(rng, 10));
    expect(percentile(times, 0.5)).toBeCloseTo(10 * SERVICE_RATIO, 0);
    expect(SERVICE_RATIO).toBeGreaterThan(0.6);
    expect(SERVICE_RATIO).toBeLessThan(1);
    expect(percentile(times, 0.9)).toBeGreaterThan(10);
  });

  it("runs 60× by default, an 8-hour day in 8 minutes, or fills the minutes asked", () => {
    expect(runSpeed([480, 540], undefined)).toBe(60);
    expect(runSpeed([480, 540], 1)).toBe(540);
    expect(clock(60).msOf(480)).toBe(480_000);
    expect(clock(60).minutesOf(60_000)).toBe(60);
  });
});

describe("the city day's options", () => {
  it("reads --minutes, --day and --seed, with defaults", () => {
    expect(parseOptions([])).toEqual({ minutes: undefined, day: "tue", seed: 1 });
    expect(parseOptions(["--minutes", "2", "--day=mon", "--seed", "5"])).toEqual({ minutes: 2, day: "mon", seed: 5 });
  });
  it("refuses what it does not know", () => {
    expect(() => parseOptions(["--minutes", "0"])).toThrow(/--minutes/);
    expect(() => parseOptions(["--day", "sun"])).toThrow(/--day/);
    expect(() => parseOptions(["--fast"])).toThrow(/unknown option --fast/);
  });
});

describe("the city day's tally", () => {
  it("puts each operation on one line with its p50, p99 and errors", () => {
    const tally = createTally();
    for (let i = 1; i <= 100; i++) tally.ok("walk-in", i);
    tally.fail("walk-in", "500 INTERNAL");
    tally.fail("walk-in", "500 INTERNAL");
    const lines = formatTable(tally.rows()).split("\n");
    expect(lines[0]).toMatch(/^\| operation +\| count \| p50 \(ms\) \| p99 \(ms\) \| errors \|$/);
    expect(lines[2]).toMatch(/^\| kiosk walk-in .*\| +100 \| +50\.0 \| +99\.0 \| +2 \|$/);
    expect(lines[3]).toMatch(/desk call-next .*\| +0 \| +– \| +– \| +0 \|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(tally.errorCount()).toBe(2);
    expect(tally.firstErrors(5)).toEqual(["walk-in: 500 INTERNAL (×2)"]);
  });
  it("refuses an operation it does not know", () => {
    // @ts-expect-error: not an operation of the table
    expect(() => createTally().ok("coffee", 1)).toThrow(/unknown operation/);
  });
});
