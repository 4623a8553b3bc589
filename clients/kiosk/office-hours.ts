// Whether the office is open now, by the week of hours the site's stream sends (its calendar applied:
// special days, days off, holidays), with today's hours and the next opening: what a closed kiosk says on
// its start screen before anyone chooses anything. Pure; the site's own rule (objects/queue) decides.
import { isOpenDuring } from "../../objects/queue/availability.ts";
import { localTime } from "../../objects/queue/time.ts";
import type { OfficeWeek } from "../../protocol/live.ts";

type Interval = OfficeWeek["days"][number]["hours"][number];

export interface OfficeNow {
  open: boolean;
  /** Today's open intervals [from, to) (none: closed all day). */
  today: readonly Interval[];
  /** The next opening after now, within the week known; null when there is none. */
  next: { date: string; from: string; inDays: number } | null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Pure: the office at `now`; null while the week does not cover today (then the kiosk says nothing). */
export function officeNow(week: OfficeWeek, now: number): OfficeNow | null {
  const at = localTime(now, week.timeZone);
  const start = week.days.findIndex((d) => d.date === at.date);
  if (start < 0) return null;
  const today = week.days[start]?.hours ?? [];
  let next: OfficeNow["next"] = null;
  for (let i = start; i < week.days.length && !next; i++) {
    const day = week.days[i];
    const from = day?.hours.find(([f]) => i > start || minutesOf(f) > at.minutes)?.[0];
    if (day && from) next = { date: day.date, from, inDays: i - start };
  }
  return { open: isOpenDuring(today, at.minutes), today, next };
}

/** "08:00" → "8:00", as Polish offices write their hours. */
export function hourText(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, "$1");
}

/** "8:00–12:00, 12:30–16:00". */
export function hoursText(hours: readonly Interval[]): string {
  return hours.map(([from, to]) => `${hourText(from)}–${hourText(to)}`).join(", ");
}
