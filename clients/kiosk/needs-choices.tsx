// On the kiosk's start screen, where the site offers them: "Pierwszeństwo obsługi" (its groups explained
// first) and "Potrzebuję tłumacza PJM" (pressed: the ticket asks for the site's remote interpreter).
// While chosen, each says so, and a priority choice can be taken back.
import type { HallSite } from "../../protocol/live.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { TicketNeeds } from "./ticket-needs.ts";

export function NeedsChoices(props: {
  site: Pick<HallSite, "priority" | "interpreter">;
  needs: TicketNeeds;
  onPriority: () => void;
  onNeeds: (needs: TicketNeeds) => void;
}) {
  const { t } = useI18n();
  const { needs } = props;
  if (!props.site.priority && !props.site.interpreter) return null;
  return (
    <div class="kiosk-needs">
      {props.site.priority &&
        (needs.priority ? (
          <p class="kiosk-needs-on" role="status" data-testid="kiosk-priority-on">
            <span>{t("kiosk.prio.active")}</span>
            <button type="button" class="kiosk-needs-undo" onClick={() => props.onNeeds({ ...needs, priority: false })}>
              {t("kiosk.prio.cancel")}
            </button>
          </p>
        ) : (
          <button type="button" class="kiosk-choice kiosk-booking" onClick={props.onPriority}>
            {t("kiosk.prio.button")}
          </button>
        ))}
      {props.site.interpreter && (
        <button
          type="button"
          class="kiosk-choice kiosk-booking kiosk-pjm"
          aria-pressed={needs.interpreter ? "true" : "false"}
          onClick={() => props.onNeeds({ ...needs, interpreter: !needs.interpreter })}
        >
          {needs.interpreter && <span aria-hidden="true">✓ </span>}
          {t("kiosk.pjm.button")}
        </button>
      )}
      {props.site.interpreter && needs.interpreter && (
        <p class="kiosk-needs-on" role="status">
          {t("kiosk.pjm.on")}
        </p>
      )}
    </div>
  );
}
