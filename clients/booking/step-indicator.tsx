// The visible step indicator: five numbered steps, the current one marked (aria-current="step"),
// the finished ones ticked and said to be done.
import { useI18n } from "../shared/i18n.tsx";
import { STEP_KEYS } from "./flow.ts";

/** `current` 1-5, or 6 when all five are done. */
export function StepIndicator(props: { current: number }) {
  const { t } = useI18n();
  return (
    <nav class="bk-steps" aria-label={t("bk.progress")}>
      <ol>
        {STEP_KEYS.map((key, i) => {
          const n = i + 1;
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
