import { describe, expect, it } from "vitest";
import type { OpeningHours } from "../../protocol/config.ts";
import { isOpenAt, openDesksFor } from "./availability.ts";
import { desk, deskCfg, TZ } from "./test-fixtures.ts";
import { type LocalTime, localTime } from "./time.ts";

const HOURS: OpeningHours = {
  mon: [
    ["08:00", "12:00"],
    ["13:00", "16:00"],
  ],
  tue: [["08:00", "16:00"]],
  wed: [["08:00", "17:30"]],
  thu: [["08:00", "16:00"]],
  fri: [["08:00", "14:00"]],
  sat: [],
  sun: [["22:00", "24:00"]],
};

const at = (weekday: LocalTime["weekday"], hhmm: string): LocalTime => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return { date: "2026-11-23", weekday, minutes: h * 60 + m };
};

describe("isOpenAt", () => {
  it("is open from the start of an interval up to, not including, its end", () => {
    expect(isOpenAt(HOURS, at("tue", "07:59"))).toBe(false);
    expect(isOpenAt(HOURS, at("tue", "08:00"))).toBe(true);
    expect(isOpenAt(HOURS, at("tue", "15:59"))).toBe(true);
    expect(isOpenAt(HOURS, at("tue", "16:00"))).toBe(false);
  });

  it("is closed in a break between two intervals", () => {
    expect(isOpenAt(HOURS, at("mon", "11:59"))).toBe(true);
    expect(isOpenAt(HOURS, at("mon", "12:00"))).toBe(false);
    expect(isOpenAt(HOURS, at("mon", "12:59"))).toBe(false);
    expect(isOpenAt(HOURS, at("mon", "13:00"))).toBe(true);
  });

  it("uses the hours of the given weekday", () => {
    expect(isOpenAt(HOURS, at("wed", "17:00"))).toBe(true);
    expect(isOpenAt(HOURS, at("fri", "17:00"))).toBe(false);
  });

  it("is closed all day on a day without intervals", () => {
    expect(isOpenAt(HOURS, at("sat", "10:00"))).toBe(false);
  });

  it("an interval ending at 24:00 stays open until the last minute", () => {
    expect(isOpenAt(HOURS, at("sun", "23:59"))).toBe(true);
    expect(isOpenAt(HOURS, at("sun", "21:59"))).toBe(false);
  });

  it("works with localTime of real instants (Warsaw)", () => {
    // Monday 2026-11-23 07:30Z = 08:30 local; 11:30Z = 12:30 local (lunch break); Saturday closed.
    expect(isOpenAt(HOURS, localTime(Date.UTC(2026, 10, 23, 7, 30), TZ))).toBe(true);
    expect(isOpenAt(HOURS, localTime(Date.UTC(2026, 10, 23, 11, 30), TZ))).toBe(false);
    expect(isOpenAt(HOURS, localTime(Date.UTC(2026, 10, 28, 9, 0), TZ))).toBe(false);
    // Summer: 06:30Z is 08:30 CEST, open; 05:30Z is 07:30, closed.
    expect(isOpenAt(HOURS, localTime(Date.UTC(2026, 6, 14, 6, 30), TZ))).toBe(true);
    expect(isOpenAt(HOURS, localTime(Date.UTC(2026, 6, 14, 5, 30), TZ))).toBe(false);
  });
});

describe("openDesksFor", () => {
  const configs = [deskCfg("d1", "a", "b"), deskCfg("d2", "a"), deskCfg("d3", "b")];

  it("counts the open desks serving the matter", () => {
    const desks = new Map([desk("d1"), desk("d2"), desk("d3")].map((d) => [d.id, d]));
    expect(openDesksFor("a", configs, desks)).toBe(2);
    expect(openDesksFor("b", configs, desks)).toBe(2);
    expect(openDesksFor("c", configs, desks)).toBe(0);
  });

  it("does not count paused desks; a desk busy with a client is still open", () => {
    const desks = new Map([desk("d1", { status: "paused" }), desk("d2", { ticketId: "A001" }), desk("d3")].map((d) => [d.id, d]));
    expect(openDesksFor("a", configs, desks)).toBe(1);
    expect(openDesksFor("b", configs, desks)).toBe(1);
  });

  it("does not count a configured desk without a stored row", () => {
    expect(openDesksFor("a", configs, new Map([["d2", desk("d2")]]))).toBe(1);
  });
});
