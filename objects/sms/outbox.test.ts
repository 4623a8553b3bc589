import { describe, expect, it } from "vitest";
import {
  BASE_DELAY_MS,
  backoffMs,
  decideAfterSend,
  expireOverdue,
  isDue,
  MAX_ATTEMPTS,
  MAX_DELAY_MS,
  newOutboxMessage,
  nextAttemptAt,
  nextDue,
  type OutboxMessage,
  requeue,
} from "./outbox.ts";
import type { SendResult } from "./provider.ts";

const T0 = Date.UTC(2026, 10, 23, 8, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const fixed = (r: number) => () => r;

const ok: SendResult = { ok: true, providerId: "SM1" };
const busy: SendResult = { ok: false, retryable: true, error: "twilio 429 20429: Too Many Requests" };
const badNumber: SendResult = { ok: false, retryable: false, error: "twilio 400 21211: Invalid 'To' Phone Number" };

function message(extra: Partial<OutboxMessage> = {}): OutboxMessage {
  return { ...newOutboxMessage({ id: "sms-1", to: "+48501234567", body: "numerek: test", kind: "confirmation", now: T0 }), ...extra };
}

describe("newOutboxMessage", () => {
  it("starts pending, due at once, with nothing sent", () => {
    expect(newOutboxMessage({ id: "sms-1", to: "+48501234567", body: "b", kind: "code", now: T0, expiresAt: T0 + 10 * MIN })).toEqual({
      id: "sms-1",
      to: "+48501234567",
      body: "b",
      kind: "code",
      status: "pending",
      attempts: 0,
      nextAt: T0,
      providerId: null,
      error: null,
      createdAt: T0,
      sentAt: null,
      expiresAt: T0 + 10 * MIN,
    });
    expect(message().expiresAt).toBeNull();
  });
});

describe("backoff", () => {
  it("doubles from 30 s and stops at 30 min", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(backoffMs)).toEqual([
      30 * SEC,
      1 * MIN,
      2 * MIN,
      4 * MIN,
      8 * MIN,
      16 * MIN,
      30 * MIN,
      30 * MIN,
      30 * MIN,
    ]);
    expect(BASE_DELAY_MS).toBe(30 * SEC);
    expect(MAX_DELAY_MS).toBe(30 * MIN);
  });

  it("refuses attempts below 1 or fractional", () => {
    expect(() => backoffMs(0)).toThrow(RangeError);
    expect(() => backoffMs(1.5)).toThrow(RangeError);
  });

  it("draws the next attempt up to 25 % early, never later than the nominal delay", () => {
    expect(nextAttemptAt(1, T0, fixed(0))).toBe(T0 + 30 * SEC);
    expect(nextAttemptAt(1, T0, fixed(0.5))).toBe(T0 + 26_250);
    expect(nextAttemptAt(3, T0, fixed(0.999999))).toBe(T0 + 90 * SEC);
    for (let i = 0; i < 200; i++) {
      const at = nextAttemptAt(9, T0);
      expect(at).toBeGreaterThan(T0 + 22.5 * MIN - 1);
      expect(at).toBeLessThanOrEqual(T0 + MAX_DELAY_MS);
    }
  });

  it("refuses a broken random source", () => {
    expect(() => nextAttemptAt(1, T0, fixed(1))).toThrow(RangeError);
    expect(() => nextAttemptAt(1, T0, fixed(-0.1))).toThrow(RangeError);
    expect(() => nextAttemptAt(1, T0, fixed(Number.NaN))).toThrow(RangeError);
  });
});

describe("decideAfterSend", () => {
  it("marks a success sent, with the provider id, and clears the last error", () => {
    const after = decideAfterSend(message({ attempts: 2, error: "twilio 500" }), ok, T0 + 5 * MIN);
    expect(after).toMatchObject({ status: "sent", attempts: 3, nextAt: null, providerId: "SM1", error: null, sentAt: T0 + 5 * MIN });
  });

  it("schedules a retryable failure with backoff and keeps the error", () => {
    const after = decideAfterSend(message(), busy, T0, fixed(0));
    expect(after).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAt: T0 + 30 * SEC,
      error: busy.ok ? null : busy.error,
      sentAt: null,
    });
    const again = decideAfterSend(after, busy, T0 + 30 * SEC, fixed(0));
    expect(again).toMatchObject({ status: "pending", attempts: 2, nextAt: T0 + 90 * SEC });
  });

  it("fails at once on a failure that is not retryable", () => {
    expect(decideAfterSend(message(), badNumber, T0)).toMatchObject({
      status: "failed",
      attempts: 1,
      nextAt: null,
      error: "twilio 400 21211: Invalid 'To' Phone Number",
    });
  });

  it(`fails after ${MAX_ATTEMPTS} attempts, about an hour of retries, and keeps the message`, () => {
    let msg = message();
    let now = T0;
    const schedule: number[] = [];
    while (msg.status === "pending") {
      msg = decideAfterSend(msg, busy, now, fixed(0));
      if (msg.nextAt !== null) {
        schedule.push(msg.nextAt - now);
        now = msg.nextAt;
      }
    }
    expect(MAX_ATTEMPTS).toBe(8);
    expect(schedule).toEqual([30 * SEC, 1 * MIN, 2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN, 30 * MIN]);
    expect(msg).toMatchObject({
      id: "sms-1",
      body: "numerek: test",
      status: "failed",
      attempts: 8,
      nextAt: null,
      error: "twilio 429 20429: Too Many Requests (gave up after 8 attempts)",
    });
    expect(now - T0).toBe(61.5 * MIN);
  });

  it("fails instead of retrying past the message's expiry", () => {
    const code = message({ kind: "code", expiresAt: T0 + 10 * MIN, attempts: 4 });
    // The 5th failure would wait 8 min: 08:08 is still before the expiry at 08:10.
    expect(decideAfterSend(code, busy, T0, fixed(0))).toMatchObject({ status: "pending", nextAt: T0 + 8 * MIN });
    expect(decideAfterSend(code, busy, T0 + 3 * MIN, fixed(0))).toMatchObject({
      status: "failed",
      attempts: 5,
      nextAt: null,
      error: "twilio 429 20429: Too Many Requests (expired before the next attempt)",
    });
  });

  it("leaves a message that is no longer pending unchanged (a repeated alarm)", () => {
    const sent = decideAfterSend(message(), ok, T0);
    expect(decideAfterSend(sent, busy, T0 + MIN)).toBe(sent);
    const failed = decideAfterSend(message(), badNumber, T0);
    expect(decideAfterSend(failed, ok, T0 + MIN)).toBe(failed);
  });

  it("does not change the message it was given", () => {
    const msg = message();
    const copy = { ...msg };
    decideAfterSend(msg, busy, T0, fixed(0));
    expect(msg).toEqual(copy);
  });
});

describe("due, expiry, requeue", () => {
  it("is due when pending, at or after nextAt, and not expired", () => {
    expect(isDue(message(), T0)).toBe(true);
    expect(isDue(message({ nextAt: T0 + SEC }), T0)).toBe(false);
    expect(isDue(message({ expiresAt: T0 - 1 }), T0)).toBe(false);
    expect(isDue(decideAfterSend(message(), ok, T0), T0 + MIN)).toBe(false);
  });

  it("fails a pending message whose expiry passed unsent", () => {
    const late = message({ kind: "reminder", expiresAt: T0 + MIN, attempts: 1, error: "twilio 500", nextAt: T0 + 30 * SEC });
    expect(expireOverdue(late, T0 + MIN)).toBe(late);
    expect(expireOverdue(late, T0 + MIN + 1)).toMatchObject({
      status: "failed",
      nextAt: null,
      attempts: 1,
      error: "expired before it could be sent (last error: twilio 500)",
    });
    expect(expireOverdue(message({ expiresAt: T0 }), T0 + 1).error).toBe("expired before it could be sent");
    const sent = decideAfterSend(message({ expiresAt: T0 }), ok, T0);
    expect(expireOverdue(sent, T0 + MIN)).toBe(sent);
  });

  it("lets staff send a failed message again", () => {
    const failed = decideAfterSend(message({ expiresAt: T0 + MIN }), badNumber, T0);
    expect(requeue(failed, T0 + 2 * MIN)).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAt: T0 + 2 * MIN,
      error: null,
      expiresAt: null,
    });
    const pending = message();
    expect(requeue(pending, T0)).toBe(pending);
  });

  it("finds the earliest due pending message for the alarm", () => {
    const a = message({ id: "a", nextAt: T0 + 2 * MIN });
    const b = message({ id: "b", nextAt: T0 + MIN });
    const sent = decideAfterSend(message({ id: "c", nextAt: T0 }), ok, T0);
    expect(nextDue([a, b, sent])).toBe(T0 + MIN);
    expect(nextDue([sent])).toBeNull();
    expect(nextDue([])).toBeNull();
  });
});
