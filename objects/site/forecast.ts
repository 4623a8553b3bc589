// The office's forecast at a moment: its closing time today and the bookings still to join. Every view
// of waits and every cut-off starts from it.
import { calendarOf, hoursOn } from "../queue/calendar.ts";
import { localDate } from "../queue/time.ts";
import { closingAt, type Forecast } from "../queue/wait-forecast.ts";
import type { SiteIndex } from "./site-index.ts";

/** The closing time today, per configuration and UTC minute (hours and zones are in whole minutes). */
const closingOf = new WeakMap<SiteIndex, { minute: number; closesAt: number | null }>();

/** The office's forecast at `now`: its closing time today and the bookings still to join (per matter, ms). */
export function forecastAt(index: SiteIndex, now: number, bookingsDue: ReadonlyMap<string, readonly number[]>): Forecast {
  const minute = Math.floor(now / 60_000);
  let known = closingOf.get(index);
  if (known?.minute !== minute) {
    const c = index.config;
    const hours = hoursOn(calendarOf(c), localDate(now, c.timeZone));
    known = { minute, closesAt: closingAt(hours, now, c.timeZone) };
    closingOf.set(index, known);
  }
  return { now, closesAt: known.closesAt, bookingsDue };
}
