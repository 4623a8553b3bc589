// The statistics answer as CSV that opens in Excel with Polish settings: UTF-8 with a byte-order mark,
// semicolons between cells, a decimal comma, dates as YYYY-MM-DD HH:MM in the office's time zone, CRLF
// line ends; headers in Polish, or English when asked. Shares are percentages (11,11 for 0.1111); a figure
// with no data is an empty cell. One table (&table=…) or all of them, each under its title, a blank line
// between. A text cell a spreadsheet would run as a formula (=, +, -, @ first) starts with an apostrophe.
import { stringify } from "csv-stringify/sync";
import { assertNever } from "../../protocol/live.ts";
import {
  STATISTICS_TABLES,
  type StaffRow,
  type StatisticsResponse,
  type StatisticsTable,
  type VisitFigures,
} from "../../protocol/statistics.ts";
import { type CsvLang, HEADERS, type HeaderKey, TABLE_TITLES, WEEKDAYS } from "./csv-headers.ts";
import { localDateTimeOf } from "./local-clock.ts";

export const CSV_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";
const CRLF = "\r\n";

type Cell = string;

/** A number with a decimal comma; null as an empty cell. */
export function decimal(x: number | null): Cell {
  return x === null ? "" : String(x).replace(".", ",");
}

/** A share 0…1 as a percentage to 2 decimals, with a decimal comma. */
export function percent(x: number | null): Cell {
  return x === null ? "" : decimal(Math.round(x * 10_000) / 100);
}

/** Text from people (ids, names): never run as a formula. */
export function text(s: string): Cell {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

type Column<R> = [HeaderKey, (row: R) => Cell];

const VISIT_COLUMNS: Column<VisitFigures>[] = [
  ["arrived", (r) => decimal(r.arrived)],
  ["served", (r) => decimal(r.served)],
  ["noShows", (r) => decimal(r.noShows)],
  ["noShowShare", (r) => percent(r.noShowShare)],
  ["cancelled", (r) => decimal(r.cancelled)],
  ["left", (r) => decimal(r.left)],
  ["closed", (r) => decimal(r.closed)],
  ["open", (r) => decimal(r.open)],
  ["transferred", (r) => decimal(r.transferred)],
  ["waitP50", (r) => decimal(r.waitMinutes.p50)],
  ["waitP90", (r) => decimal(r.waitMinutes.p90)],
  ["waitMax", (r) => decimal(r.waitMinutes.max)],
  ["serviceP50", (r) => decimal(r.serviceMinutes.p50)],
  ["serviceP90", (r) => decimal(r.serviceMinutes.p90)],
  ["withinTargetShare", (r) => percent(r.withinTargetShare)],
  ["withinRangeShare", (r) => percent(r.withinRangeShare)],
];

const STAFF_COLUMNS: Column<Pick<StaffRow, "clerkMinutes" | "ticketsPerClerkHour">>[] = [
  ["serving", (r) => decimal(r.clerkMinutes.serving)],
  ["idle", (r) => decimal(r.clerkMinutes.idle)],
  ["break", (r) => decimal(r.clerkMinutes.break)],
  ["breakBreak", (r) => decimal(r.clerkMinutes.breakReasons.break)],
  ["breakTraining", (r) => decimal(r.clerkMinutes.breakReasons.training)],
  ["breakOther", (r) => decimal(r.clerkMinutes.breakReasons.other)],
  ["ticketsPerClerkHour", (r) => decimal(r.ticketsPerClerkHour)],
];

function table<R>(rows: readonly R[], columns: readonly Column<R>[], lang: CsvLang): Cell[][] {
  return [columns.map(([key]) => HEADERS[key][lang]), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
}

/** Figure; value: one row per figure of the totals. */
function totalsTable(s: StatisticsResponse, lang: CsvLang): Cell[][] {
  const t = s.totals;
  const figures: [HeaderKey, Cell][] = [
    ...VISIT_COLUMNS.map(([key, cell]): [HeaderKey, Cell] => [key, cell(t)]),
    ...STAFF_COLUMNS.map(([key, cell]): [HeaderKey, Cell] => [key, cell(t)]),
    ["bookingsMade", decimal(t.bookings.made)],
    ["bookingsCancelled", decimal(t.bookings.cancelled)],
    ["bookingsKept", decimal(t.bookings.kept)],
    ["bookingsMissed", decimal(t.bookings.missed)],
    ["bookingsPending", decimal(t.bookings.pending)],
    ["leadP50", decimal(t.bookings.leadTimeDays.p50)],
    ["leadP90", decimal(t.bookings.leadTimeDays.p90)],
    ["smsSent", decimal(t.messages.sms.sent)],
    ["smsFailed", decimal(t.messages.sms.failed)],
    ["emailSent", decimal(t.messages.email.sent)],
    ["emailFailed", decimal(t.messages.email.failed)],
    ["estimateCount", decimal(t.estimateError.count)],
    ["estimateMeanAbs", decimal(t.estimateError.meanAbsMinutes)],
    ["estimateBias", decimal(t.estimateError.bias)],
  ];
  return [[HEADERS.figure[lang], HEADERS.value[lang]], ...figures.map(([key, value]) => [HEADERS[key][lang], value])];
}

function rangeTable(s: StatisticsResponse, lang: CsvLang): Cell[][] {
  return [
    [HEADERS.figure[lang], HEADERS.value[lang]],
    [HEADERS.site[lang], text(s.siteId)],
    [HEADERS.from[lang], s.from],
    [HEADERS.to[lang], s.to],
    [HEADERS.timeZone[lang], s.timeZone],
    [HEADERS.generatedAt[lang], localDateTimeOf(s.generatedAt, s.timeZone)],
    [HEADERS.days[lang], decimal(s.days)],
  ];
}

const GROUP_KEY: Column<{ id: string; name?: string }>[] = [
  ["id", (r) => text(r.id)],
  ["name", (r) => text(r.name ?? "")],
];

function tableCells(s: StatisticsResponse, which: StatisticsTable, lang: CsvLang): Cell[][] {
  switch (which) {
    case "totals":
      return totalsTable(s, lang);
    case "byDepartment":
      return table(s.byDepartment, [...GROUP_KEY, ...VISIT_COLUMNS], lang);
    case "byMatter":
      return table(s.byMatter, [...GROUP_KEY, ...VISIT_COLUMNS], lang);
    case "byDesk":
      return table(s.byDesk, [...GROUP_KEY, ...VISIT_COLUMNS, ...STAFF_COLUMNS], lang);
    case "byClerk":
      return table(s.byClerk, [...GROUP_KEY, ...VISIT_COLUMNS, ...STAFF_COLUMNS], lang);
    case "byPeriod":
      return table(s.byPeriod, [["period", (r) => r.period], ...VISIT_COLUMNS, ...STAFF_COLUMNS], lang);
    case "byHour":
      return table(
        s.byHour,
        [
          ["hour", (r) => decimal(r.hour)],
          ["arrived", (r) => decimal(r.arrived)],
          ["served", (r) => decimal(r.served)],
          ["waitP50", (r) => decimal(r.waitMinutes.p50)],
          ["waitP90", (r) => decimal(r.waitMinutes.p90)],
          ["waitMax", (r) => decimal(r.waitMinutes.max)],
        ],
        lang,
      );
    case "byWeekdayHour":
      return table(
        s.byWeekdayHour,
        [
          ["weekday", (r) => WEEKDAYS[lang][r.weekday - 1] ?? ""],
          ["hour", (r) => decimal(r.hour)],
          ["arrived", (r) => decimal(r.arrived)],
          ["perDay", (r) => decimal(r.perDay)],
        ],
        lang,
      );
    case "waitDistribution":
      return table(
        s.waitDistribution,
        [
          ["fromMinutes", (r) => decimal(r.fromMinutes)],
          ["toMinutes", (r) => decimal(r.toMinutes)],
          ["count", (r) => decimal(r.count)],
          ["share", (r) => percent(r.share)],
        ],
        lang,
      );
    case "waitingThroughDay":
      return table(
        s.waitingThroughDay,
        [
          ["time", (r) => r.time],
          ["mean", (r) => decimal(r.mean)],
          ["max", (r) => decimal(r.max)],
        ],
        lang,
      );
    default:
      return assertNever(which);
  }
}

function block(cells: Cell[][]): string {
  return stringify(cells, { delimiter: CSV_DELIMITER, record_delimiter: CRLF });
}

export interface CsvOptions {
  lang?: CsvLang;
  /** One table only (no title line); all of them by default. */
  table?: StatisticsTable;
}

export function statisticsCsv(s: StatisticsResponse, options: CsvOptions = {}): string {
  const lang = options.lang ?? "pl";
  if (options.table) return CSV_BOM + block(tableCells(s, options.table, lang));
  const blocks = (["range", ...STATISTICS_TABLES] as const).map((which) => {
    const cells = which === "range" ? rangeTable(s, lang) : tableCells(s, which, lang);
    return block([[TABLE_TITLES[which][lang]], ...cells]);
  });
  return CSV_BOM + blocks.join(CRLF);
}

/** The file name a download gets: statystyki-<site>-<from>-<to>.csv (statistics-… in English). */
export function statisticsCsvFileName(s: Pick<StatisticsResponse, "siteId" | "from" | "to">, lang: CsvLang = "pl"): string {
  const safe = s.siteId.replace(/[^A-Za-z0-9_-]/g, "_");
  return `${lang === "pl" ? "statystyki" : "statistics"}-${safe}-${s.from}-${s.to}.csv`;
}
