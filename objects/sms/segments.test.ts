import { describe, expect, it } from "vitest";
import { isGsm7, smsSegments } from "./segments.ts";

describe("isGsm7", () => {
  it("knows the GSM-7 alphabet and its extension table", () => {
    expect(isGsm7("Hello, world! 0-9 @£$¥ èéùìò ÄÖÑÜäöñüà ß Δ_ §¿¡ \n\r")).toBe(true);
    expect(isGsm7("€[]{}\\^~|\f")).toBe(true);
    expect(isGsm7("Zażółć")).toBe(false);
    expect(isGsm7("ó")).toBe(false);
    expect(isGsm7("a – b")).toBe(false); // en dash
    expect(isGsm7("„cudzysłów”")).toBe(false);
    expect(isGsm7("`")).toBe(false);
    expect(isGsm7("🙂")).toBe(false);
  });
});

describe("smsSegments", () => {
  it("fits 160 GSM-7 characters in one SMS, 153 per part beyond", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", units: 0, segments: 0 });
    expect(smsSegments("a")).toEqual({ encoding: "GSM-7", units: 1, segments: 1 });
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(smsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", units: 306, segments: 2 });
    expect(smsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", units: 307, segments: 3 });
  });

  it("counts extension characters as two septets and never splits them", () => {
    expect(smsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments(`${"a".repeat(159)}€`)).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    // 152 septets, then an escape pair that would straddle the 153-septet boundary: it moves to part 2,
    // so 306 septets need 3 parts instead of 2.
    expect(smsSegments(`${"a".repeat(152)}€${"a".repeat(152)}`)).toEqual({ encoding: "GSM-7", units: 306, segments: 3 });
    expect(smsSegments(`${"a".repeat(151)}€${"a".repeat(153)}`)).toEqual({ encoding: "GSM-7", units: 306, segments: 2 });
  });

  it("switches the whole text to UCS-2 for one Polish letter: 70 in one SMS, 67 per part", () => {
    expect(smsSegments("ą")).toEqual({ encoding: "UCS-2", units: 1, segments: 1 });
    expect(smsSegments(`ż${"a".repeat(69)}`)).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSegments(`ż${"a".repeat(70)}`)).toEqual({ encoding: "UCS-2", units: 71, segments: 2 });
    expect(smsSegments(`ż${"a".repeat(133)}`)).toEqual({ encoding: "UCS-2", units: 134, segments: 2 });
    expect(smsSegments(`ż${"a".repeat(134)}`)).toEqual({ encoding: "UCS-2", units: 135, segments: 3 });
    // "€" costs one UTF-16 unit in UCS-2, not two.
    expect(smsSegments(`ż${"€".repeat(69)}`)).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
  });

  it("counts characters outside the BMP as two units and never splits them", () => {
    expect(smsSegments("🙂".repeat(35))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSegments(`${"a".repeat(66)}🙂${"a".repeat(66)}`)).toEqual({ encoding: "UCS-2", units: 134, segments: 3 });
    expect(smsSegments(`${"a".repeat(65)}🙂${"a".repeat(67)}`)).toEqual({ encoding: "UCS-2", units: 134, segments: 2 });
  });
});
