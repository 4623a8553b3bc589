// Step 3: a day from the calendar of days with free times, then one of that day's free times.
import type { PublicSite } from "../../protocol/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { useAvailability } from "./availability.ts";
import type { MatterEntry } from "./catalogue.ts";
import { SlotPicker } from "./slot-picker.tsx";
import { StepHeading } from "./step-heading.tsx";

export function DateStep(props: { site: PublicSite; matter: MatterEntry; slotGone: boolean; focus: boolean; onPick: (start: string) => void }) {
  const { t } = useI18n();
  const av = useAvailability(props.site.id, props.matter.id);

  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 3 })}>
        {t("bk.dateTitle")}
      </StepHeading>
      {props.slotGone && (
        <p class="bk-alert" role="alert">
          {t("bk.slotGone")}
        </p>
      )}
      {av.error && (
        <>
          <ErrorNote code={av.error} />
          <button type="button" class="btn" onClick={av.reload}>
            {t("common.retry")}
          </button>
        </>
      )}
      {!av.data && !av.error && <p class="muted">{t("common.loading")}</p>}
      {av.data && !av.data.firstFree && <p class="bk-alert">{t("bk.noFreeDays")}</p>}
      {av.data?.firstFree && <SlotPicker av={av.data} onPick={props.onPick} />}
    </section>
  );
}
