// The shortcuts, documented on screen (W is "Przerwa" or "Wznów", whichever fits the desk).
import { useI18n } from "../shared/i18n.tsx";
import { ACTIONS } from "./actions.ts";

export function ShortcutHelp() {
  const { t } = useI18n();
  const byKey = new Map<string, string[]>();
  for (const a of ACTIONS) byKey.set(a.key, [...(byKey.get(a.key) ?? []), t(a.label)]);
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" class="clerk-h2">
        {t("clerk.shortcuts")}
      </h2>
      <p class="muted">{t("clerk.shortcutsNote")}</p>
      <dl class="shortcut-list">
        {[...byKey].map(([key, labels]) => (
          <div key={key} class="shortcut">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{labels.join(" / ")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
