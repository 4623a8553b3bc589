// Waiting counts per matter, in the configuration's order, with the matter names in the screen's
// languages (from the live view; the public site list until it arrives); a matter closed for today by the
// closing cut-off says so under its name. However many matters there
// are, the list keeps to its own box: smaller rows, more columns, or pages shown in turn.
import { useLayoutEffect, useRef } from "preact/hooks";
import type { WaitingCount } from "../../protocol/live.ts";
import { type Lang, translate, useI18n } from "../shared/i18n.tsx";
import { HallText, MatterName } from "./hall-texts.tsx";
import { useWaitingFit } from "./use-waiting-fit.ts";
import { pageOf } from "./waiting-fit.ts";

interface Matter {
  id: string;
  name: string;
  nameEn?: string | null;
  nameUk?: string | null;
  prefix: string;
}

interface Department {
  matters: readonly Matter[];
}

export function WaitingPanel(props: { waiting: WaitingCount[]; departments: readonly Department[]; langs: readonly Lang[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const counts = new Map(props.waiting.map((w) => [w.matterId, w.count]));
  // Matters the closing cut-off has closed for today: those waiting are still served, no new ticket is given.
  const closedToday = new Set(props.waiting.filter((w) => w.closedForToday === true).map((w) => w.matterId));
  const matters: readonly Matter[] = props.departments.length
    ? props.departments.flatMap((d) => d.matters)
    : props.waiting.map((w) => ({ id: w.matterId, name: w.matterId, prefix: "" }));
  const { fit, page } = useWaitingFit(box, matters.length, props.langs.length);
  const shown = pageOf(matters, fit, page);
  const list = useRef<HTMLUListElement>(null);
  const fontSize = Math.round((fit.rowHeight * 0.6) / (1 + 0.6 * Math.max(0, props.langs.length - 1)));
  // Set on the element itself: the build marks calls named `z` as pure (vite.config.ts), and Preact's
  // minified style setter bears that name, so a `style` prop would be dropped.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    el.style.gridTemplateColumns = `repeat(${fit.columns}, minmax(0, 1fr))`;
    el.style.gridAutoRows = `${fit.rowHeight}px`;
    el.style.fontSize = `${fontSize}px`;
  }, [fit.columns, fit.rowHeight, fontSize]);
  return (
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="waiting-title">
        <span class="waiting-title-text">
          <HallText k="display.waiting" langs={props.langs} />
        </span>
        {fit.pages > 1 && (
          <span class="waiting-page" data-testid="waiting-page">
            {t("display.page", { page: page + 1, pages: fit.pages })}
          </span>
        )}
      </h2>
      <div class="waiting-box" ref={box}>
        <ul class="waiting-list" data-testid="waiting-list" data-page={page} data-pages={fit.pages} ref={list}>
          {shown.map((m) => (
            <li key={m.id} class="waiting-item" data-matter={m.id}>
              <span class="waiting-prefix" aria-hidden="true">
                {m.prefix}
              </span>
              <span class="waiting-name">
                <MatterName matter={{ name: m.name, nameEn: m.nameEn ?? null, nameUk: m.nameUk ?? null }} langs={props.langs} />
                {closedToday.has(m.id) && (
                  <span class="waiting-closed" data-testid="closed-for-today">
                    {props.langs.map((l) => translate(l, "display.closedForToday")).join(" · ")}
                  </span>
                )}
              </span>
              {/* The number for the eye, the sentence for a screen reader (a plain span cannot carry a label). */}
              <span class="waiting-count" aria-hidden="true">
                {counts.get(m.id) ?? 0}
              </span>
              <span class="visually-hidden">{t("count.waiting", { n: counts.get(m.id) ?? 0 })}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
