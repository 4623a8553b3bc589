// A day from the calendar of days with free times, then one of that day's free times: step 3 of the
// booking and "Zmień termin" on the manage page. The focus follows the picked day to its times.
import { useRef, useState } from "preact/hooks";
import { ErrorNote } from "../shared/components.tsx";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { type Availability, dayStatus, useAvailability } from "./availability.ts";
import { Calendar } from "./calendar.tsx";
import { longDate } from "./dates.ts";

/**
 * Parts of the day the times are grouped in, by the hour on the office's clock where they start: an office
 * open 8-16 shows the middle three; one open around the clock has its night and evening too.
 */
const PARTS = [
  { key: "bk.partNight", until: 6 },
  { key: "bk.partMorning", until: 10 },
  { key: "bk.partMidday", until: 12 },
  { key: "bk.partAfternoon", until: 18 },
  { key: "bk.partEvening", until: 24 },
] as const;

/** The part of the day a time starting at `hour` (0-23, the office's clock) is listed under. */
export function dayPart(hour: number): (typeof PARTS)[number]["key"] {
  return (PARTS.find((p) => hour < p.until) ?? PARTS[PARTS.length - 1]!).key;
}

/** One day's free times as buttons, grouped by part of the day; `skip` leaves out a start (the visit's own time when changing it). */
export function TimeList(props: {
  av: Availability;
  day: string;
  skip?: string | undefined;
  disabled?: boolean;
  onPick: (start: string) => void;
}) {
  const { t } = useI18n();
  const slots = dayStatus(props.av, props.day).slots.filter((s) => s.start !== props.skip);
  const hour = (start: string) => Number(siteClock(start).slice(0, 2));
  const groups = PARTS.map((part) => ({ part, slots: slots.filter((s) => dayPart(hour(s.start)) === part.key) })).filter(
    (g) => g.slots.length > 0,
  );
  return (
    <div class="bk-times-parts" data-testid="times">
      {groups.map(({ part, slots: times }) => (
        <div key={part.key} class="bk-times-part">
          <h4 class="bk-part">{t(part.key)}</h4>
          <ul class="bk-times">
            {times.map((s) => (
              <li key={s.start}>
                <button
                  type="button"
                  class="bk-time"
                  data-start={s.start}
                  disabled={props.disabled ?? false}
                  onClick={() => props.onPick(s.start)}
                >
                  {siteClock(s.start)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function SlotPicker(props: {
  av: Availability;
  skip?: string | undefined;
  disabled?: boolean;
  /** The day shown first with its times (the day last chosen, when the citizen comes back to choose again). */
  day?: string | undefined;
  onPick: (start: string) => void;
}) {
  const { t, lang } = useI18n();
  const [day, setDay] = useState<string | null>(props.day ?? null);
  const timesTitle = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <h3 class="visually-hidden">{t("bk.calendar")}</h3>
      <Calendar
        av={props.av}
        selected={day}
        onSelect={(d) => {
          setDay(d);
          // The day's times follow the grid: take the focus there, ready for Tab.
          requestAnimationFrame(() => timesTitle.current?.focus());
        }}
      />
      <section class="bk-times-box" aria-labelledby="bk-times-title">
        <h3 id="bk-times-title" ref={timesTitle} tabIndex={-1} class="bk-sub">
          {day ? t("bk.timesTitle", { date: longDate(lang, day) }) : t("bk.timesPick")}
        </h3>
        {day && <TimeList av={props.av} day={day} skip={props.skip} disabled={props.disabled ?? false} onPick={props.onPick} />}
      </section>
    </>
  );
}

/** The free days and times of a matter at a site, loaded here: retry on error, "loading", "nothing free", or the picker. */
export function FreeSlots(props: {
  siteId: string;
  matterId: string;
  skip?: string | undefined;
  disabled?: boolean;
  day?: string | undefined;
  onPick: (start: string) => void;
}) {
  const { t } = useI18n();
  const av = useAvailability(props.siteId, props.matterId);
  return (
    <>
      {av.error && (
        <>
          <ErrorNote code={av.error} />
          <button type="button" class="btn" onClick={av.reload}>
            {t("common.retry")}
          </button>
        </>
      )}
      {!av.data && !av.error && <p class="muted">{t("common.loading")}</p>}
      {av.data && !av.data.firstFree && <p class="bk-alert">{t("bk.noFreeDays")}</p>}
      {av.data?.firstFree && (
        <SlotPicker av={av.data} skip={props.skip} disabled={props.disabled ?? false} day={props.day} onPick={props.onPick} />
      )}
    </>
  );
}
