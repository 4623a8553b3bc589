import { describe, expect, it } from "vitest";
import type { DayHours, OpeningHours } from "../../protocol/config.ts";
import { MIN, TZ } from "../queue/test-fixtures.ts";
import { isoLocal, localDate, zonedInstant } from "../queue/time.ts";
import { Prng } from "../sim/prng.ts";
import { availableDays, daySlots, MAX_RANGE_DAYS, type Slot, type SlotInput, type SlotRules, slotIsBookable } from "./slots.ts";

const OFFICE: OpeningHours = {
  mon: [["08:00", "16:00"]],
  tue: [
    ["08:00", "12:00"],
    ["13:00", "17:00"],
  ],
  wed: [["08:00", "16:00"]],
  thu: [["08:00", "16:00"]],
  fri: [["08:00", "16:00"]],
  sat: [],
  sun: [],
};

/** Sunday 2026-03-01, 12:00 in Warsaw. */
const NOW = zonedInstant("2026-03-01", 12 * 60, TZ);
const at = (date: string, hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return zonedInstant(date, h * 60 + m, TZ);
};

function rules(over: Partial<SlotRules> = {}): SlotRules {
  return {
    timeZone: TZ,
    openingHours: OFFICE,
    slotMinutes: 15,
    bookingDesks: 2,
    daysOff: [],
    now: NOW,
    minNoticeMinutes: 60,
    horizonDays: 366,
    taken: new Map(),
    ...over,
  };
}
const slots = (date: string, over: Partial<SlotInput> = {}): Slot[] => daySlots({ ...rules(), date, ...over });
const times = (list: readonly Slot[]): string[] => list.map((s) => isoLocal(s.start, TZ).slice(11));

describe("daySlots: opening hours", () => {
  it("office hours 8:00-16:00 with 15-minute slots give 32 slots", () => {
    const list = slots("2026-03-02");
    expect(list).toHaveLength(32);
    expect(isoLocal(list[0]?.start ?? 0, TZ)).toBe("2026-03-02T08:00:00+01:00");
    expect(isoLocal(list.at(-1)?.start ?? 0, TZ)).toBe("2026-03-02T15:45:00+01:00");
    expect(list.every((s) => s.free === 2)).toBe(true);
  });

  it("slots are spaced by the slot length, in order", () => {
    const list = slots("2026-03-02");
    for (let i = 1; i < list.length; i++) expect((list[i]?.start ?? 0) - (list[i - 1]?.start ?? 0)).toBe(15 * MIN);
  });

  it("leaves the lunch break out", () => {
    const list = slots("2026-03-03");
    expect(list).toHaveLength(16 + 16);
    expect(times(list)).toContain("11:45:00+01:00");
    expect(times(list)).toContain("13:00:00+01:00");
    expect(times(list).some((t) => t.startsWith("12:"))).toBe(false);
  });

  it("a slot must end by the end of its interval", () => {
    const list = slots("2026-03-02", { openingHours: { ...OFFICE, mon: [["08:00", "09:50"]] }, slotMinutes: 30 });
    expect(times(list)).toEqual(["08:00:00+01:00", "08:30:00+01:00", "09:00:00+01:00"]);
  });

  it("an interval ending at 24:00 gives slots up to the last one of the day", () => {
    const list = slots("2026-03-02", { openingHours: { ...OFFICE, mon: [["20:00", "24:00"]] }, slotMinutes: 30 });
    expect(list).toHaveLength(8);
    expect(isoLocal(list.at(-1)?.start ?? 0, TZ)).toBe("2026-03-02T23:30:00+01:00");
  });

  it("a day without intervals has no slots", () => {
    expect(slots("2026-03-07")).toEqual([]);
    expect(slots("2026-03-08")).toEqual([]);
  });

  it("overlapping intervals do not give a slot twice", () => {
    const list = slots("2026-03-02", {
      openingHours: {
        ...OFFICE,
        mon: [
          ["08:00", "10:00"],
          ["09:00", "11:00"],
        ],
      },
      slotMinutes: 60,
    });
    expect(times(list)).toEqual(["08:00:00+01:00", "09:00:00+01:00", "10:00:00+01:00"]);
  });

  it("refuses a malformed date or slot length", () => {
    expect(() => slots("2026-02-30")).toThrow(RangeError);
    expect(() => slots("2026-03-02", { slotMinutes: 0 })).toThrow(RangeError);
    expect(() => slots("2026-03-02", { slotMinutes: 7.5 })).toThrow(RangeError);
  });
});

describe("daySlots: notice and horizon", () => {
  it("no slot starts earlier than now + the minimum notice", () => {
    const now = at("2026-03-02", "10:07");
    expect(times(slots("2026-03-02", { now, minNoticeMinutes: 60 }))[0]).toBe("11:15:00+01:00");
    expect(slots("2026-03-02", { now, minNoticeMinutes: 60 })).toHaveLength(19);
  });

  it("a slot starting exactly at now + notice is offered", () => {
    const now = at("2026-03-02", "10:15");
    expect(times(slots("2026-03-02", { now, minNoticeMinutes: 60 }))[0]).toBe("11:15:00+01:00");
    expect(times(slots("2026-03-02", { now, minNoticeMinutes: 0 }))[0]).toBe("10:15:00+01:00");
  });

  it("the notice can push every slot of today out", () => {
    expect(slots("2026-03-02", { now: at("2026-03-02", "15:00"), minNoticeMinutes: 60 })).toEqual([]);
  });

  it("past dates have no slots", () => {
    expect(slots("2026-02-27", { minNoticeMinutes: 0 })).toEqual([]);
  });

  it("Toruń: dates up to 30 days ahead", () => {
    const now = at("2026-03-02", "09:00");
    expect(slots("2026-04-01", { now, horizonDays: 30 })).toHaveLength(32);
    expect(slots("2026-04-02", { now, horizonDays: 30 })).toEqual([]);
  });

  it("Koszalin: dates up to 14 days ahead", () => {
    const now = at("2026-03-02", "09:00");
    expect(slots("2026-03-16", { now, horizonDays: 14 })).toHaveLength(32);
    expect(slots("2026-03-17", { now, horizonDays: 14 })).toEqual([]);
  });

  it("the horizon counts from the local date, not the UTC one", () => {
    const now = Date.parse("2026-03-01T23:30:00Z"); // 00:30 on Monday 2 March in Warsaw
    expect(slots("2026-03-16", { now, horizonDays: 14 })).toHaveLength(32);
  });

  it("horizon 0 allows today only", () => {
    const now = at("2026-03-02", "07:00");
    expect(slots("2026-03-02", { now, horizonDays: 0 })).toHaveLength(32);
    expect(slots("2026-03-03", { now, horizonDays: 0 })).toEqual([]);
  });
});

describe("daySlots: closed dates", () => {
  it("a site open on public holidays has its slots on Easter Monday", () => {
    expect(slots("2026-04-06", { publicHolidays: false })).toHaveLength(32);
  });

  it("Easter Monday is closed", () => {
    expect(slots("2026-04-06")).toEqual([]);
    expect(slots("2026-04-07")).toHaveLength(32);
  });

  it("Corpus Christi is closed", () => {
    expect(slots("2026-06-04")).toEqual([]);
    expect(slots("2026-06-03")).toHaveLength(32);
  });

  it("Wigilia 2026 and 11 November are closed", () => {
    expect(slots("2026-12-24")).toEqual([]);
    expect(slots("2026-11-11")).toEqual([]);
  });

  it("days off set by the office are closed", () => {
    expect(slots("2026-03-05", { daysOff: ["2026-03-05"] })).toEqual([]);
    expect(slots("2026-03-06", { daysOff: ["2026-03-05"] })).toHaveLength(32);
  });
});

describe("daySlots: capacity", () => {
  it("free is the booking desks minus what is taken, never negative; full slots stay listed", () => {
    const taken = new Map([
      [at("2026-03-02", "08:15"), 2],
      [at("2026-03-02", "08:30"), 3],
      [at("2026-03-02", "08:45"), 5],
    ]);
    const list = slots("2026-03-02", { bookingDesks: 3, taken });
    expect(list.slice(0, 4).map((s) => s.free)).toEqual([3, 1, 0, 0]);
    expect(list).toHaveLength(32);
  });

  it("taken counts of instants that are not slots change nothing", () => {
    const list = slots("2026-03-02", { taken: new Map([[at("2026-03-02", "08:07"), 2]]) });
    expect(list.every((s) => s.free === 2)).toBe(true);
  });

  it("a site with no booking desks offers no slots", () => {
    expect(slots("2026-03-02", { bookingDesks: 0 })).toEqual([]);
  });
});

describe("daySlots: DST", () => {
  const sundays: OpeningHours = { ...OFFICE, sun: [["08:00", "16:00"]] };
  const allDay: OpeningHours = { ...OFFICE, sun: [["00:00", "24:00"]] };

  it("29 March 2026 (spring forward): office hours in summer time", () => {
    const list = slots("2026-03-29", { openingHours: sundays });
    expect(list).toHaveLength(32);
    expect(isoLocal(list[0]?.start ?? 0, TZ)).toBe("2026-03-29T08:00:00+02:00");
    expect(list[0]?.start).toBe(Date.parse("2026-03-29T06:00:00Z"));
    expect(isoLocal(list.at(-1)?.start ?? 0, TZ)).toBe("2026-03-29T15:45:00+02:00");
  });

  it("25 October 2026 (fall back): office hours in winter time", () => {
    const list = slots("2026-10-25", { openingHours: sundays });
    expect(list).toHaveLength(32);
    expect(isoLocal(list[0]?.start ?? 0, TZ)).toBe("2026-10-25T08:00:00+01:00");
    expect(list[0]?.start).toBe(Date.parse("2026-10-25T07:00:00Z"));
  });

  it("the days around the changes keep their own offsets", () => {
    expect(isoLocal(slots("2026-03-27")[0]?.start ?? 0, TZ)).toBe("2026-03-27T08:00:00+01:00");
    expect(isoLocal(slots("2026-03-30")[0]?.start ?? 0, TZ)).toBe("2026-03-30T08:00:00+02:00");
    expect(isoLocal(slots("2026-10-23")[0]?.start ?? 0, TZ)).toBe("2026-10-23T08:00:00+02:00");
    expect(isoLocal(slots("2026-10-26")[0]?.start ?? 0, TZ)).toBe("2026-10-26T08:00:00+01:00");
  });

  it("every day of a year starts and ends its slots on the local wall clock", () => {
    const daily: OpeningHours = {
      mon: [["08:00", "16:00"]],
      tue: [["08:00", "16:00"]],
      wed: [["08:00", "16:00"]],
      thu: [["08:00", "16:00"]],
      fri: [["08:00", "16:00"]],
      sat: [["08:00", "16:00"]],
      sun: [["08:00", "16:00"]],
    };
    const now = at("2026-01-01", "00:00");
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      const list = slots(date, { openingHours: daily, now, daysOff: [], horizonDays: 400 });
      if (list.length === 0) continue; // holidays
      expect(list).toHaveLength(32);
      expect(isoLocal(list[0]?.start ?? 0, TZ).slice(0, 16)).toBe(`${date}T08:00`);
      expect(isoLocal(list.at(-1)?.start ?? 0, TZ).slice(0, 16)).toBe(`${date}T15:45`);
    }
  });

  it("a round-the-clock day skips the missing hour in spring", () => {
    const list = slots("2026-03-29", { openingHours: allDay, slotMinutes: 60 });
    expect(list).toHaveLength(23);
    expect(times(list).slice(0, 4)).toEqual(["00:00:00+01:00", "01:00:00+01:00", "03:00:00+02:00", "04:00:00+02:00"]);
    expect(new Set(list.map((s) => s.start)).size).toBe(23);
  });

  it("a round-the-clock day offers the repeated autumn hour once, in winter time", () => {
    const list = slots("2026-10-25", { openingHours: allDay, slotMinutes: 60 });
    expect(list).toHaveLength(24);
    expect(times(list).slice(1, 4)).toEqual(["01:00:00+02:00", "02:00:00+01:00", "03:00:00+01:00"]);
  });
});

describe("availableDays", () => {
  it("gives every date of the range, closed ones with no slots", () => {
    const days = availableDays(rules(), "2026-04-02", "2026-04-08");
    expect(days.map((d) => [d.date, d.slots.length])).toEqual([
      ["2026-04-02", 32],
      ["2026-04-03", 32],
      ["2026-04-04", 0],
      ["2026-04-05", 0],
      ["2026-04-06", 0],
      ["2026-04-07", 32],
      ["2026-04-08", 32],
    ]);
  });

  it("applies notice, horizon and taken counts like daySlots", () => {
    const now = at("2026-03-02", "15:00");
    const taken = new Map([[at("2026-03-03", "08:00"), 2]]);
    const days = availableDays(rules({ now, minNoticeMinutes: 30, horizonDays: 2, taken }), "2026-03-01", "2026-03-06");
    expect(days.map((d) => d.slots.length)).toEqual([0, 2, 32, 32, 0, 0]);
    expect(days[2]?.slots[0]?.free).toBe(0);
  });

  it("caps the range at 62 dates", () => {
    const days = availableDays(rules(), "2026-03-01", "2026-12-31");
    expect(days).toHaveLength(MAX_RANGE_DAYS);
    expect(days.at(-1)?.date).toBe("2026-05-01");
  });

  it("an empty or reversed range gives nothing; a malformed one throws", () => {
    expect(availableDays(rules(), "2026-03-05", "2026-03-04")).toEqual([]);
    expect(availableDays(rules(), "2026-03-05", "2026-03-05")).toHaveLength(1);
    expect(() => availableDays(rules(), "2026-03-05", "soon")).toThrow(RangeError);
  });
});

describe("slotIsBookable", () => {
  it("accepts exactly a generated slot with room", () => {
    expect(slotIsBookable(rules(), at("2026-03-02", "08:00"))).toBe(true);
    expect(slotIsBookable(rules(), at("2026-03-02", "15:45"))).toBe(true);
  });

  it("refuses a start off the grid", () => {
    expect(slotIsBookable(rules(), at("2026-03-02", "08:07"))).toBe(false);
    expect(slotIsBookable(rules(), at("2026-03-02", "08:00") + 1)).toBe(false);
    expect(slotIsBookable(rules(), 1.5)).toBe(false);
    expect(slotIsBookable(rules(), Number.NaN)).toBe(false);
  });

  it("refuses starts in years of other than four digits (a booking request may name any instant)", () => {
    expect(slotIsBookable(rules(), Date.parse("0500-01-01T00:00Z"))).toBe(false);
    expect(slotIsBookable(rules(), Date.parse("+010000-01-01T00:00:00Z"))).toBe(false);
  });

  it("refuses a full slot and accepts it again when a place frees up", () => {
    const start = at("2026-03-02", "09:00");
    expect(slotIsBookable(rules({ taken: new Map([[start, 2]]) }), start)).toBe(false);
    expect(slotIsBookable(rules({ taken: new Map([[start, 1]]) }), start)).toBe(true);
  });

  it("refuses slots outside hours, on holidays, days off, inside the notice or beyond the horizon", () => {
    expect(slotIsBookable(rules(), at("2026-03-02", "16:00"))).toBe(false);
    expect(slotIsBookable(rules(), at("2026-03-03", "12:00"))).toBe(false);
    expect(slotIsBookable(rules(), at("2026-04-06", "09:00"))).toBe(false);
    expect(slotIsBookable(rules({ daysOff: ["2026-03-04"] }), at("2026-03-04", "09:00"))).toBe(false);
    expect(slotIsBookable(rules({ now: at("2026-03-02", "08:30") }), at("2026-03-02", "09:15"))).toBe(false);
    expect(slotIsBookable(rules({ now: at("2026-03-02", "08:30") }), at("2026-03-02", "09:30"))).toBe(true);
    expect(slotIsBookable(rules({ horizonDays: 14 }), at("2026-03-16", "09:00"))).toBe(false);
    expect(slotIsBookable(rules({ horizonDays: 14 }), at("2026-03-13", "09:00"))).toBe(true);
  });

  it("works on DST days", () => {
    const sundays: OpeningHours = { ...OFFICE, sun: [["08:00", "16:00"]] };
    expect(slotIsBookable(rules({ openingHours: sundays }), Date.parse("2026-03-29T06:00:00Z"))).toBe(true);
    expect(slotIsBookable(rules({ openingHours: sundays }), Date.parse("2026-03-29T07:00:00Z"))).toBe(true);
    expect(slotIsBookable(rules({ openingHours: sundays }), Date.parse("2026-03-29T05:45:00Z"))).toBe(false);
  });
});

describe("slotIsBookable answers what daySlots lays out", () => {
  // Random sites (slot lengths, split and overlapping intervals, round-the-clock days, special days, days
  // off, notice, horizon, full and half-full slots; Warsaw, New York, Lord Howe's half-hour change and
  // Santiago's change at midnight) and random instants on and off the grid,
  // on ordinary days and on days with a clock change: the direct check agrees with the day's slots.
  const prng = new Prng(20261202);
  const int = (n: number): number => Math.floor(prng.next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const interval = (): [string, string] => {
    const from = int(1380);
    return [hhmm(from), hhmm(Math.min(1440, from + 1 + int(600)))];
  };
  const dates = [
    "2026-03-02",
    "2026-03-03",
    "2026-03-07",
    "2026-03-08",
    "2026-03-28",
    "2026-03-29",
    "2026-03-30",
    "2026-04-06",
    "2026-10-24",
    "2026-10-25",
    "2026-10-26",
    "2026-11-01",
    "2026-11-11",
    "2026-12-24",
  ];

  it("on 4,000 random questions", () => {
    let agreed = 0;
    let bookable = 0;
    for (let i = 0; i < 4000; i++) {
      const timeZone = pick([TZ, "America/New_York", "Australia/Lord_Howe", "America/Santiago"]);
      const day = (): DayHours => pick([[], [interval()], [interval(), interval()], [["00:00", "24:00"]]] as DayHours[]);
      const openingHours: OpeningHours = { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: day(), sun: day() };
      const date = pick(dates);
      const slotMinutes = pick([5, 10, 15, 20, 30, 45, 60, 7, 90]);
      const now = zonedInstant(date, int(1440), timeZone) - int(3) * 86_400_000 + pick([0, 45 * 86_400_000]);
      const r: SlotRules = {
        timeZone,
        openingHours,
        slotMinutes,
        bookingDesks: pick([0, 1, 2, 3]),
        publicHolidays: int(2) === 0,
        daysOff: int(4) === 0 ? [date] : [],
        specialDays: int(4) === 0 ? [{ date, hours: [interval()] }] : [],
        now,
        minNoticeMinutes: pick([0, 30, 240]),
        horizonDays: pick([0, 2, 14, 366]),
        taken: new Map(),
      };
      const laid = daySlots({ ...r, date });
      for (const s of laid) if (int(3) === 0) (r.taken as Map<number, number>).set(s.start, int(4));
      const candidates = [
        ...laid.slice(0, 3).map((s) => s.start),
        zonedInstant(date, int(1440), timeZone),
        zonedInstant(date, int(288) * 5, timeZone),
        zonedInstant(date, int(1440), timeZone) + pick([1, 30_000, -60_000]),
      ];
      for (const start of candidates) {
        const expected = daySlots({ ...r, date: localDate(start, timeZone) }).some((s) => s.start === start && s.free > 0);
        expect(
          slotIsBookable(r, start),
          `${timeZone} ${date} ${isoLocal(start, timeZone)} ${JSON.stringify({ ...r, taken: [...r.taken] })}`,
        ).toBe(expected);
        agreed++;
        if (expected) bookable++;
      }
    }
    // Both answers were asked for often enough to mean something.
    expect(bookable).toBeGreaterThan(1500);
    expect(agreed - bookable).toBeGreaterThan(1500);
  });
});
