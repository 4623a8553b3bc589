import { describe, expect, it } from "vitest";
import { ATTEMPT_WINDOW_MS, counted, current } from "./attempt-window.ts";

const T = Date.parse("2026-11-24T08:00:00Z");

describe("attempt window", () => {
  it("counts wrong codes within the window and starts afresh after it", () => {
    let w = counted("kiosk:k1", null, T);
    expect(w).toEqual({ key: "kiosk:k1", windowStart: T, count: 1 });
    w = counted("kiosk:k1", w, T + 1000);
    expect(current(w, T + ATTEMPT_WINDOW_MS - 1)).toBe(2);
    expect(current(w, T + ATTEMPT_WINDOW_MS)).toBe(0);
    expect(counted("kiosk:k1", w, T + ATTEMPT_WINDOW_MS)).toEqual({ key: "kiosk:k1", windowStart: T + ATTEMPT_WINDOW_MS, count: 1 });
    expect(current(null, T)).toBe(0);
  });
});
