// The matters of one department: pressing one issues the ticket. A matter no open desk serves says so
// before anyone taps it (from the live stream); refusals (no open desk, office closed, no connection)
// are said plainly next to the matters.
import type { PublicSite } from "../../protocol/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { IssueState } from "./use-issue.ts";

type Department = PublicSite["departments"][number];

export function Matters(props: {
  department: Department;
  issue: IssueState;
  /** Matters no open desk serves now, as the site's live stream says. */
  closed: ReadonlySet<string>;
  onTake: (matterId: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { busy, error, unavailable } = props.issue;
  return (
    <main class="kiosk-screen" aria-busy={busy ? "true" : "false"}>
      <header class="kiosk-head">
        <div>
          <p class="kiosk-site">{props.department.name}</p>
          <h1 class="kiosk-title">{t("kiosk.chooseMatter")}</h1>
        </div>
        <button type="button" class="kiosk-back" onClick={props.onBack}>
          {t("common.back")}
        </button>
      </header>
      <ErrorNote code={error?.code ?? null} />
      {busy && (
        <p class="kiosk-busy" role="status">
          {t("kiosk.issuing")}
        </p>
      )}
      <ul class="kiosk-choices">
        {props.department.matters.map((m) => {
          const off = props.closed.has(m.id) || unavailable.has(m.id);
          return (
            <li key={m.id}>
              <button
                type="button"
                class={`kiosk-choice kiosk-matter ${off ? "kiosk-off" : ""}`}
                onClick={() => props.onTake(m.id)}
                aria-describedby={off ? `off-${m.id}` : undefined}
              >
                <span class="kiosk-prefix" aria-hidden="true">
                  {m.prefix}
                </span>
                <span>{m.name}</span>
                {off && (
                  <span class="kiosk-off-note" id={`off-${m.id}`}>
                    {t("kiosk.unavailable")}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
