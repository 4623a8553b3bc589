// A booked visit as a list of facts: matter, what to bring, office, address with a map link, date, time,
// ticket number and, where the office
// checks in at the kiosk, the check-in code with what to do with it (and from how many minutes before the
// visit the kiosk takes it). Shared by the confirmation and manage pages.
import type { PublicSite } from "../../protocol/api.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { longDate } from "./dates.ts";

export interface Visit {
  matterName?: string;
  /** What to bring: the matter's hint. */
  bring?: string | undefined;
  siteName?: string;
  address?: string;
  start?: string;
  ticketNumber?: string | null;
  checkInCode?: string;
}

/** A matter of a site by its id (for its hint and visit length). */
export function matterOf(
  site: PublicSite | null | undefined,
  matterId: string,
): PublicSite["departments"][number]["matters"][number] | null {
  return site?.departments.flatMap((d) => d.matters).find((m) => m.id === matterId) ?? null;
}

/** The address on OpenStreetMap (a link only: no map script or tiles load on the page). */
export const mapUrl = (address: string): string => `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

export function VisitFacts(props: {
  visit: Visit;
  /** The arrival instruction (the visit is still ahead); null: say nothing about arriving. */
  instruction: { checkInEarlyMinutes: number | null } | null;
}) {
  const { t, lang } = useI18n();
  const v = props.visit;
  const early = props.instruction?.checkInEarlyMinutes ?? null;
  return (
    <>
      <dl class="bk-facts" data-testid="visit">
        {v.matterName && (
          <>
            <dt>{t("bk.matter")}</dt>
            <dd data-testid="visit-matter">{v.matterName}</dd>
          </>
        )}
        {v.bring && (
          <>
            <dt>{t("bk.bring")}</dt>
            <dd data-testid="visit-bring">{v.bring}</dd>
          </>
        )}
        {v.siteName && (
          <>
            <dt>{t("bk.site")}</dt>
            <dd data-testid="visit-site">{v.siteName}</dd>
          </>
        )}
        {v.address && (
          <>
            <dt>{t("bk.address")}</dt>
            <dd>
              <span data-testid="visit-address">{v.address}</span>{" "}
              <a class="bk-map" href={mapUrl(v.address)} target="_blank" rel="noopener noreferrer" data-testid="map-link">
                {t("bk.map")}
                <span class="visually-hidden"> {t("bk.newTab")}</span>
              </a>
            </dd>
          </>
        )}
        {v.start && (
          <>
            <dt>{t("bk.date")}</dt>
            <dd data-testid="visit-date">{longDate(lang, v.start.slice(0, 10))}</dd>
            <dt>{t("bk.time")}</dt>
            <dd data-testid="visit-time">{siteClock(v.start)}</dd>
          </>
        )}
        {v.ticketNumber && (
          <>
            <dt>{t("bk.ticket")}</dt>
            <dd class="bk-big" data-testid="visit-ticket">
              {v.ticketNumber}
            </dd>
          </>
        )}
        {v.checkInCode && (
          <>
            <dt>{t("bk.checkInCode")}</dt>
            <dd class="bk-big bk-code" data-testid="visit-checkin">
              {v.checkInCode}
            </dd>
          </>
        )}
      </dl>
      {props.instruction && v.ticketNumber && (
        <p class="bk-instruction" data-testid="visit-instruction">
          {!v.checkInCode
            ? t("bk.checkInAuto")
            : early !== null
              ? t("bk.checkInKiosk", { minutes: t("count.minutes", { n: early }) })
              : t("bk.checkInKioskSms")}
        </p>
      )}
    </>
  );
}
