// Bookings made, cancelled, kept, missed and still pending, and how far ahead they were made.
import type { BookingFigures } from "../../protocol/statistics.ts";
import { percentile } from "./percentiles.ts";
import type { BookingFact } from "./records.ts";

const DAY_MS = 86_400_000;

/** Whole days from making a booking to its slot (rounded down; 0 for the same day's next hours). */
export function leadDaysOf(b: BookingFact): number {
  return Math.max(0, Math.floor((b.slotAt - b.madeAt) / DAY_MS));
}

export function bookingFigures(bookings: readonly BookingFact[]): BookingFigures {
  const leads = bookings.map(leadDaysOf);
  return {
    made: bookings.length,
    cancelled: bookings.filter((b) => b.outcome === "cancelled").length,
    kept: bookings.filter((b) => b.outcome === "kept").length,
    missed: bookings.filter((b) => b.outcome === "missed").length,
    pending: bookings.filter((b) => b.outcome === "pending").length,
    leadTimeDays: { p50: percentile(leads, 50), p90: percentile(leads, 90) },
  };
}
