// The daily open data as CSV that opens in Excel with Polish settings, by the statistics' CSV rules
// (objects/statistics/csv.ts): UTF-8 with a byte-order mark, semicolons, a decimal comma, shares as
// percentages, text that would run as a formula quoted; headers in Polish, or English when asked.
import { stringify } from "csv-stringify/sync";
import type { OpenDataResponse } from "../../protocol/public-status.ts";
import { CSV_BOM, CSV_DELIMITER, decimal, percent, text } from "../statistics/csv.ts";
import type { CsvLang } from "../statistics/csv-headers.ts";

const HEADERS: Record<CsvLang, string[]> = {
  pl: ["Data", "Id sprawy", "Sprawa", "Przybyło", "Obsłużono", "Nieobecni", "Czekanie p50 (min)", "Czekanie p90 (min)", "W terminie (%)"],
  en: ["Date", "Matter id", "Matter", "Arrived", "Served", "No-shows", "Wait p50 (min)", "Wait p90 (min)", "Within target (%)"],
};

export function openDataCsv(data: OpenDataResponse, lang: CsvLang = "pl"): string {
  const rows = data.rows.map((r) => [
    r.date,
    text(r.matterId),
    text(r.matterName),
    decimal(r.arrived),
    decimal(r.served),
    decimal(r.noShows),
    decimal(r.waitP50),
    decimal(r.waitP90),
    percent(r.withinTargetShare),
  ]);
  return CSV_BOM + stringify([HEADERS[lang], ...rows], { delimiter: CSV_DELIMITER, record_delimiter: "\r\n" });
}

/** The file name a download gets: dane-otwarte-<site>-<from>-<to>.csv (open-data-… in English). */
export function openDataFileName(data: Pick<OpenDataResponse, "siteId" | "from" | "to">, lang: CsvLang = "pl"): string {
  const safe = data.siteId.replace(/[^A-Za-z0-9_-]/g, "_");
  return `${lang === "pl" ? "dane-otwarte" : "open-data"}-${safe}-${data.from}-${data.to}.csv`;
}
