import { describe, expect, it } from "vitest";
import type { OpeningHours } from "../../protocol/config.ts";
import { capReached, openAt, prefixOf, type WalkInSite, walkInsByPrefix, walkInVerdict } from "./intake.ts";
import { booking, DAY, desk, deskCfg, T0, ticket } from "./test-fixtures.ts";
import type { LocalTime } from "./time.ts";

const WEEK: OpeningHours = {
  mon: [
    ["08:00", "12:00"],
    ["13:00", "16:00"],
  ],
  tue: [["08:00", "16:00"]],
  wed: [["08:00", "16:00"]],
  thu: [["08:00", "16:00"]],
  fri: [["08:00", "14:00"]],
  sat: [],
  sun: [],
};

/** A local time on a date (its weekday is the date's; the calendar reads the date). */
const at = (date: string, hhmm: string): LocalTime => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return { date, weekday: "mon", minutes: h * 60 + m };
};
const TUESDAY = "2026-11-24";

const configs = [deskCfg("d1", "a", "b"), deskCfg("d2", "a")];
const allOpen = new Map([desk("d1"), desk("d2")].map((d) => [d.id, d]));
const site = (over: Partial<WalkInSite> = {}): WalkInSite => ({
  calendar: { openingHours: WEEK, specialDays: [], daysOff: [], publicHolidays: true },
  closedTemporarily: false,
  configs,
  desks: allOpen,
  ...over,
});
const a = { id: "a", prefix: "A" };
const none = new Map<string, number>();

describe("walkInVerdict", () => {
  it("lets a walk-in take a ticket when the site is open and a desk serves the matter", () => {
    expect(walkInVerdict(site(), at(TUESDAY, "10:00"), a, none)).toBeNull();
    expect(walkInVerdict(site(), at(TUESDAY, "10:00"), { id: "b", prefix: "B" }, none)).toBeNull();
  });

  it("refuses with SITE_CLOSED outside the day's hours, in a break, on a public holiday and on a day off", () => {
    expect(walkInVerdict(site(), at(TUESDAY, "16:00"), a, none)).toBe("SITE_CLOSED");
    expect(walkInVerdict(site(), at("2026-11-23", "12:30"), a, none)).toBe("SITE_CLOSED");
    expect(walkInVerdict(site(), at("2026-11-28", "10:00"), a, none)).toBe("SITE_CLOSED");
    expect(walkInVerdict(site(), at("2026-11-11", "10:00"), a, none)).toBe("SITE_CLOSED");
    const off = site({ calendar: { ...site().calendar, daysOff: [TUESDAY] } });
    expect(walkInVerdict(off, at(TUESDAY, "10:00"), a, none)).toBe("SITE_CLOSED");
  });

  it("opens on a special day (a Saturday opening) and keeps a special day's shorter hours", () => {
    const special = site({
      calendar: {
        ...site().calendar,
        specialDays: [
          { date: "2026-11-28", hours: [["09:00", "13:00"]] },
          { date: TUESDAY, hours: [["08:00", "12:00"]] },
        ],
      },
    });
    expect(walkInVerdict(special, at("2026-11-28", "10:00"), a, none)).toBeNull();
    expect(walkInVerdict(special, at("2026-11-28", "13:00"), a, none)).toBe("SITE_CLOSED");
    expect(walkInVerdict(special, at(TUESDAY, "13:00"), a, none)).toBe("SITE_CLOSED");
  });

  it("refuses with SITE_CLOSED_TEMPORARILY while the office is closed for a while, before anything else", () => {
    const paused = new Map([desk("d1", { status: "paused" }), desk("d2", { status: "paused" })].map((d) => [d.id, d]));
    expect(walkInVerdict(site({ closedTemporarily: true }), at(TUESDAY, "10:00"), a, none)).toBe("SITE_CLOSED_TEMPORARILY");
    expect(walkInVerdict(site({ closedTemporarily: true, desks: paused }), at("2026-11-28", "10:00"), a, none)).toBe(
      "SITE_CLOSED_TEMPORARILY",
    );
  });

  it("refuses with MATTER_CAP_REACHED once the day's cap of walk-ins is taken, before MATTER_UNAVAILABLE", () => {
    const capped = { ...a, dailyCap: 2 };
    expect(walkInVerdict(site(), at(TUESDAY, "10:00"), capped, new Map([["A", 1]]))).toBeNull();
    expect(walkInVerdict(site(), at(TUESDAY, "10:00"), capped, new Map([["A", 2]]))).toBe("MATTER_CAP_REACHED");
    const paused = new Map([desk("d1", { status: "paused" }), desk("d2", { status: "paused" })].map((d) => [d.id, d]));
    expect(walkInVerdict(site({ desks: paused }), at(TUESDAY, "10:00"), capped, new Map([["A", 2]]))).toBe("MATTER_CAP_REACHED");
    expect(walkInVerdict(site({ desks: paused }), at(TUESDAY, "10:00"), capped, new Map([["A", 1]]))).toBe("MATTER_UNAVAILABLE");
  });

  it("refuses with MATTER_CLOSED_FOR_TODAY when the cut-off says so: after the cap, before a desk on a break", () => {
    const paused = new Map([desk("d1", { status: "paused" }), desk("d2", { status: "paused" })].map((d) => [d.id, d]));
    expect(walkInVerdict(site(), at(TUESDAY, "15:55"), a, none, "forecast")).toBe("MATTER_CLOSED_FOR_TODAY");
    expect(walkInVerdict(site({ desks: paused }), at(TUESDAY, "15:35"), a, none, "last-ticket")).toBe("MATTER_CLOSED_FOR_TODAY");
    expect(walkInVerdict(site(), at(TUESDAY, "15:55"), { ...a, dailyCap: 1 }, new Map([["A", 1]]), "forecast")).toBe("MATTER_CAP_REACHED");
    expect(walkInVerdict(site(), at(TUESDAY, "16:00"), a, none, "forecast")).toBe("SITE_CLOSED");
    expect(walkInVerdict(site(), at(TUESDAY, "15:55"), a, none, null)).toBeNull();
  });

  it("refuses with MATTER_UNAVAILABLE when every desk serving the matter is paused, or none serves it", () => {
    const d1Paused = new Map([desk("d1", { status: "paused" }), desk("d2")].map((d) => [d.id, d]));
    expect(walkInVerdict(site({ desks: d1Paused }), at(TUESDAY, "10:00"), { id: "b", prefix: "B" }, none)).toBe("MATTER_UNAVAILABLE");
    expect(walkInVerdict(site({ desks: d1Paused }), at(TUESDAY, "10:00"), a, none)).toBeNull();
    expect(walkInVerdict(site(), at(TUESDAY, "10:00"), { id: "z", prefix: "Z" }, none)).toBe("MATTER_UNAVAILABLE");
  });
});

describe("openAt", () => {
  it("reads the hours of the date, not of a weekday", () => {
    const cal = site().calendar;
    expect(openAt(cal, at(TUESDAY, "08:00"))).toBe(true);
    expect(openAt(cal, at(TUESDAY, "07:59"))).toBe(false);
  });
});

describe("daily cap counting", () => {
  it("counts the day's walk-in tickets by the prefix they were taken with; bookings and other days do not count", () => {
    const tickets = [
      ticket("A001", "a", T0),
      ticket("A002", "b", T0 + 1, { status: "served" }), // taken for "a", transferred to "b"
      ticket("AB001", "ab", T0 + 2),
      booking("A003", "a", T0 + 3, T0),
      ticket("A001", "a", T0 - 86_400_000, { id: "yesterday", day: "2026-11-22" }),
    ];
    const taken = walkInsByPrefix(DAY, tickets);
    expect(taken.get("A")).toBe(2);
    expect(taken.get("AB")).toBe(1);
    expect(prefixOf("AB012")).toBe("AB");
    expect(prefixOf("R1A05")).toBe("R1A");
    expect(prefixOf("123")).toBe("");
    expect(prefixOf("ŻX")).toBe("ŻX");
    expect(capReached({ prefix: "A", dailyCap: 2 }, taken)).toBe(true);
    expect(capReached({ prefix: "A", dailyCap: 3 }, taken)).toBe(false);
    expect(capReached({ prefix: "A" }, taken)).toBe(false);
    expect(capReached({ prefix: "C", dailyCap: 1 }, taken)).toBe(false);
  });
});
