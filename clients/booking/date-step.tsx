// Step 3: a day from the calendar of days with free times, then one of that day's free times.
import { useRef, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { dayStatus, useAvailability } from "./availability.ts";
import { Calendar } from "./calendar.tsx";
import type { MatterEntry } from "./catalogue.ts";
import { longDate } from "./dates.ts";
import { StepHeading } from "./step-heading.tsx";

export function DateStep(props: { site: PublicSite; matter: MatterEntry; slotGone: boolean; focus: boolean; onPick: (start: string) => void }) {
  const { t, lang } = useI18n();
  const av = useAvailability(props.site.id, props.matter.id);
  const [day, setDay] = useState<string | null>(null);
  const timesTitle = useRef<HTMLHeadingElement>(null);
  const slots = av.data && day ? dayStatus(av.data, day).slots : [];

  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 3 })}>
        {t("bk.dateTitle")}
      </StepHeading>
      {props.slotGone && (
        <p class="bk-alert" role="alert">
          {t("bk.slotGone")}
        </p>
      )}
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
        <>
          <h3 class="visually-hidden">{t("bk.calendar")}</h3>
          <Calendar
            av={av.data}
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
            {day && (
              <ul class="bk-times" data-testid="times">
                {slots.map((s) => (
                  <li key={s.start}>
                    <button type="button" class="bk-time" data-start={s.start} onClick={() => props.onPick(s.start)}>
                      {siteClock(s.start)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
