// When a site is open in the days ahead, as instants: the hall screens tell from it, on their own
// clock, whether the office is open now and when it opens next ("Nieczynne – zapraszamy jutro od
// 8:00"). Built from the same calendar as walk-ins and bookings (calendar.ts). Pure.
import { addDays } from "../booking/dates.ts";
import { hoursOn, type SiteCalendar } from "./calendar.ts";
import { zonedInstant } from "./time.ts";

/** One open stretch [from, to), in epoch ms. */
export interface Opening {
  from: number;
  to: number;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The open stretches of `days` local dates from `day` (YYYY-MM-DD) on, in order; stretches that meet
 * (open until midnight and from midnight on) are one, so a site open around the clock never "opens".
 */
export function openingsAhead(cal: SiteCalendar, timeZone: string, day: string, days: number): Opening[] {
  const out: Opening[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(day, i);
    for (const [from, to] of hoursOn(cal, date)) {
      const o = { from: zonedInstant(date, minutesOf(from), timeZone), to: zonedInstant(date, minutesOf(to), timeZone) };
      const last = out.at(-1);
      if (last && o.from <= last.to) last.to = Math.max(last.to, o.to);
      else out.push(o);
    }
  }
  return out;
}
