// The rules for failed logins, as plain functions over plain counters (the directory stores them).
//
// Three counters, each only of failures (a refused attempt checks no password and counts nothing):
// - per user name and client address together: a few guesses, then that pair waits out its window;
// - per client address alone, across all names: generous, against one address trying many names;
// - per user name alone, from anywhere: free at first, then growing delays between the attempts
//   allowed for that name, against many addresses guessing one clerk's password.
// The per-name delays do not apply at an address from which that name signed in recently, so
// a flood against a clerk's user name does not keep the clerk out of their desk.

/** A counter of failed logins: when its window began, how many, and the latest. */
export interface Counter {
  windowStart: number;
  count: number;
  lastAt: number;
}

/** One name from one address: 5 guesses per 15 minutes (a clerk mistyping gets in well before). */
export const PAIR_LIMIT = { failures: 5, windowMs: 15 * 60_000 } as const;

/** One address, any names: 30 failures per 15 minutes (an office behind one address has many clerks). */
export const ADDRESS_LIMIT = { failures: 30, windowMs: 15 * 60_000 } as const;

/**
 * One name, any addresses: 10 failures free, then 5 s before the next attempt, doubling with each
 * failure up to 5 minutes; the name's count is forgotten after an hour without a failure.
 */
export const NAME_BACKOFF = { freeFailures: 10, firstDelayMs: 5_000, maxDelayMs: 5 * 60_000, quietMs: 60 * 60_000 } as const;

/** Failed-login records (of names and addresses, stored hashed) are deleted a day after their latest failure. */
export const FAILURE_RECORD_MS = 24 * 60 * 60_000;

/** An address a name signed in from (a keyed hash of the two) is known for 30 days after that sign-in. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

/** The counters that bear on one attempt, and whether its name signed in from its address recently. */
export interface LoginState {
  pair: Counter | null;
  address: Counter | null;
  name: Counter | null;
  /** When the name last signed in from this address (null: never, or forgotten). */
  knownSince: number | null;
}

export type LimitKind = "pair" | "address" | "name";

export type LoginVerdict = { allowed: true } | { allowed: false; limit: LimitKind; retryAfterMs: number };

/** The failures a windowed counter holds at `now` (0 once its window has passed). */
function inWindow(counter: Counter | null, windowMs: number, now: number): number {
  return counter && now - counter.windowStart < windowMs ? counter.count : 0;
}

/** The failures the name's counter holds at `now` (0 after an hour without one). */
function nameFailures(counter: Counter | null, now: number): number {
  return counter && now - counter.lastAt < NAME_BACKOFF.quietMs ? counter.count : 0;
}

/** How long after its latest failure a name waits, having failed `failures` times. */
export function nameDelayMs(failures: number): number {
  if (failures < NAME_BACKOFF.freeFailures) return 0;
  const doublings = failures - NAME_BACKOFF.freeFailures;
  // 2^6 × 5 s already passes the cap; the exponent stops there so it cannot overflow.
  return Math.min(NAME_BACKOFF.firstDelayMs * 2 ** Math.min(doublings, 16), NAME_BACKOFF.maxDelayMs);
}

/** Whether an address counts as known for a name at `now`. */
export function isKnown(knownSince: number | null, now: number): boolean {
  return knownSince !== null && now - knownSince < KNOWN_ADDRESS_MS;
}

/** Whether an attempt may check its password at `now`, and if not, which limit holds it and for how long. */
export function loginVerdict(state: LoginState, now: number): LoginVerdict {
  const refusals: { limit: LimitKind; retryAfterMs: number }[] = [];
  if (state.pair && inWindow(state.pair, PAIR_LIMIT.windowMs, now) >= PAIR_LIMIT.failures) {
    refusals.push({ limit: "pair", retryAfterMs: state.pair.windowStart + PAIR_LIMIT.windowMs - now });
  }
  if (state.address && inWindow(state.address, ADDRESS_LIMIT.windowMs, now) >= ADDRESS_LIMIT.failures) {
    refusals.push({ limit: "address", retryAfterMs: state.address.windowStart + ADDRESS_LIMIT.windowMs - now });
  }
  if (state.name && !isKnown(state.knownSince, now)) {
    const wait = state.name.lastAt + nameDelayMs(nameFailures(state.name, now)) - now;
    if (wait > 0) refusals.push({ limit: "name", retryAfterMs: wait });
  }
  if (refusals.length === 0) return { allowed: true };
  // The caller is told the longest wait: trying sooner would meet another limit.
  const longest = refusals.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
  return { allowed: false, ...longest };
}

/** A windowed counter after one more failure at `now` (a passed window starts again). */
export function windowAfterFailure(counter: Counter | null, windowMs: number, now: number): Counter {
  const count = inWindow(counter, windowMs, now);
  return { windowStart: counter && count > 0 ? counter.windowStart : now, count: count + 1, lastAt: now };
}

/** The name's counter after one more failure at `now` (forgotten after a quiet hour, then counted afresh). */
export function nameAfterFailure(counter: Counter | null, now: number): Counter {
  const count = nameFailures(counter, now);
  return { windowStart: counter && count > 0 ? counter.windowStart : now, count: count + 1, lastAt: now };
}

/** The counters after a failed attempt at `now`. */
export function afterFailure(state: LoginState, now: number): { pair: Counter; address: Counter; name: Counter } {
  return {
    pair: windowAfterFailure(state.pair, PAIR_LIMIT.windowMs, now),
    address: windowAfterFailure(state.address, ADDRESS_LIMIT.windowMs, now),
    name: nameAfterFailure(state.name, now),
  };
}

/** What a purge at `now` deletes: failures whose latest is older than a day, known addresses older than 30 days. */
export function purgeCutoffs(now: number): { failuresBefore: number; knownBefore: number } {
  return { failuresBefore: now - FAILURE_RECORD_MS, knownBefore: now - KNOWN_ADDRESS_MS };
}

/** When the next purge is due, given the oldest records left (null: nothing left to purge). */
export function nextPurgeAt(oldestFailureAt: number | null, oldestKnownAt: number | null): number | null {
  const due = [
    oldestFailureAt === null ? null : oldestFailureAt + FAILURE_RECORD_MS,
    oldestKnownAt === null ? null : oldestKnownAt + KNOWN_ADDRESS_MS,
  ].filter((t): t is number => t !== null);
  return due.length === 0 ? null : Math.min(...due);
}

/** A wait in whole seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
