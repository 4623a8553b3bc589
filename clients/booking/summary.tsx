// What the citizen has chosen so far (matter, office, date and time), shown above steps 2-5.
import type { PublicSite } from "../../protocol/api.ts";
import { LocalName } from "../shared/components.tsx";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { MatterEntry } from "./catalogue.ts";
import { longDate } from "./dates.ts";

export function Summary(props: { matter: MatterEntry; site?: PublicSite; start?: string }) {
  const { t, lang } = useI18n();
  return (
    <section class="bk-summary" aria-label={t("bk.summary")}>
      <dl>
        <dt>{t("bk.matter")}</dt>
        <dd>
          <LocalName named={props.matter} />
        </dd>
        {props.site && (
          <>
            <dt>{t("bk.site")}</dt>
            <dd>
              {props.site.name}
              <br />
              <span class="muted">{props.site.address}</span>
            </dd>
          </>
        )}
        {props.start && (
          <>
            <dt>{t("bk.when")}</dt>
            <dd>{t("bk.dateTime", { date: longDate(lang, props.start.slice(0, 10)), time: siteClock(props.start) })}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
