// The hall clock: the date and the time in Polish time (the offices' time zone), the date in the
// screen's main language ("poniedziałek, 30 listopada 2026", "Monday, 30 November 2026").
import { OFFICE_TZ } from "../shared/format.ts";
import { useNow } from "../shared/hooks.ts";
import { type Lang, useI18n } from "../shared/i18n.tsx";

const TIME = new Intl.DateTimeFormat("pl-PL", { hour: "2-digit", minute: "2-digit", timeZone: OFFICE_TZ });

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat("pl-PL", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: OFFICE_TZ }),
  en: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: OFFICE_TZ }),
  uk: new Intl.DateTimeFormat("uk-UA", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: OFFICE_TZ }),
};

const DAY = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: OFFICE_TZ });

/** The hall's date, as the screen shows it beside the clock. */
export function hallDate(lang: Lang, when: number): string {
  return DATE[lang].format(when);
}

export function Clock() {
  const { lang } = useI18n();
  const now = useNow(5_000);
  return (
    <div class="display-time">
      <time class="display-date" dateTime={DAY.format(now)} data-testid="display-date">
        {hallDate(lang, now)}
      </time>
      <time class="display-clock" dateTime={new Date(now).toISOString()}>
        {TIME.format(now)}
      </time>
    </div>
  );
}
