// Tickets set aside after "Nie zgłosił się": they are called again here automatically (R5), and
// "Wezwij" calls one at once when its citizen comes back (the call counts as its next attempt).
import type { ClerkView } from "../../protocol/live.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";

export function MissedList(props: { view: ClerkView; canCall: boolean; onCall: (ticketId: string) => void }) {
  const { t } = useI18n();
  if (props.view.missed.length === 0) return null;
  return (
    <section class="missed" aria-labelledby="missed-title">
      <h2 id="missed-title" class="clerk-h2">
        {t("clerk.missed")}
      </h2>
      <ul class="missed-list" data-testid="missed">
        {props.view.missed.map((tk) => (
          <li key={tk.id} data-number={tk.number}>
            <span>
              <strong>{tk.number}</strong> – {t("clerk.missedRow", { misses: tk.misses, time: siteClock(tk.recallAt) })}
            </span>
            <button
              type="button"
              class="btn missed-call"
              disabled={!props.canCall}
              aria-label={t("clerk.callThisLabel", { number: tk.number })}
              onClick={() => props.onCall(tk.id)}
            >
              {t("clerk.callThis")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
