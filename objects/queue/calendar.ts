// The hours of a site on one local date: a special day's own hours first (a Saturday opening, or closed),
// then days off and public holidays (closed), then the weekday's hours with their breaks. Walk-ins and
// bookings read the same calendar.
import type { DayHours, OpeningHours, SiteConfig, SpecialDay } from "../../protocol/config.ts";
import { weekdayOf } from "../booking/dates.ts";
import { holidayName } from "../booking/holidays.ts";

export interface SiteCalendar {
  openingHours: OpeningHours;
  specialDays: readonly SpecialDay[];
  /** Extra closed dates (YYYY-MM-DD). */
  daysOff: readonly string[];
  /** Whether Polish public holidays are closed. */
  publicHolidays: boolean;
}

export function calendarOf(c: SiteConfig): SiteCalendar {
  return {
    openingHours: c.openingHours,
    specialDays: c.specialDays,
    daysOff: c.booking.daysOff,
    publicHolidays: c.closedOnPublicHolidays,
  };
}

/** The open intervals [from, to) of a local date, in local time; empty when the site is closed all day. */
export function hoursOn(cal: SiteCalendar, date: string): Readonly<DayHours> {
  const special = cal.specialDays.find((d) => d.date === date);
  if (special) return special.hours;
  if (cal.daysOff.includes(date)) return [];
  if (cal.publicHolidays && holidayName(date) !== null) return [];
  return cal.openingHours[weekdayOf(date)];
}
