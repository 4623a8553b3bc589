import { describe, expect, it } from "vitest";
import {
  ADDRESS_LIMIT,
  afterFailure,
  type Counter,
  FAILURE_RECORD_MS,
  KNOWN_ADDRESS_MS,
  type LoginState,
  loginVerdict,
  NAME_BACKOFF,
  nameDelayMs,
  nextPurgeAt,
  PAIR_LIMIT,
  purgeCutoffs,
  retryAfterSeconds,
} from "./login-limits.ts";

const T0 = Date.UTC(2026, 10, 30, 8, 0);
const S = 1000;
const MIN = 60 * S;
const fresh = (): LoginState => ({ pair: null, address: null, name: null, knownSince: null });

/** The state after `n` failures, one every `gapMs` from T0. */
function failed(n: number, gapMs: number, from: LoginState = fresh()): { state: LoginState; last: number } {
  let state = from;
  let last = T0;
  for (let i = 0; i < n; i++) {
    last = T0 + i * gapMs;
    state = { ...state, ...afterFailure(state, last) };
  }
  return { state, last };
}

describe("per user name and client address together", () => {
  it(`allows ${PAIR_LIMIT.failures} failures, then refuses until the window has passed`, () => {
    const { state, last } = failed(PAIR_LIMIT.failures - 1, S);
    expect(loginVerdict(state, last + S)).toEqual({ allowed: true });
    const after = { ...state, ...afterFailure(state, last + S) };
    const v = loginVerdict(after, last + 2 * S);
    expect(v).toEqual({ allowed: false, limit: "pair", retryAfterMs: T0 + PAIR_LIMIT.windowMs - (last + 2 * S) });
    expect(loginVerdict(after, T0 + PAIR_LIMIT.windowMs)).toEqual({ allowed: true });
  });

  it("a new window counts from one again", () => {
    const { state } = failed(PAIR_LIMIT.failures, S);
    const later = T0 + PAIR_LIMIT.windowMs + MIN;
    const next = afterFailure(state, later);
    expect(next.pair).toEqual({ windowStart: later, count: 1, lastAt: later });
  });
});

describe("per client address alone", () => {
  it(`refuses every name from an address after ${ADDRESS_LIMIT.failures} failures in the window`, () => {
    const address: Counter = { windowStart: T0, count: ADDRESS_LIMIT.failures, lastAt: T0 + MIN };
    const v = loginVerdict({ ...fresh(), address }, T0 + 2 * MIN);
    expect(v).toEqual({ allowed: false, limit: "address", retryAfterMs: ADDRESS_LIMIT.windowMs - 2 * MIN });
    expect(loginVerdict({ ...fresh(), address: { ...address, count: ADDRESS_LIMIT.failures - 1 } }, T0 + 2 * MIN)).toEqual({
      allowed: true,
    });
  });
});

describe("per user name alone", () => {
  it(`lets ${NAME_BACKOFF.freeFailures} failures through, then doubles the delay up to its cap`, () => {
    expect(nameDelayMs(NAME_BACKOFF.freeFailures - 1)).toBe(0);
    expect(nameDelayMs(NAME_BACKOFF.freeFailures)).toBe(5 * S);
    expect(nameDelayMs(NAME_BACKOFF.freeFailures + 1)).toBe(10 * S);
    expect(nameDelayMs(NAME_BACKOFF.freeFailures + 5)).toBe(160 * S);
    expect(nameDelayMs(NAME_BACKOFF.freeFailures + 6)).toBe(NAME_BACKOFF.maxDelayMs);
    expect(nameDelayMs(100_000)).toBe(NAME_BACKOFF.maxDelayMs);
  });

  it("many addresses failing one name: the next attempt from a new address waits for the delay", () => {
    // Each failure from its own address: only the name's counter carries over.
    const { state, last } = failed(NAME_BACKOFF.freeFailures + 2, S);
    const fromNew: LoginState = { ...fresh(), name: state.name };
    expect(loginVerdict(fromNew, last + S)).toEqual({ allowed: false, limit: "name", retryAfterMs: 20 * S - S });
    expect(loginVerdict(fromNew, last + 20 * S)).toEqual({ allowed: true });
  });

  it("does not hold an address the name signed in from recently", () => {
    const { state, last } = failed(NAME_BACKOFF.freeFailures + 8, S);
    const fromKnown: LoginState = { ...fresh(), name: state.name, knownSince: T0 - 3 * 24 * 60 * MIN };
    expect(loginVerdict(fromKnown, last + S)).toEqual({ allowed: true });
    // Known too long ago: held like any other address.
    const forgotten: LoginState = { ...fromKnown, knownSince: last + S - KNOWN_ADDRESS_MS };
    expect(loginVerdict(forgotten, last + S)).toMatchObject({ allowed: false, limit: "name" });
  });

  it("a known address is still held by its own pair and address limits", () => {
    const { state, last } = failed(PAIR_LIMIT.failures, S);
    expect(loginVerdict({ ...state, knownSince: T0 - MIN }, last + S)).toMatchObject({ allowed: false, limit: "pair" });
  });

  it("forgets the name's failures after a quiet hour", () => {
    const { state, last } = failed(NAME_BACKOFF.freeFailures + 6, S);
    const quiet = last + NAME_BACKOFF.quietMs;
    expect(loginVerdict({ ...fresh(), name: state.name }, quiet)).toEqual({ allowed: true });
    expect(afterFailure({ ...fresh(), name: state.name }, quiet).name.count).toBe(1);
  });
});

describe("the refusal", () => {
  it("names the longest wait when several limits hold", () => {
    // Sixteen failures from one address: the name waits 5 minutes, the pair the rest of its window.
    const { state, last } = failed(NAME_BACKOFF.freeFailures + 6, S);
    expect(loginVerdict({ ...fresh(), name: state.name }, last + S)).toMatchObject({ retryAfterMs: NAME_BACKOFF.maxDelayMs - S });
    expect(loginVerdict(state, last + S)).toEqual({ allowed: false, limit: "pair", retryAfterMs: T0 + PAIR_LIMIT.windowMs - (last + S) });
  });

  it("is given in whole seconds, at least one", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(PAIR_LIMIT.windowMs)).toBe(900);
  });
});

describe("purging", () => {
  it("failure records go a day after their latest failure, known addresses after 30 days", () => {
    expect(purgeCutoffs(T0)).toEqual({ failuresBefore: T0 - FAILURE_RECORD_MS, knownBefore: T0 - KNOWN_ADDRESS_MS });
    expect(FAILURE_RECORD_MS).toBe(24 * 60 * MIN);
  });

  it("the next purge is due when the oldest record's time is up", () => {
    expect(nextPurgeAt(null, null)).toBeNull();
    expect(nextPurgeAt(T0, null)).toBe(T0 + FAILURE_RECORD_MS);
    expect(nextPurgeAt(null, T0)).toBe(T0 + KNOWN_ADDRESS_MS);
    expect(nextPurgeAt(T0, T0 - KNOWN_ADDRESS_MS + MIN)).toBe(T0 + MIN);
  });
});
