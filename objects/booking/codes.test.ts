import { describe, expect, it } from "vitest";
import { MIN } from "../queue/test-fixtures.ts";
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH, checkInWindow, newCheckInCode, normalizeCheckInCode } from "./codes.ts";
import { cryptoRandomInt } from "./random.ts";
import { sequence } from "./test-random.ts";

describe("check-in code alphabet", () => {
  it("has no look-alike characters", () => {
    for (const ch of "0O1IL") expect(CHECK_IN_ALPHABET).not.toContain(ch);
    expect(CHECK_IN_ALPHABET).toHaveLength(31);
    expect(new Set(CHECK_IN_ALPHABET).size).toBe(31);
  });
});

describe("newCheckInCode", () => {
  it("draws 6 characters from the alphabet", () => {
    expect(newCheckInCode(sequence(0, 1, 2, 8, 30, 29))).toBe("234AZY");
    expect(CHECK_IN_CODE_LENGTH).toBe(6);
  });

  it("asks the source for an index below the alphabet size", () => {
    const asked: number[] = [];
    newCheckInCode((max) => {
      asked.push(max);
      return 0;
    });
    expect(asked).toEqual([31, 31, 31, 31, 31, 31]);
  });

  it("draws again when the code is already in use at the site", () => {
    const inUse = new Set(["222222"]);
    expect(newCheckInCode(sequence(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1), (c) => inUse.has(c))).toBe("333333");
  });

  it("gives up when every draw collides", () => {
    expect(() =>
      newCheckInCode(
        () => 0,
        () => true,
      ),
    ).toThrow(/no free check-in code/);
  });

  it("refuses a broken random source", () => {
    expect(() => newCheckInCode(() => 31)).toThrow(RangeError);
    expect(() => newCheckInCode(() => 0.2)).toThrow(RangeError);
  });

  it("with the crypto source gives valid, varied codes", () => {
    const codes = Array.from({ length: 200 }, () => newCheckInCode(cryptoRandomInt));
    for (const c of codes) expect(normalizeCheckInCode(c)).toBe(c);
    expect(new Set(codes).size).toBeGreaterThan(195);
  });
});

describe("normalizeCheckInCode", () => {
  it("accepts the code as typed at the kiosk, in any case, with spaces or a dash", () => {
    expect(normalizeCheckInCode("K7M-2QX")).toBe("K7M2QX");
    expect(normalizeCheckInCode(" k7m 2qx ")).toBe("K7M2QX");
  });

  it("refuses wrong lengths and characters outside the alphabet", () => {
    expect(normalizeCheckInCode("K7M2Q")).toBeNull();
    expect(normalizeCheckInCode("K7M2QXA")).toBeNull();
    expect(normalizeCheckInCode("K7M2Q0")).toBeNull();
    expect(normalizeCheckInCode("K7M2QO")).toBeNull();
    expect(normalizeCheckInCode("K7M2Q1")).toBeNull();
    expect(normalizeCheckInCode("K7M2QL")).toBeNull();
    expect(normalizeCheckInCode("K7M2Q!")).toBeNull();
    expect(normalizeCheckInCode("")).toBeNull();
  });
});

describe("checkInWindow (R7)", () => {
  const slotStart = Date.UTC(2026, 2, 2, 9, 0);
  const win = (now: number, earlyMinutes = 10, lateMinutes = 15) => checkInWindow({ slotStart, earlyMinutes, lateMinutes, now });

  it("Koszalin: not earlier than 10 minutes before the slot", () => {
    expect(win(slotStart - 30 * MIN)).toBe("too-early");
    expect(win(slotStart - 10 * MIN - 1)).toBe("too-early");
    expect(win(slotStart - 10 * MIN)).toBe("ok");
    expect(win(slotStart)).toBe("ok");
  });

  it("accepted until the configured lateness, exclusive", () => {
    expect(win(slotStart + 15 * MIN - 1)).toBe("ok");
    expect(win(slotStart + 15 * MIN)).toBe("too-late");
    expect(win(slotStart + 5 * MIN, 10, 5)).toBe("too-late");
    expect(win(slotStart + 4 * MIN, 10, 5)).toBe("ok");
  });

  it("follows other early settings", () => {
    expect(win(slotStart - 20 * MIN, 30)).toBe("ok");
    expect(win(slotStart - 1, 0)).toBe("too-early");
  });
});
