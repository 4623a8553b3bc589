// Whether the office is open now, and when it opens next, from the open stretches the live view sends
// (HallSite.openings) and the screen's own clock; and the words of "zapraszamy jutro od 8:00". Pure.

/** One open stretch, site-local ISO 8601 with offset. */
export interface Stretch {
  from: string;
  to: string;
}

/** Open now; or closed, with the start of the next opening (null: none in the days the view covers). */
export type OpenState = { open: true } | { open: false; next: string | null };

/** `openings` absent: the hours are not known yet, and the screen says nothing of them. */
export function openState(openings: readonly Stretch[] | undefined, now: number): OpenState {
  if (!openings) return { open: true };
  for (const o of openings) {
    if (Date.parse(o.to) <= now) continue;
    return Date.parse(o.from) <= now ? { open: true } : { open: false, next: o.from };
  }
  return { open: false, next: null };
}

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Which day the next opening falls on, as a person would say it: today, tomorrow, on a weekday this week, or a date. */
export type OpeningDay = { kind: "today" } | { kind: "tomorrow" } | { kind: "weekday"; weekday: Weekday } | { kind: "date"; date: string };

export interface OpeningWords {
  day: OpeningDay;
  /** "8:00", "12:30": the site's local time. */
  hour: string;
}

/** The site's UTC offset in ms, read from an ISO time ("…+01:00"). */
function offsetOf(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return 0;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === "-" ? -ms : ms;
}

/** The day and hour of an opening (`next`, site-local ISO) seen from `now`, in the site's calendar. */
export function openingWords(next: string, now: number): OpeningWords {
  const date = next.slice(0, 10);
  const today = new Date(now + offsetOf(next)).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const hour = next.slice(11, 16).replace(/^0/, "");
  if (days <= 0) return { day: { kind: "today" }, hour };
  if (days === 1) return { day: { kind: "tomorrow" }, hour };
  if (days < 7) return { day: { kind: "weekday", weekday: WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "mon" }, hour };
  return { day: { kind: "date", date }, hour };
}
