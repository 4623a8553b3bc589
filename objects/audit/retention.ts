// Which audit entries are past the organisation's retention, as pure rules over times in
// milliseconds: the log's purge deletes exactly these, and its alarm is set to when the oldest
// entry left becomes one of them.
import { AUDIT_RETENTION_DAYS } from "../../protocol/audit-retention.ts";

export const DAY_MS = 86_400_000;

/** Entries made before this time are past the retention at `now`. */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

/** Whether an entry made at `at` is past a retention of `days` at `now` (an entry exactly `days` old is kept). */
export function isPastRetention(at: number, now: number, days: number): boolean {
  return at < retentionCutoff(now, days);
}

/** The first time the oldest entry is past the retention (null: the log is empty). */
export function nextExpiryAt(oldestAt: number | null, days: number): number | null {
  return oldestAt === null ? null : oldestAt + days * DAY_MS + 1;
}

/** Whether a retention may be set: whole days within the bounds. */
export function retentionAllowed(days: number): boolean {
  return Number.isInteger(days) && days >= AUDIT_RETENTION_DAYS.min && days <= AUDIT_RETENTION_DAYS.max;
}

/** The retention as stored (text, or null when never set): the default unless a value that may be set. */
export function storedRetention(value: string | null): number {
  const days = value === null ? Number.NaN : Number(value);
  return retentionAllowed(days) ? days : AUDIT_RETENTION_DAYS.default;
}
