// The desk's current client: number (with the priority mark), matter, called or being served, the service
// timer, and for a client who asked for the PJM interpreter the site's interpreter link, opened in a new tab.
import type { ClerkView } from "../../protocol/live.ts";
import { elapsed } from "../shared/format.ts";
import { useNow } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { PriorityMark } from "../shared/priority-mark.tsx";
import { PAUSE_LABELS } from "./pause-panel.tsx";

export function CurrentClient(props: { view: ClerkView; matterNames: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const tk = props.view.desk.ticket;
  const paused = props.view.desk.status === "paused";
  return (
    <section class="current" aria-labelledby="current-title" data-testid="current">
      <h2 id="current-title" class="clerk-h2">
        {t("clerk.current")}
      </h2>
      {paused && (
        <p class="current-paused" data-testid="current-paused">
          {t("clerk.paused")}
          {props.view.desk.pauseReason && ` ${t("clerk.pauseReason", { reason: t(PAUSE_LABELS[props.view.desk.pauseReason]) })}`}
        </p>
      )}
      {!tk ? (
        !paused && (
          <p class="muted" data-testid="current-empty">
            {t("clerk.noClient")}
          </p>
        )
      ) : (
        <div class="current-body">
          <p class="current-number" data-testid="current-number">
            {tk.priority && <PriorityMark />}
            {tk.number}
          </p>
          <div>
            <p class="current-matter">{props.matterNames.get(tk.matterId) ?? tk.matterId}</p>
            <p class={`current-status current-${tk.status}`} data-testid="current-status" data-status={tk.status}>
              {tk.status === "serving" ? t("clerk.statusServing") : t("clerk.statusCalled")}
            </p>
            {props.view.since && (
              <p class="current-timer" data-testid="current-timer">
                {t(tk.status === "serving" ? "clerk.sinceStarted" : "clerk.sinceCalled", { time: elapsed(props.view.since, now) })}
              </p>
            )}
            {tk.misses > 0 && <p class="current-misses">{t("clerk.missCount", { misses: tk.misses })}</p>}
            {tk.interpreter && <InterpreterLink url={props.view.site.interpreterUrl} />}
          </div>
        </div>
      )}
    </section>
  );
}

/** The site's remote PJM interpreter, for a client who asked for one (or why there is no link). */
function InterpreterLink(props: { url: string | undefined }) {
  const { t } = useI18n();
  return (
    <p class="current-interpreter" data-testid="current-interpreter">
      {props.url ? (
        <a class="btn" href={props.url} target="_blank" rel="noopener noreferrer" data-testid="interpreter-link">
          {t("clerk.prio.interpreterLink")}
        </a>
      ) : (
        t("clerk.prio.interpreterNoLink")
      )}
    </p>
  );
}
