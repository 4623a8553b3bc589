import { describe, expect, it } from "vitest";
import { foldLine, icsText, icsTime, visitIcs } from "./ics.ts";

const VISIT = {
  uid: "koszalin-ratusz-2026-11-24-R012@numerek",
  start: "2026-11-24T09:30:00+01:00",
  minutes: 15,
  summary: "Wizyta: Rejestracja pojazdu – Urząd Miejski w Koszalinie",
  location: "ul. Rynek Staromiejski 6-7, Koszalin",
  description: "Numer: R012\nZabierz: dowód osobisty; dowód rejestracyjny",
  now: Date.parse("2026-11-20T12:00:00Z"),
};

describe("icsTime", () => {
  it("writes the instant in UTC", () => {
    expect(icsTime(Date.parse("2026-11-24T09:30:00+01:00"))).toBe("20261124T083000Z");
    expect(icsTime(Date.parse("2026-07-01T09:30:00+02:00"))).toBe("20260701T073000Z");
  });
});

describe("icsText", () => {
  it("escapes backslash, semicolon and comma, and writes line breaks as \\n", () => {
    expect(icsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(icsText("Urząd: 1")).toBe("Urząd: 1");
  });
});

describe("foldLine", () => {
  it("keeps a line of 75 octets, folds a longer one with CRLF and a space", () => {
    expect(foldLine("a".repeat(75))).toBe("a".repeat(75));
    expect(foldLine("a".repeat(76))).toBe(`${"a".repeat(75)}\r\n a`);
    expect(foldLine("a".repeat(75 + 74 + 1))).toBe(`${"a".repeat(75)}\r\n ${"a".repeat(74)}\r\n a`);
  });

  it("counts octets, never splitting a Polish letter", () => {
    const folded = foldLine(`${"a".repeat(74)}ą`);
    expect(folded).toBe(`${"a".repeat(74)}\r\n ą`);
    for (const line of foldLine("ż".repeat(200)).split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe("visitIcs", () => {
  it("is one event at the office's time, where the office is, with CRLF line ends", () => {
    const ics = visitIcs(VISIT);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n /g, "").split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//numerek//Rezerwacja wizyty//PL",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:koszalin-ratusz-2026-11-24-R012@numerek",
      "DTSTAMP:20261120T120000Z",
      "DTSTART:20261124T083000Z",
      "DTEND:20261124T084500Z",
      "SUMMARY:Wizyta: Rejestracja pojazdu – Urząd Miejski w Koszalinie",
      "LOCATION:ul. Rynek Staromiejski 6-7\\, Koszalin",
      "DESCRIPTION:Numer: R012\\nZabierz: dowód osobisty\\; dowód rejestracyjny",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("refuses a start that is no date-time", () => {
    expect(() => visitIcs({ ...VISIT, start: "jutro" })).toThrow(RangeError);
  });
});
