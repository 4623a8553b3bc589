// "Dodaj do kalendarza": a link that downloads the visit as an .ics file (clients/booking/ics.ts), made in
// the page from what it shows; nothing is sent anywhere.
import { useEffect, useMemo } from "preact/hooks";
import { useI18n } from "../shared/i18n.tsx";
import { visitIcs } from "./ics.ts";

/** A visit's length when the site list does not say (an older server). */
const DEFAULT_MINUTES = 15;

export function AddToCalendar(props: {
  siteId: string;
  siteName: string;
  address: string;
  matterName: string;
  start: string;
  ticketNumber: string | null;
  minutes?: number | undefined;
  hint?: string | undefined;
}) {
  const { t } = useI18n();
  const p = props;
  const ics = useMemo(
    () =>
      visitIcs({
        uid: `${p.siteId}-${p.start.slice(0, 16).replace(/\D/g, "")}-${p.ticketNumber ?? "visit"}@numerek`,
        start: p.start,
        minutes: p.minutes ?? DEFAULT_MINUTES,
        summary: t("bk.ics.summary", { matter: p.matterName, office: p.siteName }),
        location: p.address,
        description: [
          p.siteName,
          ...(p.ticketNumber ? [t("bk.ics.ticket", { ticket: p.ticketNumber })] : []),
          ...(p.hint ? [t("bk.ics.bring", { hint: p.hint })] : []),
        ].join("\n"),
        now: Date.now(),
      }),
    [p.siteId, p.siteName, p.address, p.matterName, p.start, p.ticketNumber, p.minutes, p.hint, t],
  );
  const href = useMemo(() => URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" })), [ics]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <p>
      <a class="btn bk-calendar" href={href} download={`wizyta-${p.start.slice(0, 10)}.ics`} data-testid="add-to-calendar">
        {t("bk.addToCalendar")} {t("bk.calendarFile")}
      </a>
    </p>
  );
}
