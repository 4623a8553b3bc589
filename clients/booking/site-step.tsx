// Step 2: the offices of the city that offer the chosen matter, with their addresses and the first
// free time at each; an office with nothing free says so instead of offering a dead end.
import type { PublicSite } from "../../protocol/api.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { useAvailability } from "./availability.ts";
import type { MatterEntry } from "./catalogue.ts";
import { shortDate } from "./dates.ts";
import { StepHeading } from "./step-heading.tsx";

export function SiteStep(props: { sites: PublicSite[]; matter: MatterEntry; focus: boolean; onSite: (s: PublicSite) => void }) {
  const { t } = useI18n();
  const offering = props.sites.filter((s) => props.matter.siteIds.includes(s.id));
  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 2 })}>
        {t("bk.siteTitle")}
      </StepHeading>
      <ul class="bk-choices">
        {offering.map((s) => (
          <li key={s.id}>
            <SiteOption site={s} matterId={props.matter.id} onPick={() => props.onSite(s)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SiteOption(props: { site: PublicSite; matterId: string; onPick: () => void }) {
  const { t, lang } = useI18n();
  const av = useAvailability(props.site.id, props.matterId);
  const first = av.data?.firstFree;
  const note = av.error
    ? t(`error.${av.error}`)
    : !av.data
      ? t("bk.siteChecking")
      : first
        ? t("bk.siteFirstFree", {
            when: t("bk.dateTime", { date: shortDate(lang, first.start.slice(0, 10)), time: siteClock(first.start) }),
          })
        : t("bk.siteNoneFree");
  const body = (
    <>
      <span class="bk-choice-main">{props.site.name}</span>
      <span class="bk-choice-addr">{props.site.address}</span>
      <span class="bk-choice-sub">{note}</span>
    </>
  );
  if (av.data && !first) {
    return (
      <div class="bk-choice bk-choice-off" data-site={props.site.id}>
        {body}
      </div>
    );
  }
  return (
    <button type="button" class="bk-choice" data-site={props.site.id} onClick={props.onPick}>
      {body}
    </button>
  );
}
