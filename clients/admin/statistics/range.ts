// The date range of the statistics view: today (live), yesterday, the last 7 or 30 days (today
// included), a chosen month, or two dates of one's own. Dates are local dates of the offices' clock.
import { assertNever } from "../../../protocol/live-wire.ts";
import { OFFICE_TZ } from "../../shared/format.ts";

export const RANGE_KINDS = ["today", "yesterday", "last7", "last30", "month", "custom"] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];

export interface RangeChoice {
  kind: RangeKind;
  /** "2026-11" for kind month. */
  month: string;
  /** The custom range's dates. */
  from: string;
  to: string;
}

export interface DateRange {
  from: string;
  to: string;
}

const DAY = 86_400_000;

/** Today's date on the offices' clock, "2026-11-30". */
export function officeToday(now: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: OFFICE_TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last day of a month "2026-02" → "2026-02-28". */
function lastOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

/** The range a choice means today; null when a custom range is not a range yet (empty or backwards). */
export function rangeOf(choice: RangeChoice, today: string): DateRange | null {
  switch (choice.kind) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "month": {
      if (!/^\d{4}-\d{2}$/.test(choice.month)) return null;
      const last = lastOfMonth(choice.month);
      return { from: `${choice.month}-01`, to: last < today ? last : today };
    }
    case "custom":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.from) || !/^\d{4}-\d{2}-\d{2}$/.test(choice.to)) return null;
      if (choice.from > choice.to) return null;
      return { from: choice.from, to: choice.to };
    default:
      return assertNever(choice.kind);
  }
}

/** The months a manager may choose: this one and the eleven before it, newest first ("2026-11"). */
export function recentMonths(today: string, count = 12): string[] {
  const [y, m] = today.split("-").map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}
