// A booked visit as a list of facts: office, address, date, time, ticket number and, where the office
// checks in at the kiosk, the check-in code with what to do with it. Shared by the confirmation and manage pages.
import type { PublicSite } from "../../protocol/api.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { longDate } from "./dates.ts";

export function VisitFacts(props: { site: PublicSite | null; matterName?: string; start?: string; ticketNumber?: string; checkInCode?: string }) {
  const { t, lang } = useI18n();
  return (
    <>
      <dl class="bk-facts" data-testid="visit">
        {props.matterName && (
          <>
            <dt>{t("bk.matter")}</dt>
            <dd>{props.matterName}</dd>
          </>
        )}
        {props.site && (
          <>
            <dt>{t("bk.site")}</dt>
            <dd data-testid="visit-site">{props.site.name}</dd>
            <dt>{t("bk.address")}</dt>
            <dd data-testid="visit-address">{props.site.address}</dd>
          </>
        )}
        {props.start && (
          <>
            <dt>{t("bk.date")}</dt>
            <dd data-testid="visit-date">{longDate(lang, props.start.slice(0, 10))}</dd>
            <dt>{t("bk.time")}</dt>
            <dd data-testid="visit-time">{siteClock(props.start)}</dd>
          </>
        )}
        {props.ticketNumber && (
          <>
            <dt>{t("bk.ticket")}</dt>
            <dd class="bk-big" data-testid="visit-ticket">
              {props.ticketNumber}
            </dd>
          </>
        )}
        {props.checkInCode && (
          <>
            <dt>{t("bk.checkInCode")}</dt>
            <dd class="bk-big bk-code" data-testid="visit-checkin">
              {props.checkInCode}
            </dd>
          </>
        )}
      </dl>
      {props.ticketNumber && <p class="bk-instruction">{props.checkInCode ? t("bk.checkInKiosk") : t("bk.checkInAuto")}</p>}
    </>
  );
}
