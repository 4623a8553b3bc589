// The statistics CSV read back the way Excel with Polish settings reads it: UTF-8 with a BOM, semicolons,
// decimal commas, CRLF, dates as YYYY-MM-DD HH:MM in the office's time zone.
import { describe, expect, it } from "vitest";
import type { StatisticsResponse } from "../../protocol/statistics.ts";
import { statisticsCsv, statisticsCsvFileName } from "./csv.ts";
import { computeStatistics } from "./figures.ts";
import { at, HAND_DAY, TARGETS, TIME_ZONE } from "./test-day.ts";

const response: StatisticsResponse = {
  ...computeStatistics(HAND_DAY, { timeZone: TIME_ZONE, targets: TARGETS }),
  siteId: "urzad-centrum",
  from: "2026-11-30",
  to: "2026-11-30",
  timeZone: TIME_ZONE,
  generatedAt: at("10:15"),
};

/** RFC 4180 with ';' between cells and CRLF between records, as a spreadsheet imports it. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && csv[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A cell as Polish Excel reads a number: decimal comma; empty is no value. */
function number(cell: string | undefined): number | null {
  if (cell === undefined || cell === "") return null;
  expect(cell).toMatch(/^-?\d+(,\d+)?$/);
  return Number(cell.replace(",", "."));
}

function decode(csv: string): string {
  const bytes = new TextEncoder().encode(csv);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
}

describe("the statistics CSV", () => {
  it("has a BOM, CRLF line ends only, and every table under its Polish title", () => {
    const csv = statisticsCsv(response);
    const body = decode(csv);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parse(body);
    const titles = rows.filter((r, i) => r.length === 1 && r[0] !== "" && (i === 0 || rows[i - 1]?.[0] === ""));
    expect(titles.map((r) => r[0])).toEqual([
      "Zakres",
      "Podsumowanie",
      "Według wydziału",
      "Według sprawy",
      "Według stanowiska",
      "Według urzędnika",
      "Według okresu",
      "Według godziny",
      "Dzień tygodnia × godzina",
      "Rozkład czasu oczekiwania",
      "Oczekujący w ciągu dnia",
    ]);
    const value = (figure: string) => rows.find((r) => r[0] === figure)?.[1];
    expect(value("Wygenerowano")).toBe("2026-11-30 10:15"); // 09:15 UTC in Warsaw
    expect(value("Placówka")).toBe("urzad-centrum");
    // the totals, with decimal commas and shares as percentages
    expect(number(value("Przybyło"))).toBe(9);
    expect(number(value("Nieobecni (%)"))).toBe(11.11); // 1 of 9
    expect(number(value("Oczekiwanie p50 (min)"))).toBe(8);
    expect(number(value("W czasie docelowym (%)"))).toBe(75);
    expect(number(value("Bilety na godzinę pracy"))).toBe(2.35);
    expect(number(value("Przerwy: szkolenie (min)"))).toBe(20);
    expect(number(value("Błąd prognozy: obciążenie (min)"))).toBe(1.4);
    expect(number(value("Wyprzedzenie rezerwacji p50 (dni)"))).toBe(4);
  });

  it("gives one table on its own, a row per desk, empty cells where there is no figure", () => {
    const rows = parse(decode(statisticsCsv(response, { table: "byDesk" })));
    const [header, ...desks] = rows;
    expect(header?.slice(0, 4)).toEqual(["Identyfikator", "Nazwa", "Przybyło", "Obsłużono"]);
    expect(desks.map((r) => r[0])).toEqual(["d1", "d2"]);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    expect(number(desks[1]?.[col("Bilety na godzinę pracy")])).toBe(2.31);
    expect(number(desks[0]?.[col("Obsługa (min)")])).toBe(55);
    const hours = parse(decode(statisticsCsv(response, { table: "byHour" })));
    expect(hours[8]).toEqual(["7", "0", "0", "", "", ""]); // 07:00–08:00: nobody, so no wait at all
    expect(hours[9]).toEqual(["8", "8", "4", "12", "20", "20"]);
  });

  it("speaks English when asked", () => {
    const rows = parse(decode(statisticsCsv(response, { lang: "en" })));
    expect(rows[0]).toEqual(["Range"]);
    expect(rows.find((r) => r[0] === "No-shows (%)")?.[1]).toBe("11,11");
    expect(rows.find((r) => r[0] === "Generated at")?.[1]).toBe("2026-11-30 10:15");
    const heat = parse(decode(statisticsCsv(response, { table: "byWeekdayHour", lang: "en" })));
    expect(heat[0]).toEqual(["Weekday", "Hour", "Arrived", "Per day"]);
    expect(heat[9]).toEqual(["Monday", "8", "8", "8"]);
  });

  it("keeps names intact and never as formulas", () => {
    const named: StatisticsResponse = {
      ...response,
      byMatter: response.byMatter.map((r, i) => ({ ...r, name: ["Dowody; paszporty", '"Meldunek"', "=1+1"][i] })),
    };
    const rows = parse(decode(statisticsCsv(named, { table: "byMatter" })));
    expect(rows.slice(1).map((r) => r[1])).toEqual(["Dowody; paszporty", '"Meldunek"', "'=1+1"]);
  });

  it("names the download by the site and the range", () => {
    expect(statisticsCsvFileName(response)).toBe("statystyki-urzad-centrum-2026-11-30-2026-11-30.csv");
    expect(statisticsCsvFileName(response, "en")).toBe("statistics-urzad-centrum-2026-11-30-2026-11-30.csv");
  });
});
