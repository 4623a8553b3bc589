// "Przerwa": the desk pauses for a reason the clerk picks (a break, training, something else); the
// reason is kept for the statistics and named on the desk's screen.
import { useRef } from "preact/hooks";
import type { PauseReason } from "../../protocol/api.ts";
import { useFocusOnMount } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";

/** Every reason the API takes, with its words (a Record: a reason added there must be named here). */
export const PAUSE_LABELS: Record<PauseReason, MessageKey> = {
  break: "pause.break",
  training: "pause.training",
  other: "pause.other",
};
const REASONS = Object.keys(PAUSE_LABELS) as PauseReason[];

export function PausePanel(props: { pending: boolean; onPause: (reason: PauseReason) => void; onClose: () => void }) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useFocusOnMount(first);
  return (
    <section
      class="pause-panel"
      aria-labelledby="pause-title"
      data-testid="pause-panel"
      onKeyDown={(e) => e.key === "Escape" && props.onClose()}
    >
      <h2 id="pause-title" class="clerk-h2">
        {t("clerk.pauseTitle")}
      </h2>
      <div class="pause-reasons">
        {REASONS.map((reason, i) => (
          <button
            key={reason}
            ref={i === 0 ? first : undefined}
            type="button"
            class="btn"
            data-reason={reason}
            disabled={props.pending}
            onClick={() => props.onPause(reason)}
          >
            {t(PAUSE_LABELS[reason])}
          </button>
        ))}
        <button type="button" class="btn" onClick={props.onClose}>
          {t("clerk.cancel")}
        </button>
      </div>
    </section>
  );
}
