// The desk's queue in call order, how long each person has waited (whole minutes, kept current),
// with a button to call a chosen ticket out of turn. A priority ticket carries the priority mark, a ticket
// whose holder asked for the PJM interpreter says so.
import type { ClerkView } from "../../protocol/live.ts";
import { siteClock } from "../shared/format.ts";
import { useNow } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { PriorityMark } from "../shared/priority-mark.tsx";

/** Whole minutes since `fromIso` (never below 0: a clock a little behind the server's shows 0). */
function minutesSince(fromIso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
}

export function WaitingList(props: {
  view: ClerkView;
  matterNames: ReadonlyMap<string, string>;
  canCall: boolean;
  onCall: (ticketId: string) => void;
}) {
  const { t } = useI18n();
  const now = useNow(15_000);
  const list = props.view.waiting;
  return (
    <section class="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" class="clerk-h2">
        {t("clerk.queue")} <span class="muted">({t("count.tickets", { n: list.length })})</span>
      </h2>
      {list.length === 0 ? (
        <p class="muted">{t("clerk.queueEmpty")}</p>
      ) : (
        <table class="queue-table" data-testid="queue">
          <thead>
            <tr>
              <th scope="col">{t("clerk.colNumber")}</th>
              <th scope="col">{t("clerk.colMatter")}</th>
              <th scope="col">{t("clerk.colTaken")}</th>
              <th scope="col">{t("clerk.colWaited")}</th>
              <th scope="col">{t("clerk.colAction")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((tk) => (
              <tr key={tk.id} data-number={tk.number}>
                <th scope="row" class="queue-number">
                  {tk.priority && <PriorityMark />}
                  {tk.number}
                </th>
                <td>
                  {props.matterNames.get(tk.matterId) ?? tk.matterId}
                  {tk.interpreter && (
                    <span class="queue-interpreter" data-testid="interpreter">
                      {" "}
                      ({t("clerk.prio.interpreter")})
                    </span>
                  )}
                  {tk.deskId === props.view.desk.id && <span class="queue-pinned"> ({t("clerk.pinned")})</span>}
                </td>
                <td>{siteClock(tk.takenAt)}</td>
                <td data-testid="waited">{t("clerk.waitedMinutes", { n: minutesSince(tk.takenAt, now) })}</td>
                <td>
                  <button
                    type="button"
                    class="btn queue-call"
                    disabled={!props.canCall}
                    aria-label={t("clerk.callThisLabel", { number: tk.number })}
                    onClick={() => props.onCall(tk.id)}
                  >
                    {t("clerk.callThis")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
