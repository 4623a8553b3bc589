import { describe, expect, it } from "vitest";
import { sequence, testHash } from "./test-random.ts";
import {
  CODE_TTL_MS,
  checkCode,
  constantTimeEqual,
  expiresAt,
  isLocked,
  LOCK_MS,
  MAX_HOLD_MS,
  MAX_SENDS,
  MAX_TRIES,
  newVerificationCode,
  RESEND_AFTER_MS,
  resend,
  startVerification,
  triesLeft,
  type VerificationState,
} from "./verification.ts";

const T = Date.UTC(2026, 2, 2, 9, 0);
const SEC = 1000;
const MIN = 60 * SEC;

function started(code = 123456): VerificationState {
  return startVerification(T, sequence(code), testHash).state;
}

/** Resends at the given instants, each with the given code; all must succeed. */
function resentAt(state: VerificationState, times: number[], code = 654321): VerificationState {
  let s = state;
  for (const t of times) {
    const r = resend(s, t, sequence(code), testHash);
    if (!r.ok) throw new Error(`resend at +${(t - T) / SEC}s refused: ${r.reason}`);
    s = r.state;
  }
  return s;
}

describe("codes", () => {
  it("are 6 digits, zero-padded, from the random source", () => {
    expect(newVerificationCode(sequence(42))).toBe("000042");
    expect(newVerificationCode(sequence(999_999))).toBe("999999");
  });

  it("asks the source for a number below 10^6", () => {
    let asked = 0;
    newVerificationCode((max) => {
      asked = max;
      return 0;
    });
    expect(asked).toBe(1_000_000);
  });

  it("refuses a source that breaks its contract (e.g. Math.random)", () => {
    expect(() => newVerificationCode(() => 0.5)).toThrow(RangeError);
    expect(() => newVerificationCode(() => 1_000_000)).toThrow(RangeError);
    expect(() => newVerificationCode(() => -1)).toThrow(RangeError);
  });
});

describe("startVerification", () => {
  it("returns the code to send and keeps only its hash", () => {
    const { code, state } = startVerification(T, sequence(123456), testHash);
    expect(code).toBe("123456");
    expect(state).toEqual({ codeHash: testHash("123456"), startedAt: T, sentAt: T, sends: 1, tries: 0, verifiedAt: null });
    expect(JSON.stringify(state)).not.toContain("123456");
  });

  it("holds for 10 minutes", () => {
    expect(expiresAt(started())).toBe(T + 10 * MIN);
    expect(CODE_TTL_MS).toBe(10 * MIN);
  });
});

describe("checkCode", () => {
  it("accepts the right code and marks the state verified", () => {
    const r = checkCode(started(), "123456", T + 5 * MIN, testHash);
    expect(r.result).toBe("ok");
    expect(r.state.verifiedAt).toBe(T + 5 * MIN);
  });

  it("ignores spaces and dashes in what was typed", () => {
    expect(checkCode(started(), " 123 456 ", T, testHash).result).toBe("ok");
    expect(checkCode(started(), "123-456", T, testHash).result).toBe("ok");
  });

  it("counts a wrong code as a try", () => {
    const r = checkCode(started(), "123457", T, testHash);
    expect(r.result).toBe("wrong");
    expect(r.state.tries).toBe(1);
    expect(triesLeft(r.state)).toBe(MAX_TRIES - 1);
    expect(r.state.verifiedAt).toBeNull();
  });

  it("counts malformed input as a try", () => {
    expect(checkCode(started(), "12345", T, testHash).state.tries).toBe(1);
    expect(checkCode(started(), "", T, testHash).state.tries).toBe(1);
  });

  it("allows 5 tries: the 5th wrong one answers too-many-tries and locks every code for 15 minutes, then counts afresh", () => {
    let s = started();
    const results: string[] = [];
    for (let i = 0; i < MAX_TRIES; i++) {
      const r = checkCode(s, "000000", T + i * SEC, testHash);
      results.push(r.result);
      s = r.state;
    }
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "too-many-tries"]);
    expect(s.lockedUntil).toBe(T + 4 * SEC + LOCK_MS);
    expect(isLocked(s, T + 10 * SEC)).toBe(true);
    const after = checkCode(s, "123456", T + 10 * SEC, testHash);
    expect(after.result).toBe("locked");
    expect(after.state).toBe(s);
    expect(isLocked(s, T + 4 * SEC + LOCK_MS)).toBe(false);
    expect(triesLeft(s)).toBe(MAX_TRIES);
  });

  it("the right code on the 5th try still passes", () => {
    let s = started();
    for (let i = 0; i < MAX_TRIES - 1; i++) s = checkCode(s, "000000", T, testHash).state;
    expect(checkCode(s, "123456", T, testHash).result).toBe("ok");
  });

  it("expires 10 minutes after the code was sent", () => {
    expect(checkCode(started(), "123456", T + 10 * MIN - 1, testHash).result).toBe("ok");
    const r = checkCode(started(), "123456", T + 10 * MIN, testHash);
    expect(r.result).toBe("expired");
    expect(r.state).toEqual(started());
  });

  it("the lock outlasts the expiry; wrong codes on an expired state are counted too", () => {
    let s = started();
    for (let i = 0; i < MAX_TRIES; i++) s = checkCode(s, "000000", T, testHash).state;
    expect(checkCode(s, "123456", T + 11 * MIN, testHash).result).toBe("locked");
    expect(checkCode(s, "123456", T + LOCK_MS, testHash).result).toBe("expired");
    const late = checkCode(s, "000000", T + LOCK_MS, testHash);
    expect(late).toEqual({ result: "expired", state: { ...s, tries: 1 } });
  });

  it("a verified state is final: the right code is ok again, no expiry; wrong ones are counted and lock it too", () => {
    const { state } = checkCode(started(), "123456", T + MIN, testHash);
    const again = checkCode(state, "123456", T + 2 * 60 * MIN, testHash);
    expect(again).toEqual({ result: "ok", state });
    const other = checkCode(state, "000000", T + 2 * MIN, testHash);
    expect(other).toEqual({ result: "wrong", state: { ...state, tries: 1 } });
    let s = state;
    const results: string[] = [];
    for (let i = 0; i < MAX_TRIES; i++) {
      const r = checkCode(s, "000000", T + 2 * MIN, testHash);
      results.push(r.result);
      s = r.state;
    }
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "too-many-tries"]);
    expect(checkCode(s, "123456", T + 3 * MIN, testHash).result).toBe("locked");
    expect(checkCode(s, "123456", T + 2 * MIN + LOCK_MS, testHash).result).toBe("ok");
  });
});

describe("resend", () => {
  it("is refused within 60 seconds of the last send, with the seconds to wait", () => {
    expect(resend(started(), T + 1 * SEC, sequence(1), testHash)).toEqual({ ok: false, reason: "too-soon", retryAfterSeconds: 59 });
    expect(resend(started(), T + 59_500, sequence(1), testHash)).toEqual({ ok: false, reason: "too-soon", retryAfterSeconds: 1 });
    expect(resend(started(), T + RESEND_AFTER_MS, sequence(1), testHash).ok).toBe(true);
  });

  it("issues a new code, resets the tries and moves the expiry", () => {
    let s = started();
    for (let i = 0; i < 3; i++) s = checkCode(s, "000000", T, testHash).state;
    const r = resend(s, T + 2 * MIN, sequence(777), testHash);
    if (!r.ok) throw new Error(r.reason);
    expect(r.code).toBe("000777");
    expect(r.state).toEqual({ codeHash: testHash("000777"), startedAt: T, sentAt: T + 2 * MIN, sends: 2, tries: 0, verifiedAt: null });
    expect(expiresAt(r.state)).toBe(T + 12 * MIN);
  });

  it("the old code stops working, the new one works", () => {
    const s = resentAt(started(123456), [T + MIN], 654321);
    expect(checkCode(s, "123456", T + 2 * MIN, testHash).result).toBe("wrong");
    expect(checkCode(s, "654321", T + 2 * MIN, testHash).result).toBe("ok");
  });

  it("gives a new code after too-many-tries, which works once the lock has ended", () => {
    let s = started();
    for (let i = 0; i < MAX_TRIES; i++) s = checkCode(s, "000000", T, testHash).state;
    s = resentAt(s, [T + 9 * MIN, T + 14 * MIN], 222222);
    expect(checkCode(s, "222222", T + 14 * MIN, testHash).result).toBe("locked");
    expect(checkCode(s, "222222", T + LOCK_MS, testHash).result).toBe("ok");
  });

  it("never holds the slot longer than 30 minutes after the start", () => {
    const s = resentAt(started(), [T + 9 * MIN, T + 18 * MIN, T + 27 * MIN]);
    expect(expiresAt(s)).toBe(T + MAX_HOLD_MS);
    expect(checkCode(s, "654321", T + 30 * MIN - 1, testHash).result).toBe("ok");
    expect(checkCode(s, "654321", T + 30 * MIN, testHash).result).toBe("expired");
  });

  it("is refused once the hold expired", () => {
    expect(resend(started(), T + 10 * MIN, sequence(1), testHash)).toEqual({ ok: false, reason: "expired", retryAfterSeconds: null });
    const s = resentAt(started(), [T + 9 * MIN, T + 18 * MIN, T + 27 * MIN]);
    expect(resend(s, T + 30 * MIN, sequence(1), testHash)).toEqual({ ok: false, reason: "expired", retryAfterSeconds: null });
  });

  it("sends at most 5 codes per booking", () => {
    const s = resentAt(started(), [T + 1 * MIN, T + 2 * MIN, T + 3 * MIN, T + 4 * MIN]);
    expect(s.sends).toBe(MAX_SENDS);
    expect(resend(s, T + 5 * MIN, sequence(1), testHash)).toEqual({ ok: false, reason: "too-many-sends", retryAfterSeconds: null });
  });

  it("is refused after verification", () => {
    const { state } = checkCode(started(), "123456", T, testHash);
    expect(resend(state, T + 2 * MIN, sequence(1), testHash)).toEqual({ ok: false, reason: "verified", retryAfterSeconds: null });
  });
});

describe("constantTimeEqual", () => {
  it("compares strings", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
    expect(constantTimeEqual("ab", "abc")).toBe(false);
    expect(constantTimeEqual("a", "")).toBe(false);
  });

  it("looks at every character rather than stopping at the first difference", () => {
    let reads = 0;
    const spy = (s: string): string =>
      new Proxy(new String(s), {
        get(target, prop) {
          if (prop === "charCodeAt") reads++;
          const v: unknown = Reflect.get(target, prop);
          return typeof v === "function" ? v.bind(target) : v;
        },
      }) as unknown as string;
    constantTimeEqual(spy("x23456"), "123456");
    const early = reads;
    reads = 0;
    constantTimeEqual(spy("12345x"), "123456");
    expect(early).toBe(6);
    expect(reads).toBe(6);
  });
});
