// The visible step indicator: five numbered steps, the current one marked (aria-current="step"),
// the finished ones ticked and said to be done.
import { useI18n } from "../shared/i18n.tsx";
import { type Channel, STEP_KEYS, stepKey } from "./flow.ts";

/** `current` 1-5, or 6 when all five are done; `channel` names the fifth step (code by SMS or e-mail). */
export function StepIndicator(props: { current: number; channel: Channel }) {
  const { t } = useI18n();
  return (
    <nav class="bk-steps" aria-label={t("bk.progress")}>
      <ol>
        {STEP_KEYS.map((_, i) => {
          const n = (i + 1) as 1 | 2 | 3 | 4 | 5;
          const key = stepKey(n, props.channel);
          const done = n < props.current;
          const here = n === props.current;
          return (
            <li key={key} class={here ? "bk-step-here" : done ? "bk-step-done" : ""} aria-current={here ? "step" : undefined}>
              <span class="bk-step-num" aria-hidden="true">
                {done ? "✓" : n}
              </span>
              <span class="bk-step-label">{t(key)}</span>
              {done && <span class="visually-hidden"> {t("bk.stepDone")}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
