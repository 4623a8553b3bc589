// How many codes and texts one number, one mailbox or one client address may be sent, counted over the
// whole deployment and every hold, ended or not: the rules against SMS pumping (texts bought for an
// attacker's premium numbers) and bombing (one person's phone flooded). A plain function over the times
// of the sends already counted; the SendLimits object keeps those times for a day.

export interface Allowance {
  perHour: number;
  perDay: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Booking codes to one number or mailbox: a citizen books, asks for one more code, maybe books a second
 * visit; nobody needs more in a day.
 */
export const CONTACT_CODES: Allowance = { perHour: 4, perDay: 8 };
/** Booking codes started from one client address, all sites together (a library or an office NAT shares one). */
export const CLIENT_CODES: Allowance = { perHour: 20, perDay: 100 };
/** E-ticket "SMS me" requests naming one number, all tickets and sites together. */
export const NOTICE_NUMBER: Allowance = { perHour: 3, perDay: 6 };

export type AllowanceAnswer = { ok: true } | { ok: false; retryAfterMs: number };

/** Whether one more send fits, given the times (any order) of those counted for the key in the last day. */
export function allowance(times: readonly number[], rule: Allowance, now: number): AllowanceAnswer {
  const day = times.filter((t) => t > now - DAY_MS).sort((a, b) => a - b);
  const hour = day.filter((t) => t > now - HOUR_MS);
  // When the oldest send counted leaves its window, one more fits.
  const waits: number[] = [];
  if (hour.length >= rule.perHour) waits.push((hour[hour.length - rule.perHour] ?? now) + HOUR_MS - now);
  if (day.length >= rule.perDay) waits.push((day[day.length - rule.perDay] ?? now) + DAY_MS - now);
  return waits.length ? { ok: false, retryAfterMs: Math.max(1, ...waits) } : { ok: true };
}
