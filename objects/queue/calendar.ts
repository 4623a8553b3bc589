// The hours of a site on one local date: a special day's own hours first (a Saturday opening, or closed),
// then days off and public holidays (closed), then the weekday's hours with their breaks. Walk-ins and
// bookings read the same calendar.
import type { DayHours, OpeningHours, SiteConfig, SpecialDay, Weekday } from "../../protocol/config.ts";
import { weekdayOf } from "../booking/dates.ts";
import { holidayName } from "../booking/holidays.ts";

/** Per date, its weekday and whether it is a public holiday: every view and walk-in asks for today's. */
const dates = new Map<string, { weekday: Weekday; holiday: boolean }>();
const DATES_KEPT = 1000;

function dateFacts(date: string): { weekday: Weekday; holiday: boolean } {
  let facts = dates.get(date);
  if (!facts) {
    if (dates.size >= DATES_KEPT) dates.clear();
    facts = { weekday: weekdayOf(date), holiday: holidayName(date) !== null };
    dates.set(date, facts);
  }
  return facts;
}

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
  const facts = dateFacts(date);
  if (cal.publicHolidays && facts.holiday) return [];
  return cal.openingHours[facts.weekday];
}
