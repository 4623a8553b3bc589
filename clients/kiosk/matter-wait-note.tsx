// The line under a matter's name on its button: "3 osoby czekają · ok. 15–25 min" (the range worded as the
// ticket prints it, protocol/wait-wording.ts). Read with the button by screen readers (aria-describedby).
import { waitRangeText } from "../../protocol/wait-wording.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { MatterWait } from "./matter-waits.ts";

export function MatterWaitNote(props: { id: string; wait: MatterWait | undefined }) {
  const { t, lang } = useI18n();
  const w = props.wait;
  if (!w) return null;
  const people = w.count > 0 ? t("kiosk.matterWaiting", { n: w.count }) : t("kiosk.matterNobody");
  return (
    <span class="kiosk-wait" id={props.id} data-testid="matter-wait">
      {w.range ? `${people} · ${waitRangeText(w.range, lang)}` : people}
    </span>
  );
}
