// "Pierwszeństwo obsługi": who the site serves first (its groups, in the kiosk's language), then on to the
// departments and matters to take a priority ticket. Nobody is asked to prove anything at the kiosk.
import type { HallSite } from "../../protocol/live.ts";
import { useI18n } from "../shared/i18n.tsx";
import { groupLabel } from "./ticket-needs.ts";

export function PriorityScreen(props: { priority: NonNullable<HallSite["priority"]>; onContinue: () => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  return (
    <main class="kiosk-screen kiosk-priority" data-testid="kiosk-priority">
      <h1 class="kiosk-title">{t("kiosk.prio.title")}</h1>
      <p class="kiosk-fact">{t("kiosk.prio.intro")}</p>
      <ul class="kiosk-prio-groups">
        {props.priority.groups.map((g) => (
          <li key={g.name}>{groupLabel(g, lang)}</li>
        ))}
      </ul>
      <p class="kiosk-prio-note">{t(props.priority.mode === "alternate" ? "kiosk.prio.noteAlternate" : "kiosk.prio.note")}</p>
      <button type="button" class="kiosk-choice kiosk-prio-continue" onClick={props.onContinue}>
        {t("kiosk.prio.continue")}
      </button>
      <button type="button" class="kiosk-choice kiosk-booking" onClick={props.onBack}>
        {t("common.back")}
      </button>
    </main>
  );
}
