// Step 3's month grid: days with free times are enabled; the others stay focusable but disabled
// (aria-disabled) and say why. One Tab stop: arrows move by day and week, Home/End to the week's
// ends, Page Up/Down by month, Enter or Space picks the day.
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";
import { type Availability, type DayStatus, dayStatus } from "./availability.ts";
import { addDays, addMonths, longDate, monthGrid, monthOf, monthTitle, weekdayNames, weekStart } from "./dates.ts";

const REASON: Record<Exclude<DayStatus, "free">, MessageKey> = {
  full: "bk.reasonFull",
  "today-over": "bk.reasonToday",
  closed: "bk.reasonClosed",
  past: "bk.reasonPast",
  beyond: "bk.reasonBeyond",
};

const lastDayOf = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1);

export function Calendar(props: { av: Availability; selected: string | null; onSelect: (date: string) => void }) {
  const { t, lang } = useI18n();
  const { av } = props;
  const start = props.selected ?? av.firstFree?.start.slice(0, 10) ?? av.from;
  const [focused, setFocused] = useState(start);
  const [note, setNote] = useState("");
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const month = monthOf(focused);
  const [minMonth, maxMonth] = [monthOf(av.from), monthOf(av.to)];

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const clamp = (date: string): string => {
    const lo = `${minMonth}-01`;
    const hi = lastDayOf(maxMonth);
    return date < lo ? lo : date > hi ? hi : date;
  };
  const moveFocus = (date: string) => {
    moved.current = true;
    setNote("");
    setFocused(clamp(date));
  };
  /** The same day of another month, or that month's last day. */
  const sameDayIn = (m: string): string => {
    const day = `${m}-${focused.slice(8)}`;
    const last = lastDayOf(m);
    return day > last ? last : day;
  };
  /** Showing another month: the focus goes to its first free day (or its first day); into the grid
   *  when the month button just pressed turns disabled (the first or last month). */
  const showMonth = (m: string) => {
    const days = monthGrid(m)
      .flat()
      .filter((d): d is string => d !== null);
    moved.current = m <= minMonth || m >= maxMonth;
    setNote("");
    setFocused(clamp(days.find((d) => dayStatus(av, d).status === "free") ?? days[0]!));
  };

  const onKey = (e: KeyboardEvent, date: string) => {
    // biome-ignore-start lint/correctness/noComponentHookFactories: the keys are KeyboardEvent key names, not components.
    const target: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => weekStart(date),
      End: () => addDays(weekStart(date), 6),
      PageUp: () => sameDayIn(addMonths(month, -1)),
      PageDown: () => sameDayIn(addMonths(month, 1)),
    };
    // biome-ignore-end lint/correctness/noComponentHookFactories: end of the key map.
    const next = target[e.key];
    if (!next) return;
    e.preventDefault();
    moveFocus(next());
  };

  const pick = (date: string) => {
    const info = dayStatus(av, date);
    setFocused(date);
    if (info.status === "free") {
      setNote("");
      props.onSelect(date);
    } else {
      setNote(t("bk.dayOff", { date: longDate(lang, date), reason: t(REASON[info.status]) }));
    }
  };

  const names = weekdayNames(lang);
  const today = av.from;
  return (
    <div class="bk-cal">
      <p id="bk-cal-help" class="muted bk-cal-help">
        {t("bk.calendarHelp")}{" "}
        <span class="bk-keys" data-testid="calendar-keys">
          {t("bk.calendarKeys")}
        </span>
      </p>
      <div class="bk-cal-nav">
        <button type="button" class="btn" disabled={month <= minMonth} onClick={() => showMonth(addMonths(month, -1))}>
          <span aria-hidden="true">‹</span>
          <span class="bk-cal-navtext">{t("bk.prevMonth")}</span>
        </button>
        <h3 id="bk-cal-month" class="bk-cal-month" aria-live="polite">
          {monthTitle(lang, month)}
        </h3>
        <button type="button" class="btn" disabled={month >= maxMonth} onClick={() => showMonth(addMonths(month, 1))}>
          <span class="bk-cal-navtext">{t("bk.nextMonth")}</span>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={table} class="bk-cal-grid" aria-labelledby="bk-cal-month" aria-describedby="bk-cal-help" data-testid="calendar">
        <thead>
          <tr>
            {names.map(([short, long]) => (
              <th key={long} scope="col">
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: a blank cell before the 1st or after the last day keeps its place in the week.
                if (!date) return <td key={i} />;
                const info = dayStatus(av, date);
                const free = info.status === "free";
                const label =
                  info.status === "free"
                    ? t("bk.dayFree", { date: longDate(lang, date), times: t("count.freeTimes", { n: info.slots.length }) })
                    : t("bk.dayOff", { date: longDate(lang, date), reason: t(REASON[info.status]) });
                return (
                  <td key={date}>
                    <button
                      type="button"
                      class={`bk-day ${free ? "bk-day-free" : "bk-day-off"} ${date === today ? "bk-day-today" : ""}`}
                      data-date={date}
                      data-status={info.status}
                      tabIndex={date === focused ? 0 : -1}
                      aria-label={label}
                      aria-disabled={free ? undefined : "true"}
                      aria-pressed={free ? date === props.selected : undefined}
                      aria-current={date === today ? "date" : undefined}
                      onKeyDown={(e) => onKey(e, date)}
                      onClick={() => pick(date)}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="bk-cal-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
