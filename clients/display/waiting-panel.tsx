// Waiting counts per matter, in the configuration's order, with the matter names in the screen's
// languages (from the live view; the public site list until it arrives).
import type { WaitingCount } from "../../protocol/live.ts";
import { type Lang, useI18n } from "../shared/i18n.tsx";
import { HallText, MatterName } from "./hall-texts.tsx";

interface Matter {
  id: string;
  name: string;
  nameEn?: string | null;
  prefix: string;
}

interface Department {
  matters: readonly Matter[];
}

export function WaitingPanel(props: { waiting: WaitingCount[]; departments: readonly Department[]; langs: readonly Lang[] }) {
  const { t } = useI18n();
  const counts = new Map(props.waiting.map((w) => [w.matterId, w.count]));
  const matters: readonly Matter[] = props.departments.length
    ? props.departments.flatMap((d) => d.matters)
    : props.waiting.map((w) => ({ id: w.matterId, name: w.matterId, prefix: "" }));
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="waiting-title">
        <HallText k="display.waiting" langs={props.langs} />
      </h2>
      <ul class="waiting-list" data-testid="waiting-list">
        {matters.map((m) => (
          <li key={m.id} class="waiting-item" data-matter={m.id}>
            <span class="waiting-prefix" aria-hidden="true">
              {m.prefix}
            </span>
            <span class="waiting-name">
              <MatterName matter={{ name: m.name, nameEn: m.nameEn ?? null }} langs={props.langs} />
            </span>
            {/* The number for the eye, the sentence for a screen reader (a plain span cannot carry a label). */}
            <span class="waiting-count" aria-hidden="true">
              {counts.get(m.id) ?? 0}
            </span>
            <span class="visually-hidden">{t("count.waiting", { n: counts.get(m.id) ?? 0 })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
