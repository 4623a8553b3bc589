// Bookable visit slots of a site: laid on the local wall clock inside opening hours, minus holidays,
// days off, the minimum notice and the booking horizon (R6); a special day's own hours replace its
// weekday's (objects/queue/calendar.ts); capacity per slot = desks given to bookings.
import type { OpeningHours, SpecialDay } from "../../protocol/config.ts";
import { hoursOn, type SiteCalendar } from "../queue/calendar.ts";
import { localDate, localTime, zonedInstant } from "../queue/time.ts";
import { addDays, isDate } from "./dates.ts";

/** Everything slot generation needs apart from the date. */
export interface SlotRules {
  timeZone: string;
  openingHours: OpeningHours;
  /** Length of one visit slot, 1-1440 minutes. */
  slotMinutes: number;
  /** Desks whose time goes to bookings: how many visits one slot holds. */
  bookingDesks: number;
  /** Whether Polish public holidays are closed (default: yes). */
  publicHolidays?: boolean;
  /** Extra closed dates (YYYY-MM-DD) set by the office. */
  daysOff: readonly string[];
  /** Dates with hours of their own (a Saturday opening, or closed). */
  specialDays?: readonly SpecialDay[];
  now: number;
  /** A slot must start at least this many minutes after `now`. */
  minNoticeMinutes: number;
  /** Bookable dates end at local today + horizonDays (Toruń 30, Koszalin 14). */
  horizonDays: number;
  /** Visits already held or booked, by slot start (ms). */
  taken: ReadonlyMap<number, number>;
}

export interface SlotInput extends SlotRules {
  date: string;
}

export interface Slot {
  start: number;
  free: number;
}

export interface DaySlots {
  date: string;
  slots: Slot[];
}

/** Longest range `availableDays` answers for, in dates. */
export const MAX_RANGE_DAYS = 62;

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether the whole date is out of the booking range (past, beyond the horizon). */
function closedDate(rules: SlotRules, date: string): boolean {
  const today = localDate(rules.now, rules.timeZone);
  return date < today || date > addDays(today, rules.horizonDays);
}

/** Local minute of `date` → instant, or null for a time skipped by DST: a day with a clock change asks the zone per minute. */
function wallClock(date: string, timeZone: string): (minutes: number) => number | null {
  return (m) => {
    const t = zonedInstant(date, m, timeZone);
    const local = localTime(t, timeZone);
    return local.date === date && local.minutes === m ? t : null;
  };
}

const DAY_MS = 1440 * 60_000;

/** Whether the local date has 24 hours from midnight to midnight (no clock change), with its midnight. */
function plainDay(date: string, timeZone: string): { midnight: number; plain: boolean } {
  const midnight = zonedInstant(date, 0, timeZone);
  return { midnight, plain: zonedInstant(addDays(date, 1), 0, timeZone) - midnight === DAY_MS };
}

function checkSlotMinutes(slotMinutes: number): void {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1 || slotMinutes > 1440) {
    throw new RangeError(`slotMinutes must be an integer 1-1440, got ${slotMinutes}`);
  }
}

function slotCalendar(rules: SlotRules): SiteCalendar {
  return {
    openingHours: rules.openingHours,
    specialDays: rules.specialDays ?? [],
    daysOff: rules.daysOff,
    publicHolidays: rules.publicHolidays !== false,
  };
}

/**
 * The slots of one local date, by start. Slots that start at a wall-clock time skipped by DST are left
 * out; in the repeated autumn hour each wall-clock time is offered once (its second, winter-time instant).
 */
export function daySlots(input: SlotInput): Slot[] {
  const { date, timeZone, slotMinutes } = input;
  if (!isDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  checkSlotMinutes(slotMinutes);
  const capacity = Math.max(0, Math.floor(input.bookingDesks));
  if (capacity === 0 || closedDate(input, date)) return [];
  const earliest = input.now + input.minNoticeMinutes * 60_000;
  const { midnight, plain } = plainDay(date, timeZone);
  const instantOf = plain ? (m: number) => midnight + m * 60_000 : wallClock(date, timeZone);
  const byStart = new Map<number, Slot>();
  for (const [from, to] of hoursOn(slotCalendar(input), date)) {
    const end = toMinutes(to);
    for (let m = toMinutes(from); m + slotMinutes <= end; m += slotMinutes) {
      const start = instantOf(m);
      if (start === null || start < earliest) continue;
      byStart.set(start, { start, free: Math.max(0, capacity - (input.taken.get(start) ?? 0)) });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Slots of every date in [from, to], at most MAX_RANGE_DAYS dates from `from`; closed dates have no slots. */
export function availableDays(rules: SlotRules, from: string, to: string): DaySlots[] {
  if (!isDate(from) || !isDate(to)) throw new RangeError(`not a date range: ${from}..${to}`);
  const last = addDays(from, MAX_RANGE_DAYS - 1);
  const days: DaySlots[] = [];
  for (let date = from; date <= to && date <= last; date = addDays(date, 1)) {
    days.push({ date, slots: daySlots({ ...rules, date }) });
  }
  return days;
}

/**
 * Whether `start` is exactly a slot `daySlots` would give under these rules, with room: the check before a
 * hold, asked by every attempt of a booking storm. On a day without a clock change the slot's local minute
 * is worked out and checked against the day's intervals, without laying out the day's slots; a day with a
 * clock change lays them out.
 */
export function slotIsBookable(rules: SlotRules, start: number): boolean {
  if (!Number.isSafeInteger(start)) return false;
  const { timeZone, slotMinutes } = rules;
  checkSlotMinutes(slotMinutes);
  const capacity = Math.max(0, Math.floor(rules.bookingDesks));
  if (capacity - (rules.taken.get(start) ?? 0) <= 0) return false;
  if (start < rules.now + rules.minNoticeMinutes * 60_000) return false;
  const date = localDate(start, timeZone);
  if (closedDate(rules, date)) return false;
  const { midnight, plain } = plainDay(date, timeZone);
  if (!plain) return daySlots({ ...rules, date }).some((s) => s.start === start && s.free > 0);
  const sinceMidnight = start - midnight;
  if (sinceMidnight % 60_000 !== 0) return false;
  const m = sinceMidnight / 60_000;
  for (const [from, to] of hoursOn(slotCalendar(rules), date)) {
    const first = toMinutes(from);
    if (m >= first && m + slotMinutes <= toMinutes(to) && (m - first) % slotMinutes === 0) return true;
  }
  return false;
}
