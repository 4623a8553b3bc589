// The manager page's "Statystyki" view of a site: a date range (today live, yesterday, the last 7 or
// 30 days, a month, a custom range) and the grouping of the period table; the totals as cards, the
// charts (each with its numbers as a table), the tables by department, matter, desk, clerk and period,
// and "Pobierz CSV" of the range in the page's language. An organisation's administrator also sees all
// its sites side by side for the same range.
import { useEffect, useState } from "preact/hooks";
import type { StatisticsGrouping, StatisticsResponse } from "../../../protocol/statistics.ts";
import { STATISTICS_GROUPINGS } from "../../../protocol/statistics-words.ts";
import { errorCode } from "../../shared/api.ts";
import { officeDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n.tsx";
import type { ClientErrorCode } from "../../shared/messages.ts";
import { saveFile } from "../audit-api.ts";
import { OrganisationStatistics } from "./organisation-statistics.tsx";
import { type DateRange, officeToday, RANGE_KINDS, type RangeChoice, rangeOf, recentMonths } from "./range.ts";
import { RangeHitsTable } from "./range-hits-table.tsx";
import { authLost, readSiteStatistics, siteStatisticsCsv } from "./statistics-api.ts";
import { StatisticsCards } from "./statistics-cards.tsx";
import { ByHourChart, WaitDistributionChart, WaitingChart, WeekdayHourMap } from "./statistics-charts.tsx";
import { GroupTable, PeriodTable, StaffTable } from "./statistics-tables.tsx";
import "./statistics.css";

/** How often today's live figures are read again. */
const LIVE_MS = 60_000;

export interface StatisticsPanelProps {
  siteId: string;
  siteName: string;
  token: string;
  /** An organisation's administrator: all its sites side by side too. */
  organisation: boolean;
  /** Whether the view is shown: hidden, it reads nothing. */
  shown: boolean;
  onAuthLost: () => void;
}

function RangeForm(props: {
  choice: RangeChoice;
  onChoice: (c: RangeChoice) => void;
  groupBy: StatisticsGrouping;
  onGroupBy: (g: StatisticsGrouping) => void;
  today: string;
}) {
  const { t } = useI18n();
  const c = props.choice;
  return (
    <form class="stats-range" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t("stats.range")}</legend>
        <div class="stats-kinds">
          {RANGE_KINDS.map((k) => (
            <label key={k} class="stats-kind">
              <input type="radio" name="stats-kind" value={k} checked={c.kind === k} onChange={() => props.onChoice({ ...c, kind: k })} />
              {t(`stats.range.${k}`)}
            </label>
          ))}
        </div>
        {c.kind === "month" && (
          <p class="stats-field">
            <label for="stats-month">{t("stats.month")}</label>
            <select id="stats-month" value={c.month} onChange={(e) => props.onChoice({ ...c, month: e.currentTarget.value })}>
              {recentMonths(props.today).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </p>
        )}
        {c.kind === "custom" && (
          <p class="stats-field">
            <label for="stats-from">{t("stats.from")}</label>
            <input
              id="stats-from"
              type="date"
              value={c.from}
              max={props.today}
              onChange={(e) => props.onChoice({ ...c, from: e.currentTarget.value })}
            />
            <label for="stats-to">{t("stats.to")}</label>
            <input
              id="stats-to"
              type="date"
              value={c.to}
              max={props.today}
              onChange={(e) => props.onChoice({ ...c, to: e.currentTarget.value })}
            />
          </p>
        )}
      </fieldset>
      <p class="stats-field">
        <label for="stats-group">{t("stats.groupBy")}</label>
        <select
          id="stats-group"
          value={props.groupBy}
          onChange={(e) => props.onGroupBy(STATISTICS_GROUPINGS.find((g) => g === e.currentTarget.value) ?? "day")}
        >
          {STATISTICS_GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`stats.groupBy.${g}`)}
            </option>
          ))}
        </select>
      </p>
    </form>
  );
}

export function StatisticsPanel(props: StatisticsPanelProps) {
  const { t, lang } = useI18n();
  const [today, setToday] = useState(() => officeToday(Date.now()));
  const [choice, setChoice] = useState<RangeChoice>(() => ({ kind: "today", month: today.slice(0, 7), from: today, to: today }));
  const [groupBy, setGroupBy] = useState<StatisticsGrouping>("day");
  const [data, setData] = useState<StatisticsResponse | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const [tick, setTick] = useState(0);
  const { siteId, token, onAuthLost, shown } = props;
  const range: DateRange | null = rangeOf(choice, today);
  const from = range?.from;
  const to = range?.to;

  // Today's figures are live: read again every minute while shown (and the date moves on at midnight).
  useEffect(() => {
    if (!shown || choice.kind !== "today") return;
    const timer = setInterval(() => {
      setToday(officeToday(Date.now()));
      setTick((n) => n + 1);
    }, LIVE_MS);
    return () => clearInterval(timer);
  }, [shown, choice.kind]);

  useEffect(() => {
    if (!shown || !from || !to) return;
    let stopped = false;
    setError(null);
    readSiteStatistics(token, siteId, { from, to }, groupBy).then(
      (answer) => {
        if (!stopped) setData(answer);
      },
      (err: unknown) => {
        if (stopped) return;
        if (authLost(err)) return onAuthLost();
        setError(errorCode(err));
      },
    );
    return () => {
      stopped = true;
    };
  }, [shown, siteId, token, from, to, groupBy, tick, onAuthLost]);

  const downloadCsv = async () => {
    if (busy || !from || !to) return;
    setBusy(true);
    setSaved("");
    setError(null);
    try {
      const blob = await siteStatisticsCsv(token, siteId, { from, to }, groupBy, lang === "en" ? "en" : "pl");
      const name = `statystyki-${siteId}-${from}-${to}.csv`;
      saveFile(blob, name);
      setSaved(t("stats.csvSaved", { file: name }));
    } catch (err) {
      if (authLost(err)) return onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  const current = data && data.from === from && data.to === to ? data : null;
  return (
    <section class="stats" aria-labelledby="stats-title">
      <h2 id="stats-title">{t("stats.titleOf", { name: props.siteName })}</h2>
      <RangeForm choice={choice} onChoice={setChoice} groupBy={groupBy} onGroupBy={setGroupBy} today={today} />
      {!range && (
        <p role="alert" class="adm-error">
          {t("stats.badRange")}
        </p>
      )}
      <div class="stats-actions">
        <button type="button" class="btn" onClick={() => void downloadCsv()} disabled={busy || !range}>
          {busy ? t("stats.csvBusy") : t("stats.csv")}
        </button>
        <p role="status" class="adm-outcome" data-testid="stats-saved">
          {saved}
        </p>
      </div>
      {error && (
        <p role="alert" class="adm-error">
          {t(`error.${error}`)}
        </p>
      )}
      <p role="status" class="stats-showing" data-testid="stats-showing">
        {range && current
          ? t("stats.showing", { from: current.from, to: current.to, days: current.days, at: officeDateTime(lang, current.generatedAt) })
          : range && !error
            ? t("common.loading")
            : ""}
      </p>
      {current && (
        <>
          <h3>{t("stats.totals")}</h3>
          <StatisticsCards totals={current.totals} />
          <h3>{t("stats.charts")}</h3>
          <div class="stats-charts">
            <WaitingChart rows={current.waitingThroughDay} />
            <ByHourChart rows={current.byHour} />
            <WaitDistributionChart rows={current.waitDistribution} />
            <WeekdayHourMap rows={current.byWeekdayHour} />
          </div>
          <h3>{t("stats.tables")}</h3>
          <GroupTable caption="stats.byDepartment" head="stats.col.department" rows={current.byDepartment} testId="stats-by-department" />
          <GroupTable caption="stats.byMatter" head="stats.col.matter" rows={current.byMatter} testId="stats-by-matter" />
          <StaffTable caption="stats.byDesk" head="stats.col.desk" rows={current.byDesk} testId="stats-by-desk" />
          <StaffTable caption="stats.byClerk" head="stats.col.clerk" rows={current.byClerk} testId="stats-by-clerk" />
          <PeriodTable rows={current.byPeriod} />
        </>
      )}
      <RangeHitsTable token={token} siteId={siteId} today={today} tick={tick} shown={shown} onAuthLost={onAuthLost} />
      {props.organisation && range && <OrganisationStatistics token={token} range={range} tick={tick} onAuthLost={onAuthLost} />}
    </section>
  );
}
