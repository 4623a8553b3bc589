// The command buttons, each with its shortcut shown and announced (aria-keyshortcuts).

import type { DeskAction } from "../../protocol/api.ts";
import type { ClerkView } from "../../protocol/live.ts";
import { useI18n } from "../shared/i18n.tsx";
import { ACTIONS, type ActionDef } from "./actions.ts";

export function ActionBar(props: { view: ClerkView; pending: DeskAction | null; onRun: (a: ActionDef) => void }) {
  const { t } = useI18n();
  const paused = props.view.desk.status === "paused";
  // "Przerwa" and "Wznów" share one place: only the one that fits the desk is shown.
  const shown = ACTIONS.filter((a) => (paused ? a.id !== "pause" : a.id !== "resume"));
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title" class="visually-hidden">
        {t("clerk.actions")}
      </h2>
      {shown.map((a) => (
        <button
          key={a.id}
          type="button"
          class={`btn action ${a.id === "call-next" ? "btn-primary action-main" : ""} ${a.danger ? "btn-danger" : ""}`}
          disabled={!a.enabled(props.view) || props.pending !== null}
          aria-keyshortcuts={a.key}
          data-action={a.id}
          onClick={() => props.onRun(a)}
        >
          <span>{t(a.label)}</span>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: <kbd> is not focusable; the shortcut is announced by aria-keyshortcuts. */}
          <kbd aria-hidden="true">{a.key}</kbd>
        </button>
      ))}
    </section>
  );
}
