// The breakdown tables: by department, matter, desk, clerk and period. Each has a caption and scope'd
// headers; numbers are in the page's language (a decimal comma in Polish).
import type { GroupRow, PeriodRow, StaffRow, VisitFigures } from "../../../protocol/statistics.ts";
import { type Lang, useI18n } from "../../shared/i18n.tsx";
import type { MessageKey } from "../../shared/messages.ts";
import { Figure } from "./figure.tsx";
import { formatCount, formatDecimal, formatMinutes, formatShare } from "./figures-format.ts";

const VISIT_COLUMNS: MessageKey[] = [
  "stats.arrived",
  "stats.served",
  "stats.noShows",
  "stats.noShowShare",
  "stats.cancelled",
  "stats.waitP50",
  "stats.waitP90",
  "stats.waitMax",
  "stats.serviceP50",
  "stats.withinTarget",
];
const STAFF_COLUMNS: MessageKey[] = ["stats.perClerkHour", "stats.clerkServing", "stats.clerkIdle", "stats.clerkBreak"];

function visitCells(lang: Lang, r: VisitFigures): (string | null)[] {
  const n = (v: number) => formatCount(lang, v);
  return [
    n(r.arrived),
    n(r.served),
    n(r.noShows),
    formatShare(lang, r.noShowShare),
    n(r.cancelled),
    formatMinutes(lang, r.waitMinutes.p50),
    formatMinutes(lang, r.waitMinutes.p90),
    formatMinutes(lang, r.waitMinutes.max),
    formatMinutes(lang, r.serviceMinutes.p50),
    formatShare(lang, r.withinTargetShare),
  ];
}

function staffCells(lang: Lang, r: StaffRow | PeriodRow): (string | null)[] {
  const h = (m: number) => `${formatDecimal(lang, m / 60)} h`;
  return [formatDecimal(lang, r.ticketsPerClerkHour), h(r.clerkMinutes.serving), h(r.clerkMinutes.idle), h(r.clerkMinutes.break)];
}

interface Row {
  id: string;
  head: string;
  cells: (string | null)[];
}

export function FiguresTable(props: { caption: string; head: MessageKey; columns: MessageKey[]; rows: Row[]; testId: string }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable).
    <div class="stats-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="stats-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(props.head)}</th>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length + 1}>{t("stats.noRows")}</td>
            </tr>
          ) : (
            props.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.head}</th>
                {r.cells.map((c, i) => (
                  <td key={props.columns[i]}>
                    <Figure value={c} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function GroupTable(props: { caption: MessageKey; head: MessageKey; rows: GroupRow[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <FiguresTable
      caption={t(props.caption)}
      head={props.head}
      columns={VISIT_COLUMNS}
      rows={props.rows.map((r) => ({ id: r.id, head: r.name ?? r.id, cells: visitCells(lang, r) }))}
      testId={props.testId}
    />
  );
}

export function StaffTable(props: { caption: MessageKey; head: MessageKey; rows: StaffRow[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <FiguresTable
      caption={t(props.caption)}
      head={props.head}
      columns={[...VISIT_COLUMNS, ...STAFF_COLUMNS]}
      rows={props.rows.map((r) => ({ id: r.id, head: r.name ?? r.id, cells: [...visitCells(lang, r), ...staffCells(lang, r)] }))}
      testId={props.testId}
    />
  );
}

export function PeriodTable(props: { rows: PeriodRow[] }) {
  const { t, lang } = useI18n();
  return (
    <FiguresTable
      caption={t("stats.byPeriod")}
      head="stats.col.period"
      columns={[...VISIT_COLUMNS, ...STAFF_COLUMNS]}
      rows={props.rows.map((r) => ({ id: r.period, head: r.period, cells: [...visitCells(lang, r), ...staffCells(lang, r)] }))}
      testId="stats-by-period"
    />
  );
}
