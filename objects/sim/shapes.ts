// The shapes of an office day: when people come (a morning peak, a lunch dip, a smaller afternoon bump),
// how many, how long the office is open, how many booked visits, and whether a desk closes for the day.
import { assertNever } from "../../protocol/live-wire.ts";

export const SHAPE_NAMES = ["quiet", "normal", "monday-rush", "desk-closing"] as const;
export type ShapeName = (typeof SHAPE_NAMES)[number];

export interface DayShape {
  name: ShapeName;
  /** The local date simulated (its weekday matters to nobody but the reader). */
  date: string;
  /** Opening hours, minutes since local midnight: [open, close). */
  open: number;
  close: number;
  /** Expected walk-ins over the day. */
  walkIns: number;
  /** Relative arrival rate per half hour from opening (the profile). */
  profile: readonly number[];
  /** Booked visits over the day (slots every 20 minutes, 09:00 to an hour before closing). */
  bookings: number;
  /** A desk that closes for the rest of the day at this minute (the clerk is called away), or null. */
  closing: { atMinute: number } | null;
}

/** An ordinary Tuesday to Friday, 08:00-16:00: people come after the morning's start, fewer at lunch, a few late. */
export const OFFICE_PROFILE: readonly number[] = [0.8, 1.1, 1.4, 1.5, 1.5, 1.4, 1.2, 1.0, 0.7, 0.6, 0.6, 0.8, 0.9, 0.8, 0.6, 0.3];
/** Monday, 08:00-17:00: the weekend's backlog arrives at once in the morning. */
export const MONDAY_PROFILE: readonly number[] = [1.4, 1.9, 2.0, 1.8, 1.6, 1.4, 1.2, 1.0, 0.7, 0.6, 0.6, 0.8, 0.9, 0.9, 0.8, 0.7, 0.5, 0.3];

const hm = (h: number, m = 0): number => h * 60 + m;

export function dayShape(name: ShapeName): DayShape {
  switch (name) {
    case "quiet":
      return { name, date: "2026-11-25", open: hm(8), close: hm(16), walkIns: 160, profile: OFFICE_PROFILE, bookings: 12, closing: null };
    case "normal":
      return { name, date: "2026-11-24", open: hm(8), close: hm(16), walkIns: 270, profile: OFFICE_PROFILE, bookings: 24, closing: null };
    case "monday-rush":
      return { name, date: "2026-11-23", open: hm(8), close: hm(17), walkIns: 400, profile: MONDAY_PROFILE, bookings: 30, closing: null };
    case "desk-closing":
      return {
        name,
        date: "2026-11-26",
        open: hm(8),
        close: hm(16),
        walkIns: 270,
        profile: OFFICE_PROFILE,
        bookings: 24,
        closing: { atMinute: hm(10, 30) },
      };
    default:
      return assertNever(name);
  }
}

export function isShapeName(s: string): s is ShapeName {
  return (SHAPE_NAMES as readonly string[]).includes(s);
}
