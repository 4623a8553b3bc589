// One office on the /kolejki page: its name and address, when its figures are from, and a card per matter
// (open or closed now, people waiting, the wait range, open desks, the number called last).
import type { PublicMatterStatus, PublicSiteStatus, PublicSiteSummary } from "../../protocol/public-status.ts";
import { LocalName } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { waitRangeText } from "./wait-range-text.ts";

function MatterCard(props: { siteId: string; matter: PublicMatterStatus }) {
  const { t } = useI18n();
  const m = props.matter;
  return (
    <li class="q-matter" data-testid={`q-matter-${props.siteId}-${m.id}`}>
      <h3 class="q-matter-name">
        <LocalName named={m} /> <span class="q-prefix">({m.prefix})</span>
      </h3>
      <p class={`q-badge ${m.open ? "q-open" : "q-closed"}`}>{t(m.open ? "q.open" : "q.closed")}</p>
      <dl class="q-facts">
        <dt>{t("q.waiting")}</dt>
        <dd data-testid="q-waiting">{m.waiting}</dd>
        {m.waitRange ? (
          <>
            <dt>{t("q.wait")}</dt>
            <dd data-testid="q-wait">{waitRangeText(m.waitRange, t)}</dd>
          </>
        ) : null}
        <dt>{t("q.desks")}</dt>
        <dd data-testid="q-desks">{m.openDesks}</dd>
        <dt>{t("q.lastCalled")}</dt>
        <dd data-testid="q-last-called">{m.lastCalled ?? t("q.lastCalledNone")}</dd>
      </dl>
    </li>
  );
}

export function OfficeCard(props: { site: PublicSiteSummary; status: PublicSiteStatus | null }) {
  const { t } = useI18n();
  const { site, status } = props;
  const headingId = `q-office-${site.id}`;
  return (
    <section class="q-office" aria-labelledby={headingId} data-testid={`q-office-${site.id}`}>
      <h2 id={headingId}>{site.name}</h2>
      <p class="q-address">
        {site.address}, {site.city}
      </p>
      {!status ? (
        <p class="muted">{t("common.loading")}</p>
      ) : (
        <>
          <p class="q-updated" data-testid="q-updated">
            {t("q.updated", { time: status.time })}
          </p>
          <ul class="q-matters">
            {status.matters.map((m) => (
              <MatterCard key={m.id} siteId={site.id} matter={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
