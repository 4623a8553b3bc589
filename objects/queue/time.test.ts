import { describe, expect, it } from "vitest";
import { TZ } from "./test-fixtures.ts";
import { isoLocal, localDate, localTime, nextLocalMidnight, zonedInstant, zoneOffsetMs } from "./time.ts";

const HOUR = 3_600_000;
const utc = (iso: string): number => Date.parse(iso);

describe("localTime", () => {
  it("gives the Warsaw date, weekday and minutes in winter (UTC+1)", () => {
    expect(localTime(utc("2026-11-23T08:30:00Z"), TZ)).toEqual({ date: "2026-11-23", weekday: "mon", minutes: 9 * 60 + 30 });
  });

  it("gives the Warsaw date, weekday and minutes in summer (UTC+2)", () => {
    expect(localTime(utc("2026-07-15T08:30:00Z"), TZ)).toEqual({ date: "2026-07-15", weekday: "wed", minutes: 10 * 60 + 30 });
  });

  it("is already the next local day shortly after 23:00Z in winter", () => {
    expect(localTime(utc("2026-11-22T23:30:00Z"), TZ)).toEqual({ date: "2026-11-23", weekday: "mon", minutes: 30 });
  });

  it("reports local midnight as minute 0 (not 24:00)", () => {
    expect(localTime(utc("2026-11-22T23:00:00Z"), TZ)).toEqual({ date: "2026-11-23", weekday: "mon", minutes: 0 });
    expect(localTime(utc("2026-11-22T22:59:59Z"), TZ)).toEqual({ date: "2026-11-22", weekday: "sun", minutes: 23 * 60 + 59 });
  });

  it("names every weekday", () => {
    const days = [...Array(7).keys()].map((i) => localTime(utc("2026-11-23T10:00:00Z") + i * 24 * HOUR, TZ).weekday);
    expect(days).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
  });

  it("follows the spring DST change (2026-03-29 02:00 CET → 03:00 CEST)", () => {
    expect(localTime(utc("2026-03-29T00:59:00Z"), TZ).minutes).toBe(1 * 60 + 59);
    expect(localTime(utc("2026-03-29T01:00:00Z"), TZ).minutes).toBe(3 * 60);
  });

  it("follows the autumn DST change (2026-10-25 03:00 CEST → 02:00 CET)", () => {
    expect(localTime(utc("2026-10-25T00:59:00Z"), TZ).minutes).toBe(2 * 60 + 59);
    expect(localTime(utc("2026-10-25T01:00:00Z"), TZ).minutes).toBe(2 * 60);
  });

  it("localDate is the date part", () => {
    expect(localDate(utc("2026-07-15T21:59:59Z"), TZ)).toBe("2026-07-15");
    expect(localDate(utc("2026-07-15T22:00:00Z"), TZ)).toBe("2026-07-16");
  });
});

describe("zoneOffsetMs", () => {
  it("is +1 h in winter and +2 h in summer in Warsaw", () => {
    expect(zoneOffsetMs(utc("2026-01-15T12:00:00Z"), TZ)).toBe(HOUR);
    expect(zoneOffsetMs(utc("2026-07-15T12:00:00Z"), TZ)).toBe(2 * HOUR);
  });

  it("switches exactly at 01:00Z on the last Sundays of March and October", () => {
    expect(zoneOffsetMs(utc("2026-03-29T00:59:59Z"), TZ)).toBe(HOUR);
    expect(zoneOffsetMs(utc("2026-03-29T01:00:00Z"), TZ)).toBe(2 * HOUR);
    expect(zoneOffsetMs(utc("2026-10-25T00:59:59Z"), TZ)).toBe(2 * HOUR);
    expect(zoneOffsetMs(utc("2026-10-25T01:00:00Z"), TZ)).toBe(HOUR);
  });

  it("is not disturbed by milliseconds", () => {
    expect(zoneOffsetMs(utc("2026-01-15T12:00:00Z") + 999, TZ)).toBe(HOUR);
  });
});

describe("nextLocalMidnight", () => {
  it("is the next local midnight on an ordinary winter day", () => {
    expect(nextLocalMidnight(utc("2026-11-23T10:00:00Z"), TZ)).toBe(utc("2026-11-23T23:00:00Z"));
  });

  it("is the next local midnight on an ordinary summer day", () => {
    expect(nextLocalMidnight(utc("2026-07-15T10:00:00Z"), TZ)).toBe(utc("2026-07-15T22:00:00Z"));
  });

  it("from one second before midnight is one second later", () => {
    const t = utc("2026-11-23T22:59:59Z");
    expect(nextLocalMidnight(t, TZ) - t).toBe(1000);
  });

  it("from exactly midnight is the following midnight, a day later", () => {
    expect(nextLocalMidnight(utc("2026-11-23T23:00:00Z"), TZ)).toBe(utc("2026-11-24T23:00:00Z"));
  });

  it("from shortly after UTC midnight (still the same local day) is the local midnight that follows", () => {
    // 2026-11-24T00:30Z is 01:30 local on the 24th.
    expect(nextLocalMidnight(utc("2026-11-24T00:30:00Z"), TZ)).toBe(utc("2026-11-24T23:00:00Z"));
  });

  it("crosses the spring change: Sunday 2026-03-29 lasts 23 hours", () => {
    const saturday = nextLocalMidnight(utc("2026-03-28T10:00:00Z"), TZ);
    expect(saturday).toBe(utc("2026-03-28T23:00:00Z")); // Sunday 00:00 CET
    const sunday = nextLocalMidnight(utc("2026-03-29T10:00:00Z"), TZ);
    expect(sunday).toBe(utc("2026-03-29T22:00:00Z")); // Monday 00:00 CEST
    expect(sunday - saturday).toBe(23 * HOUR);
    expect(nextLocalMidnight(saturday, TZ)).toBe(sunday);
  });

  it("crosses the autumn change: Sunday 2026-10-25 lasts 25 hours", () => {
    const saturday = nextLocalMidnight(utc("2026-10-24T10:00:00Z"), TZ);
    expect(saturday).toBe(utc("2026-10-24T22:00:00Z")); // Sunday 00:00 CEST
    const sunday = nextLocalMidnight(utc("2026-10-25T10:00:00Z"), TZ);
    expect(sunday).toBe(utc("2026-10-25T23:00:00Z")); // Monday 00:00 CET
    expect(sunday - saturday).toBe(25 * HOUR);
    expect(nextLocalMidnight(saturday, TZ)).toBe(sunday);
  });

  it("always lands on local minute 0 of the next date", () => {
    let t = utc("2026-01-01T12:00:00Z");
    for (let i = 0; i < 366; i++) {
      const before = localDate(t, TZ);
      const m = nextLocalMidnight(t, TZ);
      const lt = localTime(m, TZ);
      expect(lt.minutes).toBe(0);
      expect(lt.date > before).toBe(true);
      expect(localDate(m - 1, TZ)).toBe(before);
      t = m + 12 * HOUR;
    }
  });
});

describe("isoLocal", () => {
  it("writes +01:00 in winter", () => {
    expect(isoLocal(utc("2026-11-23T08:30:00Z"), TZ)).toBe("2026-11-23T09:30:00+01:00");
  });

  it("writes +02:00 in summer", () => {
    expect(isoLocal(utc("2026-07-15T08:30:00Z"), TZ)).toBe("2026-07-15T10:30:00+02:00");
  });

  it("changes offset at the spring change", () => {
    expect(isoLocal(utc("2026-03-29T00:59:59Z"), TZ)).toBe("2026-03-29T01:59:59+01:00");
    expect(isoLocal(utc("2026-03-29T01:00:00Z"), TZ)).toBe("2026-03-29T03:00:00+02:00");
  });

  it("tells apart the two 02:30s of the autumn change", () => {
    expect(isoLocal(utc("2026-10-25T00:30:00Z"), TZ)).toBe("2026-10-25T02:30:00+02:00");
    expect(isoLocal(utc("2026-10-25T01:30:00Z"), TZ)).toBe("2026-10-25T02:30:00+01:00");
  });

  it("names the same instant when parsed back", () => {
    for (const iso of ["2026-11-23T08:30:00Z", "2026-07-15T21:59:59Z", "2026-10-25T01:30:00Z", "2026-03-29T01:00:00Z"]) {
      expect(Date.parse(isoLocal(utc(iso), TZ))).toBe(utc(iso));
    }
  });

  it("writes zero and negative offsets", () => {
    expect(isoLocal(utc("2026-11-23T08:30:00Z"), "UTC")).toBe("2026-11-23T08:30:00+00:00");
    expect(isoLocal(utc("2026-11-23T08:30:00Z"), "America/New_York")).toBe("2026-11-23T03:30:00-05:00");
    expect(isoLocal(utc("2026-11-23T08:30:00Z"), "Asia/Kolkata")).toBe("2026-11-23T14:00:00+05:30");
  });
});

describe("zonedInstant", () => {
  it("finds the instant of a local time in winter and in summer", () => {
    expect(zonedInstant("2026-11-23", 9 * 60 + 30, TZ)).toBe(utc("2026-11-23T08:30:00Z"));
    expect(zonedInstant("2026-07-15", 9 * 60 + 30, TZ)).toBe(utc("2026-07-15T07:30:00Z"));
  });

  it("finds local midnight", () => {
    expect(zonedInstant("2026-11-23", 0, TZ)).toBe(utc("2026-11-22T23:00:00Z"));
    expect(zonedInstant("2026-07-16", 0, TZ)).toBe(utc("2026-07-15T22:00:00Z"));
  });

  it("is exact on both sides of the spring change", () => {
    expect(zonedInstant("2026-03-29", 1 * 60 + 59, TZ)).toBe(utc("2026-03-29T00:59:00Z"));
    expect(zonedInstant("2026-03-29", 3 * 60, TZ)).toBe(utc("2026-03-29T01:00:00Z"));
    expect(zonedInstant("2026-03-29", 10 * 60, TZ)).toBe(utc("2026-03-29T08:00:00Z"));
  });

  it("moves a wall-clock time skipped by the spring change forward (02:30 → 03:30 CEST)", () => {
    const t = zonedInstant("2026-03-29", 2 * 60 + 30, TZ);
    expect(t).toBe(utc("2026-03-29T01:30:00Z"));
    expect(isoLocal(t, TZ)).toBe("2026-03-29T03:30:00+02:00");
  });

  it("gives one of the two instants of a time repeated by the autumn change", () => {
    const t = zonedInstant("2026-10-25", 2 * 60 + 30, TZ);
    expect([utc("2026-10-25T00:30:00Z"), utc("2026-10-25T01:30:00Z")]).toContain(t);
    expect(localTime(t, TZ)).toMatchObject({ date: "2026-10-25", minutes: 2 * 60 + 30 });
    expect(zonedInstant("2026-10-25", 10 * 60, TZ)).toBe(utc("2026-10-25T09:00:00Z"));
  });

  it("round-trips with localTime for every opening-hour slot over a year", () => {
    for (let day = 0; day < 365; day += 3) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      for (let minutes = 7 * 60; minutes <= 18 * 60; minutes += 15) {
        const lt = localTime(zonedInstant(date, minutes, TZ), TZ);
        expect({ date: lt.date, minutes: lt.minutes }).toEqual({ date, minutes });
      }
    }
  });
});
