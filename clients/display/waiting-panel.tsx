// Waiting counts per matter, grouped by department, with the matter names from GET /api/v1/sites.
import type { PublicSite } from "../../protocol/api.ts";
import type { WaitingCount } from "../../protocol/live.ts";
import { useI18n } from "../shared/i18n.tsx";

export function WaitingPanel(props: { waiting: WaitingCount[]; site: PublicSite | null }) {
  const { t } = useI18n();
  const counts = new Map(props.waiting.map((w) => [w.matterId, w.count]));
  const matters = props.site
    ? props.site.departments.flatMap((d) => d.matters)
    : props.waiting.map((w) => ({ id: w.matterId, name: w.matterId, prefix: "" }));
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="waiting-title">
        {t("display.waiting")}
      </h2>
      <ul class="waiting-list" data-testid="waiting-list">
        {matters.map((m) => (
          <li key={m.id} class="waiting-item" data-matter={m.id}>
            <span class="waiting-prefix" aria-hidden="true">
              {m.prefix}
            </span>
            <span class="waiting-name">{m.name}</span>
            {/* The number for the eye, the sentence for a screen reader (a plain span cannot carry a label). */}
            <span class="waiting-count" aria-hidden="true">
              {counts.get(m.id) ?? 0}
            </span>
            <span class="visually-hidden">{t("count.waiting", { n: counts.get(m.id) ?? 0 })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
