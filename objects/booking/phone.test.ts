import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone, POLISH_MOBILE_PREFIXES } from "./phone.ts";

const ok = (e164: string) => ({ ok: true, e164 });
const bad = (reason: string) => ({ ok: false, reason });

describe("normalizePhone: Polish mobile numbers", () => {
  it.each([
    "600 700 800",
    "600700800",
    "600-700-800",
    "+48 600-700-800",
    "+48600700800",
    "0048600700800",
    "0048 600 700 800",
    "48600700800",
    "(+48) 600 700 800",
    "+48 (600) 700-800",
    "  600.700.800  ",
    "600\u00a0700\u00a0800",
  ])("%j → +48600700800", (input) => {
    expect(normalizePhone(input)).toEqual(ok("+48600700800"));
  });

  it("accepts every mobile prefix", () => {
    for (const p of POLISH_MOBILE_PREFIXES) expect(normalizePhone(`${p}1234567`)).toEqual(ok(`+48${p}1234567`));
  });

  it("refuses landlines and other non-mobile Polish numbers", () => {
    expect(normalizePhone("22 123 45 67")).toEqual(bad("not-mobile")); // Warsaw landline
    expect(normalizePhone("+48 56 611 88 00")).toEqual(bad("not-mobile")); // Toruń landline
    expect(normalizePhone("0048 94 348 86 00")).toEqual(bad("not-mobile")); // Koszalin landline
    expect(normalizePhone("800 123 456")).toEqual(bad("not-mobile")); // free line
    expect(normalizePhone("703 123 456")).toEqual(bad("not-mobile")); // premium rate
  });

  it("refuses Polish numbers of the wrong length or shape", () => {
    expect(normalizePhone("600 700 80")).toEqual(bad("format"));
    expect(normalizePhone("600 700 8000")).toEqual(bad("format"));
    expect(normalizePhone("+48 600 700 80")).toEqual(bad("format"));
    expect(normalizePhone("+48 600 700 8000")).toEqual(bad("format"));
    expect(normalizePhone("0600 700 800")).toEqual(bad("format"));
    expect(normalizePhone("060 070 080")).toEqual(bad("format"));
  });
});

describe("normalizePhone: other countries and errors", () => {
  it("accepts +CC numbers of 8-15 digits", () => {
    expect(normalizePhone("+49 1512 3456789")).toEqual(ok("+4915123456789"));
    expect(normalizePhone("+380 67 123 4567")).toEqual(ok("+380671234567"));
    expect(normalizePhone("+1 (202) 555-0123")).toEqual(ok("+12025550123"));
    expect(normalizePhone("0049 1512 3456789")).toEqual(ok("+4915123456789"));
    expect(normalizePhone("+35312345")).toEqual(ok("+35312345"));
    expect(normalizePhone("+123456789012345")).toEqual(ok("+123456789012345"));
  });

  it("refuses international numbers that are too short, too long or start with 0", () => {
    expect(normalizePhone("+4912345")).toEqual(bad("format"));
    expect(normalizePhone("+1234567890123456")).toEqual(bad("format"));
    expect(normalizePhone("+0123456789")).toEqual(bad("format"));
  });

  it("does not guess a country for a bare number that is not Polish", () => {
    expect(normalizePhone("4915123456789")).toEqual(bad("format"));
    expect(normalizePhone("12345678")).toEqual(bad("format"));
  });

  it("reports empty input", () => {
    expect(normalizePhone("")).toEqual(bad("empty"));
    expect(normalizePhone("   ")).toEqual(bad("empty"));
    expect(normalizePhone(" - ( ) ")).toEqual(bad("empty"));
  });

  it("refuses letters and stray symbols", () => {
    expect(normalizePhone("600 700 80O")).toEqual(bad("format"));
    expect(normalizePhone("tel. 600700800")).toEqual(bad("format"));
    expect(normalizePhone("++48600700800")).toEqual(bad("format"));
    expect(normalizePhone("600+700800")).toEqual(bad("format"));
    expect(normalizePhone("600/700/800")).toEqual(bad("format"));
    expect(normalizePhone("６００７００８００")).toEqual(bad("format"));
  });
});

describe("maskPhone", () => {
  it("shows only the last three digits of a Polish number", () => {
    expect(maskPhone("+48600700800")).toBe("+48 *** *** 800");
  });

  it("masks foreign numbers too", () => {
    expect(maskPhone("+4915123456789")).toBe("+49 ******** 789");
    expect(maskPhone("+12025550123")).toBe("+12 ****** 123");
  });

  it("never echoes something that is not E.164", () => {
    expect(maskPhone("600700800")).toBe("***");
    expect(maskPhone("")).toBe("***");
    expect(maskPhone("+48 600 700 800")).toBe("***");
  });
});
