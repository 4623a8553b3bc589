// The audit log's filters as the manager page holds them (an action, who, a first and a last day of the
// office's calendar) and as the API takes them: days become the first and the last instant of the day in
// the office's time zone. Also: a changed value's JSON read for people, and the exported file's name.
import type { AuditAction, AuditQuery } from "../../protocol/audit.ts";

export interface AuditFilters {
  action: AuditAction | "";
  actor: string;
  /** Days as <input type="date"> gives them (YYYY-MM-DD), or "". */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: "", actor: "", from: "", to: "" };

/** The query sent: only the filters set, the organisation when the operator chose one, `before` to page back. */
export type AuditQueryIn = Partial<Omit<AuditQuery, "limit">> & { limit?: number };

/** How far `tz`'s wall clock is ahead of UTC at the instant `ms`, in milliseconds. */
function zoneOffsetMs(tz: string, ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a day (YYYY-MM-DD) begins in time zone `tz`, or null for anything else. */
export function dayStart(day: string, tz: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const midnightUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(midnightUtc)) return null;
  const first = midnightUtc - zoneOffsetMs(tz, midnightUtc);
  // Across a change of the clocks the offset at the guess may differ from the one at the answer.
  return midnightUtc - zoneOffsetMs(tz, first);
}

/** The query of these filters; `before` (an entry id) asks for the entries older than it. */
export function auditQuery(filters: AuditFilters, tz: string, org: string | null, before?: number): AuditQueryIn {
  const q: AuditQueryIn = {};
  if (org) q.org = org;
  if (filters.action) q.action = filters.action;
  const actor = filters.actor.trim();
  if (actor) q.actor = actor;
  const from = dayStart(filters.from, tz);
  if (from !== null) q.from = new Date(from).toISOString();
  // The last day counts whole: up to the last millisecond before the next day begins.
  const to = dayStart(filters.to, tz) === null ? null : nextDayStart(filters.to, tz);
  if (to !== null) q.to = new Date(to - 1).toISOString();
  if (before !== undefined) q.before = before;
  return q;
}

function nextDayStart(day: string, tz: string): number {
  const [y, m, d] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
  return dayStart(next, tz) ?? Number.NaN;
}

/** A value before or after a change, for people: absent, yes or no, or text (strings without their quotes). */
export type Readable = { kind: "absent" } | { kind: "yes" } | { kind: "no" } | { kind: "text"; text: string };

export function readable(json: string | null): Readable {
  if (json === null) return { kind: "absent" };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: "text", text: json };
  }
  if (value === null) return { kind: "absent" };
  if (value === true) return { kind: "yes" };
  if (value === false) return { kind: "no" };
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "number") return { kind: "text", text: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return { kind: "text", text: value.join(", ") };
  }
  return { kind: "text", text: JSON.stringify(value, null, 1).replace(/\n\s*/g, " ") };
}

/** The exported file's name: the organisation and the day it was taken. */
export function exportFileName(org: string | null, now: Date): string {
  return `dziennik-zdarzen${org ? `-${org}` : ""}-${now.toISOString().slice(0, 10)}.csv`;
}
