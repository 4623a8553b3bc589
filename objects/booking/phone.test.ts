import { describe, expect, it } from "vitest";
import { isPhoneCountry, maskPhone, normalizePhone } from "./phone.ts";

const ok = (e164: string, country = "PL") => ({ ok: true, e164, country });
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

  it("accepts numbers of each mobile range of the Polish plan", () => {
    for (const p of ["45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) {
      expect(normalizePhone(`${p}1234567`)).toEqual(ok(`+48${p}1234567`, "PL"));
    }
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
  const wide = ["PL", "DE", "UA", "US"];

  it("accepts mobile numbers of the allowed countries, by each country's plan", () => {
    expect(normalizePhone("+49 1512 3456789", wide)).toEqual(ok("+4915123456789", "DE"));
    expect(normalizePhone("+380 67 123 4567", wide)).toEqual(ok("+380671234567", "UA"));
    expect(normalizePhone("0049 1512 3456789", wide)).toEqual(ok("+4915123456789", "DE"));
    expect(normalizePhone("+1 (201) 555-0123", wide)).toEqual(ok("+12015550123", "US"));
  });

  it("refuses valid mobile numbers of countries not allowed (Poland only by default)", () => {
    expect(normalizePhone("+49 1512 3456789")).toEqual(bad("country"));
    expect(normalizePhone("+380 67 123 4567")).toEqual(bad("country"));
    expect(normalizePhone("+882 3 1234 5678", wide)).toEqual(bad("format"));
    expect(normalizePhone("+44 7400 123456", wide)).toEqual(bad("country"));
  });

  it("refuses other countries' numbers that are not mobile or not in their plan", () => {
    expect(normalizePhone("+49 30 1234567", wide)).toEqual(bad("not-mobile")); // Berlin landline
    expect(normalizePhone("+4912345", wide)).toEqual(bad("format"));
    expect(normalizePhone("+1234567890123456", wide)).toEqual(bad("format"));
    expect(normalizePhone("+0123456789", wide)).toEqual(bad("format"));
    expect(normalizePhone("+35312345", wide)).toEqual(bad("format"));
  });

  it("does not guess a country for a bare number that is not Polish", () => {
    expect(normalizePhone("4915123456789", wide)).toEqual(bad("format"));
    expect(normalizePhone("12345678", wide)).toEqual(bad("format"));
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

describe("isPhoneCountry", () => {
  it("knows the countries with a numbering plan, by their ISO codes", () => {
    expect(["PL", "UA", "DE", "GB"].every(isPhoneCountry)).toBe(true);
    expect(["XX", "pl", "POL", "", "ZZ"].some(isPhoneCountry)).toBe(false);
  });
});
