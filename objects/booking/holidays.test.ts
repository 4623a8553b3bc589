import { describe, expect, it } from "vitest";
import { easterSunday, holidayName, polishHolidays } from "./holidays.ts";

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2030, "2030-04-21"],
    [2038, "2038-04-25"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2285, "2285-03-22"], // earliest possible date
  ])("Easter %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("polishHolidays", () => {
  it("lists the 14 holidays of 2026 in calendar order", () => {
    expect([...polishHolidays(2026)]).toEqual([
      ["2026-01-01", "Nowy Rok"],
      ["2026-01-06", "Święto Trzech Króli"],
      ["2026-04-05", "Wielkanoc"],
      ["2026-04-06", "Poniedziałek Wielkanocny"],
      ["2026-05-01", "Święto Pracy"],
      ["2026-05-03", "Święto Narodowe Trzeciego Maja"],
      ["2026-05-24", "Zielone Świątki"],
      ["2026-06-04", "Boże Ciało"],
      ["2026-08-15", "Wniebowzięcie Najświętszej Maryi Panny"],
      ["2026-11-01", "Wszystkich Świętych"],
      ["2026-11-11", "Narodowe Święto Niepodległości"],
      ["2026-12-24", "Wigilia Bożego Narodzenia"],
      ["2026-12-25", "Boże Narodzenie (pierwszy dzień)"],
      ["2026-12-26", "Boże Narodzenie (drugi dzień)"],
    ]);
  });

  it("puts Corpus Christi 60 days and Pentecost 49 days after Easter", () => {
    expect(polishHolidays(2026).get("2026-06-04")).toBe("Boże Ciało");
    expect(polishHolidays(2025).get("2025-06-19")).toBe("Boże Ciało");
    expect(polishHolidays(2025).get("2025-06-08")).toBe("Zielone Świątki");
    expect(polishHolidays(2027).get("2027-03-29")).toBe("Poniedziałek Wielkanocny");
    expect(polishHolidays(2027).get("2027-05-27")).toBe("Boże Ciało");
    expect(polishHolidays(2028).get("2028-04-16")).toBe("Wielkanoc");
    expect(polishHolidays(2028).get("2028-04-17")).toBe("Poniedziałek Wielkanocny");
    expect(polishHolidays(2028).get("2028-06-15")).toBe("Boże Ciało");
  });

  it("makes Wigilia a holiday from 2025 on", () => {
    expect(polishHolidays(2024).has("2024-12-24")).toBe(false);
    expect(polishHolidays(2024).size).toBe(13);
    expect(polishHolidays(2025).has("2025-12-24")).toBe(true);
    expect(polishHolidays(2026).has("2026-12-24")).toBe(true);
  });

  it("makes Trzech Króli a holiday from 2011 on", () => {
    expect(polishHolidays(2010).has("2010-01-06")).toBe(false);
    expect(polishHolidays(2011).has("2011-01-06")).toBe(true);
  });

  it("is memoized", () => {
    expect(polishHolidays(2031)).toBe(polishHolidays(2031));
  });

  it("refuses years the Gregorian computus does not cover", () => {
    expect(() => polishHolidays(1500)).toThrow(RangeError);
    expect(() => polishHolidays(2026.5)).toThrow(RangeError);
  });
});

describe("holidayName", () => {
  it("names holidays and returns null on working days", () => {
    expect(holidayName("2026-04-06")).toBe("Poniedziałek Wielkanocny");
    expect(holidayName("2026-11-11")).toBe("Narodowe Święto Niepodległości");
    expect(holidayName("2024-12-24")).toBeNull();
    expect(holidayName("2025-12-24")).toBe("Wigilia Bożego Narodzenia");
    expect(holidayName("2026-11-23")).toBeNull();
  });

  it("returns null for anything that is not a date", () => {
    expect(holidayName("2026-02-30")).toBeNull();
    expect(holidayName("1 stycznia")).toBeNull();
    expect(holidayName("1200-01-01")).toBeNull();
  });
});
