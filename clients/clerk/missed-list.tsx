// Tickets set aside after "Nie zgłosił się": they are called again here automatically (R5).
import type { ClerkView } from "../../protocol/live.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";

export function MissedList(props: { view: ClerkView }) {
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
            <strong>{tk.number}</strong> – {t("clerk.missedRow", { misses: tk.misses, time: siteClock(tk.recallAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
