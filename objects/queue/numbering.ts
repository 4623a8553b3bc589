// Ticket numbers: the matter's prefix and three digits, per matter and local day (A001, A002, ...).

export function formatTicketNumber(prefix: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ticket counter must be a positive integer, got ${n}`);
  return `${prefix}${String(n).padStart(3, "0")}`;
}

/**
 * The next counter value for a matter on a day. `last` is what the counter
 * held, with the day it belonged to: a new day starts again at 1.
 */
export function nextCounter(last: { day: string; value: number } | null, day: string): number {
  if (!last || last.day !== day) return 1;
  return last.value + 1;
}
