import { describe, expect, it } from "vitest";
import { allowance, CONTACT_CODES, DAY_MS, HOUR_MS } from "./allowance.ts";

const rule = { perHour: 3, perDay: 5 };
const now = 10 * DAY_MS;

describe("allowance", () => {
  it("lets sends through until the hour's count is reached", () => {
    expect(allowance([], rule, now)).toEqual({ ok: true });
    expect(allowance([now - 1000, now - 2000], rule, now)).toEqual({ ok: true });
    expect(allowance([now - 1000, now - 2000, now - 3000], rule, now)).toEqual({ ok: false, retryAfterMs: HOUR_MS - 3000 });
  });

  it("forgets sends older than the hour for the hourly count", () => {
    expect(allowance([now - HOUR_MS, now - 2 * HOUR_MS, now - 1000], rule, now)).toEqual({ ok: true });
  });

  it("counts the day as well: sends spread over hours still stop at the daily count", () => {
    const spread = [1, 2, 3, 4, 5].map((h) => now - h * 2 * HOUR_MS);
    expect(allowance(spread, rule, now)).toEqual({ ok: false, retryAfterMs: DAY_MS - 10 * HOUR_MS });
  });

  it("ignores what is older than a day", () => {
    const old = [1, 2, 3, 4, 5, 6].map((m) => now - DAY_MS - m);
    expect(allowance(old, rule, now)).toEqual({ ok: true });
  });

  it("waits for the longer of the two windows when both are full", () => {
    const times = [now - 20 * HOUR_MS, now - 19 * HOUR_MS, now - 3000, now - 2000, now - 1000];
    expect(allowance(times, rule, now)).toEqual({ ok: false, retryAfterMs: 4 * HOUR_MS });
  });

  it("gives a citizen a few codes, not a flood", () => {
    const times: number[] = [];
    let sent = 0;
    for (let i = 0; i < 100; i++) {
      const t = now + i * 1000;
      if (allowance(times, CONTACT_CODES, t).ok) {
        times.push(t);
        sent++;
      }
    }
    expect(sent).toBe(CONTACT_CODES.perHour);
  });
});
