import { describe, expect, it } from "vitest";
import { booking } from "./booking-fixtures.ts";
import { BookingsDue, withoutSlot } from "./bookings-due.ts";

const DAY_START = Date.parse("2026-11-30T00:00:00+01:00");
const DAY_END = Date.parse("2026-12-01T00:00:00+01:00");
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+01:00`);

describe("today's bookings still due", () => {
  it("follow the booking rows written: confirmed for today joins, checked in or cancelled or moved to another day leaves", () => {
    const due = new BookingsDue([{ id: "b1", matterId: "rej", startAt: at("10:00") }], DAY_START, DAY_END);
    expect(due.byMatter().get("rej")).toEqual([at("10:00")]);
    due.update([booking("b2", "rej", at("09:30"), "confirmed"), booking("b3", "pj", at("11:00"), "pending")]);
    expect(due.byMatter().get("rej")).toEqual([at("09:30"), at("10:00")]);
    expect(due.byMatter().has("pj")).toBe(false);
    due.update([booking("b1", "rej", at("10:00"), "checked-in"), booking("b2", "rej", DAY_END + 3_600_000, "confirmed")]);
    expect(due.byMatter().get("rej")).toBeUndefined();
  });

  it("a booking joining now is taken out of its own forecast", () => {
    const due = new Map([["rej", [at("09:00"), at("10:00")]]]);
    expect(withoutSlot(due, "rej", at("10:00")).get("rej")).toEqual([at("09:00")]);
    expect(withoutSlot(due, "rej", null)).toBe(due);
  });
});
