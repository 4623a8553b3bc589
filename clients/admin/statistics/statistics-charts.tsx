// The charts of the statistics view: people waiting through the day, arrivals by hour, the weekday ×
// hour heat map (a real table with shaded cells, each cell's number written in it) and the wait
// distribution. Each chart has its numbers as a table too, in a <details> beside it.
import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import type { HourRow, WaitBucketRow, WaitingRow, WeekdayHourRow } from "../../../protocol/statistics.ts";
import { type Lang, LOCALE, useI18n } from "../../shared/i18n.tsx";
import { Figure } from "./figure.tsx";
import { formatCount, formatDecimal, formatShare } from "./figures-format.ts";
import { UPlotChart } from "./uplot-chart.tsx";

const PRIMARY = "#0b4f9c";
const SECOND = "#a4161a";

function ChartBox(props: { id: string; title: string; children: ComponentChildren; table: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section class="stats-box" aria-labelledby={`${props.id}-h`}>
      <h4 id={`${props.id}-h`}>{props.title}</h4>
      {props.children}
      <details class="stats-numbers">
        <summary>{t("stats.chart.numbers")}</summary>
        {props.table}
      </details>
    </section>
  );
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clockOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`;

export function WaitingChart(props: { rows: WaitingRow[] }) {
  const { t, lang } = useI18n();
  const x = useMemo(() => props.rows.map((r) => minutesOf(r.time)), [props.rows]);
  const series = useMemo(
    () => [
      {
        label: t("stats.chart.waitingMean"),
        style: t("stats.chart.solid"),
        kind: "line" as const,
        color: PRIMARY,
        values: props.rows.map((r) => r.mean),
      },
      {
        label: t("stats.chart.waitingMax"),
        style: t("stats.chart.dashed"),
        kind: "dashed" as const,
        color: SECOND,
        values: props.rows.map((r) => r.max),
      },
    ],
    [props.rows, t],
  );
  const title = t("stats.chart.waiting");
  return (
    <ChartBox
      id="stats-waiting"
      title={title}
      table={
        <table class="stats-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.col.time")}</th>
              <th scope="col">{t("stats.chart.waitingMean")}</th>
              <th scope="col">{t("stats.chart.waitingMax")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.time}>
                <th scope="row">{r.time}</th>
                <td>{formatDecimal(lang, r.mean)}</td>
                <td>{formatCount(lang, r.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {props.rows.length === 0 ? (
        <p class="muted">{t("stats.chart.empty")}</p>
      ) : (
        <UPlotChart name={title} x={x} xLabel={clockOf} xSteps={CLOCK_STEPS} series={series} testId="chart-waiting" />
      )}
    </ChartBox>
  );
}

const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;
const hourTick = (h: number) => String(h);
/** Tick steps: minutes of the day by the hour, whole hours, whole buckets. */
const CLOCK_STEPS = [60, 120, 180, 240];
const HOUR_STEPS = [1, 2, 3, 4, 6];
const BUCKET_STEPS = [1];

export function ByHourChart(props: { rows: HourRow[] }) {
  const { t, lang } = useI18n();
  const x = useMemo(() => props.rows.map((r) => r.hour), [props.rows]);
  const series = useMemo(
    () => [
      {
        label: t("stats.arrived"),
        style: t("stats.chart.bars"),
        kind: "bars" as const,
        color: PRIMARY,
        values: props.rows.map((r) => r.arrived),
      },
      {
        label: t("stats.served"),
        style: t("stats.chart.dashed"),
        kind: "dashed" as const,
        color: SECOND,
        values: props.rows.map((r) => r.served),
      },
    ],
    [props.rows, t],
  );
  const title = t("stats.chart.byHour");
  return (
    <ChartBox
      id="stats-hour"
      title={title}
      table={
        <table class="stats-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.col.hour")}</th>
              <th scope="col">{t("stats.arrived")}</th>
              <th scope="col">{t("stats.served")}</th>
              <th scope="col">{t("stats.waitP50")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.hour}>
                <th scope="row">{hourText(r.hour)}</th>
                <td>{formatCount(lang, r.arrived)}</td>
                <td>{formatCount(lang, r.served)}</td>
                <td>
                  <Figure value={r.waitMinutes.p50 === null ? null : `${formatCount(lang, r.waitMinutes.p50)} min`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <UPlotChart name={title} x={x} xLabel={hourTick} xSteps={HOUR_STEPS} series={series} testId="chart-hour" />
    </ChartBox>
  );
}

function weekdayNames(lang: Lang): string[] {
  const fmt = new Intl.DateTimeFormat(LOCALE[lang], { weekday: "short", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2024, 0, 1 + i)));
}

/** A cell's shade: white to a light blue at most, so black text on it keeps a contrast above 4.5:1. */
function shade(f: number): string {
  const k = Math.min(0.6, Math.max(0, f) * 0.6);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * k);
  return `rgb(${mix(255, 0x0b)} ${mix(255, 0x4f)} ${mix(255, 0x9c)})`;
}

/** The weekday × hour heat map: a table whose cells carry the number (per day of that weekday), shaded by it. */
export function WeekdayHourMap(props: { rows: WeekdayHourRow[] }) {
  const { t, lang } = useI18n();
  const hours = useMemo(() => {
    const used = props.rows.filter((r) => r.arrived > 0).map((r) => r.hour);
    const lo = used.length ? Math.min(7, ...used) : 7;
    const hi = used.length ? Math.max(17, ...used) : 17;
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  }, [props.rows]);
  const max = Math.max(0, ...props.rows.map((r) => r.perDay ?? 0));
  const cell = (weekday: number, hour: number) => props.rows.find((r) => r.weekday === weekday && r.hour === hour);
  const names = weekdayNames(lang);
  const title = t("stats.chart.heat");
  return (
    <section class="stats-box" aria-labelledby="stats-heat-h">
      <h4 id="stats-heat-h">{title}</h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable). */}
      <div class="stats-scroll" role="region" aria-labelledby="stats-heat-h" tabIndex={0}>
        <table class="stats-table stats-heat" data-testid="stats-heat">
          <caption>{t("stats.chart.heatCaption")}</caption>
          <thead>
            <tr>
              <td />
              {hours.map((h) => (
                <th key={h} scope="col">
                  {String(h).padStart(2, "0")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((name, i) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {hours.map((h) => {
                  const c = cell(i + 1, h);
                  const v = c?.perDay ?? null;
                  return (
                    <td key={h} style={{ background: v === null || max === 0 ? undefined : shade(v / max) }}>
                      {v === null ? "" : formatDecimal(lang, v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function bucketText(t: ReturnType<typeof useI18n>["t"], b: WaitBucketRow): string {
  return b.toMinutes === null
    ? t("stats.bucketOpen", { from: b.fromMinutes })
    : t("stats.bucket", { from: b.fromMinutes, to: b.toMinutes });
}

export function WaitDistributionChart(props: { rows: WaitBucketRow[] }) {
  const { t, lang } = useI18n();
  const x = useMemo(() => props.rows.map((_, i) => i), [props.rows]);
  const series = useMemo(
    () => [
      {
        label: t("stats.col.count"),
        style: t("stats.chart.bars"),
        kind: "bars" as const,
        color: PRIMARY,
        values: props.rows.map((r) => r.count),
      },
    ],
    [props.rows, t],
  );
  const label = (i: number) => {
    const b = props.rows[i];
    return b && Number.isInteger(i) ? (b.toMinutes === null ? `${b.fromMinutes}+` : `${b.fromMinutes}–${b.toMinutes}`) : "";
  };
  const title = t("stats.chart.waitDist");
  return (
    <ChartBox
      id="stats-dist"
      title={title}
      table={
        <table class="stats-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.col.bucket")}</th>
              <th scope="col">{t("stats.col.count")}</th>
              <th scope="col">{t("stats.col.share")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.fromMinutes}>
                <th scope="row">{bucketText(t, r)}</th>
                <td>{formatCount(lang, r.count)}</td>
                <td>
                  <Figure value={formatShare(lang, r.share)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {props.rows.length === 0 ? (
        <p class="muted">{t("stats.chart.empty")}</p>
      ) : (
        <UPlotChart name={title} x={x} xLabel={label} xSteps={BUCKET_STEPS} series={series} testId="chart-dist" />
      )}
    </ChartBox>
  );
}
