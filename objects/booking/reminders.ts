// Visit reminders by SMS (R9): when each one is scheduled and whether it may still go, as plain functions.
//
// Rules:
// - "day": the day before the visit (local calendar day), at the site's reminder hour.
// - "soon": `minutesBefore` minutes before the visit (0: the site sends none).
// - A reminder whose time has already passed when the booking is confirmed is not scheduled: the
//   confirmation SMS has just said the same (a visit booked this morning for this afternoon gets no
//   "tomorrow" text, one booked 20 minutes ahead no "in 60 minutes" text).
// - When the alarm runs late, a reminder still goes while it is true: "day" only before the visit's local
//   day begins, "soon" only before the visit starts. Each kind goes at most once per booking.
// - The "soon" text names the minutes actually left (never more than the configured lead).

import { localDate, zonedInstant } from "../queue/time.ts";
import { addDays } from "./dates.ts";

export type ReminderKind = "day" | "soon";

export interface ReminderRules {
  timeZone: string;
  /** Local hour of the day-before reminder (0-23). */
  dayBeforeHour: number;
  /** Lead of the "soon" reminder in minutes; 0: none. */
  minutesBefore: number;
}

/** The reminders to schedule for a visit confirmed at `confirmedAt`. */
export function reminderTimes(startAt: number, confirmedAt: number, rules: ReminderRules): { kind: ReminderKind; at: number }[] {
  const out: { kind: ReminderKind; at: number }[] = [];
  const dayBefore = zonedInstant(addDays(localDate(startAt, rules.timeZone), -1), rules.dayBeforeHour * 60, rules.timeZone);
  if (dayBefore > confirmedAt) out.push({ kind: "day", at: dayBefore });
  if (rules.minutesBefore > 0) {
    const soon = startAt - rules.minutesBefore * 60_000;
    if (soon > confirmedAt) out.push({ kind: "soon", at: soon });
  }
  return out;
}

/** Whether a reminder of this kind may go now: not sent yet, and still true. */
export function reminderStillDue(
  kind: ReminderKind,
  startAt: number,
  now: number,
  alreadySent: readonly string[],
  timeZone: string,
): boolean {
  if (alreadySent.includes(kind) || now >= startAt) return false;
  return kind === "soon" || localDate(now, timeZone) < localDate(startAt, timeZone);
}

/** The minutes the "soon" text names: those left until the visit, rounded up, at most the configured lead. */
export function minutesLeft(startAt: number, now: number, minutesBefore: number): number {
  return Math.max(1, Math.min(minutesBefore, Math.ceil((startAt - now) / 60_000)));
}

/** The kind of a reminder timer from its key ("remind-day:<booking>", "remind-soon:<booking>"). */
export function reminderKindOfTimer(key: string): ReminderKind | null {
  if (key.startsWith("remind-day:")) return "day";
  if (key.startsWith("remind-soon:")) return "soon";
  return null;
}
