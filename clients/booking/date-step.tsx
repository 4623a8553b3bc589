// Step 3: a day from the calendar of days with free times, then one of that day's free times.
import type { PublicSite } from "../../protocol/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { MatterEntry } from "./catalogue.ts";
import { FreeSlots } from "./slot-picker.tsx";
import { StepHeading } from "./step-heading.tsx";

export function DateStep(props: {
  site: PublicSite;
  matter: MatterEntry;
  slotGone: boolean;
  focus: boolean;
  onPick: (start: string) => void;
}) {
  const { t } = useI18n();

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
      <FreeSlots siteId={props.site.id} matterId={props.matter.id} onPick={props.onPick} />
    </section>
  );
}
