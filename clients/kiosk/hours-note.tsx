// The start screen outside the office's hours: closed now, today's hours, and when it opens next,
// said before anyone chooses a department (a ticket cannot be taken until then).
import { useI18n } from "../shared/i18n.tsx";
import { hoursText, hourText, type OfficeNow } from "./office-hours.ts";

/** "środa, 2.12" / "Wednesday, 2/12": a date of the office's calendar in the kiosk's language. */
function dayName(date: string, lang: string): string {
  const locale = lang === "en" ? "en-GB" : lang;
  const fmt = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "numeric", timeZone: "UTC" });
  return fmt.format(Date.parse(`${date}T12:00:00Z`));
}

export function HoursNote(props: { office: OfficeNow }) {
  const { t, lang } = useI18n();
  const { today, next } = props.office;
  const again =
    next === null
      ? t("kiosk.hours.noNext")
      : next.inDays === 0
        ? t("kiosk.hours.nextToday", { time: hourText(next.from) })
        : next.inDays === 1
          ? t("kiosk.hours.nextTomorrow", { time: hourText(next.from) })
          : t("kiosk.hours.nextDay", { day: dayName(next.date, lang), time: hourText(next.from) });
  return (
    <section class="kiosk-hours" role="status" data-testid="kiosk-hours" aria-labelledby="kiosk-hours-title">
      <h2 class="kiosk-hours-title" id="kiosk-hours-title">
        {t("kiosk.hours.closedNow")}
      </h2>
      <p data-testid="kiosk-hours-today">
        {today.length > 0 ? t("kiosk.hours.today", { hours: hoursText(today) }) : t("kiosk.hours.todayClosed")}
      </p>
      <p class="kiosk-hours-next" data-testid="kiosk-hours-next">
        {again}
      </p>
    </section>
  );
}
