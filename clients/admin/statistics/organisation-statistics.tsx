// An organisation's sites side by side for the same range (GET /api/v1/statistics): one row per site
// with its totals, for the organisation's administrator.
import { useEffect, useState } from "preact/hooks";
import type { OrganisationStatisticsResponse } from "../../../protocol/statistics.ts";
import { errorCode } from "../../shared/api.ts";
import { useI18n } from "../../shared/i18n.tsx";
import type { ClientErrorCode } from "../../shared/messages.ts";
import { Figure } from "./figure.tsx";
import { formatCount, formatMinutes, formatShare } from "./figures-format.ts";
import type { DateRange } from "./range.ts";
import { authLost, readOrganisationStatistics } from "./statistics-api.ts";

export function OrganisationStatistics(props: { token: string; range: DateRange; tick: number; onAuthLost: () => void }) {
  const { t, lang } = useI18n();
  const [data, setData] = useState<OrganisationStatisticsResponse | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const { token, onAuthLost, tick } = props;
  const { from, to } = props.range;

  useEffect(() => {
    let stopped = false;
    setError(null);
    readOrganisationStatistics(token, { from, to }).then(
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
  }, [token, from, to, tick, onAuthLost]);

  const current = data && data.from === from && data.to === to ? data : null;
  const n = (v: number) => formatCount(lang, v);
  return (
    <section class="stats-org" aria-labelledby="stats-org-h">
      <h3 id="stats-org-h">{t("stats.org.title")}</h3>
      {error && (
        <p role="alert" class="adm-error">
          {t(`error.${error}`)}
        </p>
      )}
      {current ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable).
        <div class="stats-scroll" role="region" aria-labelledby="stats-org-h" tabIndex={0}>
          <table class="stats-table" data-testid="stats-org">
            <caption>{t("stats.org.caption", { from: current.from, to: current.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.col.site")}</th>
                <th scope="col">{t("stats.arrived")}</th>
                <th scope="col">{t("stats.served")}</th>
                <th scope="col">{t("stats.noShowShare")}</th>
                <th scope="col">{t("stats.waitP50")}</th>
                <th scope="col">{t("stats.waitP90")}</th>
                <th scope="col">{t("stats.waitMax")}</th>
                <th scope="col">{t("stats.serviceP50")}</th>
                <th scope="col">{t("stats.withinTarget")}</th>
                <th scope="col">{t("stats.bookingsMade")}</th>
              </tr>
            </thead>
            <tbody>
              {current.sites.map((s) => (
                <tr key={s.siteId} data-site={s.siteId}>
                  <th scope="row">{s.name ?? s.siteId}</th>
                  <td>{n(s.totals.arrived)}</td>
                  <td>{n(s.totals.served)}</td>
                  <td>
                    <Figure value={formatShare(lang, s.totals.noShowShare)} />
                  </td>
                  <td>
                    <Figure value={formatMinutes(lang, s.totals.waitMinutes.p50)} />
                  </td>
                  <td>
                    <Figure value={formatMinutes(lang, s.totals.waitMinutes.p90)} />
                  </td>
                  <td>
                    <Figure value={formatMinutes(lang, s.totals.waitMinutes.max)} />
                  </td>
                  <td>
                    <Figure value={formatMinutes(lang, s.totals.serviceMinutes.p50)} />
                  </td>
                  <td>
                    <Figure value={formatShare(lang, s.totals.withinTargetShare)} />
                  </td>
                  <td>{n(s.totals.bookings.made)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !error && <p class="muted">{t("common.loading")}</p>
      )}
    </section>
  );
}
