// The closing cut-off of each matter, live, where the manager watches the day's work: which matters give
// no more walk-in tickets today and why (their last-ticket time, or no service could end before closing),
// and a button that lifts the cut-off of one matter for the rest of the day (recorded in the audit log).
import { useRef, useState } from "preact/hooks";
import type { CutOffState } from "../../protocol/api.ts";
import type { HallSite } from "../../protocol/live.ts";
import { ApiError, call, errorCode, newKey } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import type { SiteState } from "./use-site-state.ts";

/** Pure: a matter's name by its id, from the hall's configuration (the id until it is known). */
function namesOf(site: HallSite | undefined): Map<string, string> {
  return new Map((site?.departments ?? []).flatMap((d) => d.matters.map((m) => [m.id, m.name] as const)));
}

function StateText(props: { c: CutOffState }) {
  const { t } = useI18n();
  const { c } = props;
  if (c.overridden) return <span class="adm-status adm-status-sent">{t("adm.cutOff.overridden")}</span>;
  if (c.reason === null) return <span>{t("adm.cutOff.open")}</span>;
  return (
    <span class="adm-status adm-status-failed">
      {c.reason === "last-ticket" ? t("adm.cutOff.lastTicket", { time: c.lastTicketAt ?? "" }) : t("adm.cutOff.forecast")}
    </span>
  );
}

export function CutOffPanel(props: { siteId: string; token: string; state: SiteState; onAuthLost: () => void }) {
  const { t } = useI18n();
  const { view, queue } = props.state;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  /** One key per matter until its override is answered: a retry after a lost answer is not a second entry. */
  const keys = useRef(new Map<string, string>());
  const names = namesOf(view?.site);
  const lift = async (matterId: string) => {
    const key = keys.current.get(matterId) ?? newKey("cut-off");
    keys.current.set(matterId, key);
    setBusy(matterId);
    setError(null);
    try {
      await call("overrideCutOff", { params: { siteId: props.siteId, matterId }, body: {}, token: props.token, idempotencyKey: key });
      keys.current.delete(matterId);
    } catch (err) {
      if (err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED")) return props.onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(null);
    }
  };
  const cutOffs = queue?.cutOffs;
  return (
    <section class="adm-card" aria-labelledby="adm-cut-off-title">
      <h2 id="adm-cut-off-title">{t("adm.cutOff.title")}</h2>
      <p class="muted">{t("adm.cutOff.intro")}</p>
      <ErrorNote code={error} />
      {!cutOffs ? (
        <p class="muted">{t("common.loading")}</p>
      ) : (
        <table class="adm-table" data-testid="cut-offs">
          <caption class="visually-hidden">{t("adm.cutOff.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adm.cutOff.colMatter")}</th>
              <th scope="col">{t("adm.cutOff.colState")}</th>
              <th scope="col">{t("adm.cutOff.colAction")}</th>
            </tr>
          </thead>
          <tbody>
            {cutOffs.map((c) => {
              const name = names.get(c.matterId) ?? c.matterId;
              return (
                <tr key={c.matterId} data-matter={c.matterId} data-cut-off={c.overridden ? "overridden" : (c.reason ?? "open")}>
                  <th scope="row">{name}</th>
                  <td>
                    <StateText c={c} />
                  </td>
                  <td>
                    {c.reason !== null && !c.overridden && (
                      <button
                        type="button"
                        class="btn"
                        disabled={busy !== null}
                        aria-label={t("adm.cutOff.liftLabel", { matter: name })}
                        onClick={() => void lift(c.matterId)}
                      >
                        {busy === c.matterId ? t("adm.cutOff.lifting") : t("adm.cutOff.lift")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
