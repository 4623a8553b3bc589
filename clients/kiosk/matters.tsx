// The matters of one department, each with its short hint: pressing one issues the ticket. A matter no
// open desk serves, whose tickets for today are all given out, or that is closed for today (the closing
// cut-off: a tap offers a booking instead), says so before anyone taps it (from the live stream); refusals (no open desk, office closed, no connection) are said plainly next to the matters.
// No matter is drawn where the department's button was: the list moves down when one would be.
import { useLayoutEffect, useRef } from "preact/hooks";
import type { HallSite } from "../../protocol/live.ts";
import { ErrorNote, LocalName } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { type Box, clearingShift, pageBox } from "./clear-of.ts";
import { MatterWaitNote } from "./matter-wait-note.tsx";
import type { MatterWait } from "./matter-waits.ts";
import type { IssueState } from "./use-issue.ts";

type Department = HallSite["departments"][number];

export function Matters(props: {
  department: Department;
  /** Where the tapped department's button was: no matter sits there. */
  avoid: Box | null;
  issue: IssueState;
  /** Matters no open desk serves now, as the site's live stream says. */
  closed: ReadonlySet<string>;
  /** Matters whose walk-in tickets for today are all given out. */
  full: ReadonlySet<string>;
  /** Matters closed for today by the closing cut-off (a tap offers a booking). */
  closedToday?: ReadonlySet<string>;
  /** Matters closed for today to everyone but a priority ticket, this visit's choice: they say so instead of a wait. */
  priorityOnly?: ReadonlySet<string>;
  /** People waiting and the range a ticket taken now would show, per matter (absent: nothing said). */
  waits?: ReadonlyMap<string, MatterWait>;
  onTake: (matterId: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { busy, error, unavailable, capped } = props.issue;
  const list = useRef<HTMLUListElement>(null);
  // Measured after every render (names, hints and notes change a button's height), before the screen is painted.
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    ul.style.marginTop = "";
    if (!props.avoid) return;
    const shift = clearingShift([...ul.querySelectorAll("button")].map(pageBox), props.avoid);
    if (shift > 0) ul.style.marginTop = `${shift}px`;
  });
  return (
    <main class="kiosk-screen" aria-busy={busy ? "true" : "false"}>
      <header class="kiosk-head">
        <div>
          <p class="kiosk-site">
            <LocalName named={props.department} />
          </p>
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
      <ul class="kiosk-choices" ref={list}>
        {props.department.matters.map((m) => {
          const full = props.full.has(m.id) || capped.has(m.id);
          const today = !full && (props.closedToday?.has(m.id) === true || props.issue.cutOff.has(m.id));
          const off = full || today || props.closed.has(m.id) || unavailable.has(m.id);
          const prioOnly = !off && props.priorityOnly?.has(m.id) === true;
          const wait = off || prioOnly ? undefined : props.waits?.get(m.id);
          const described = [
            m.hint ? `hint-${m.id}` : "",
            wait ? `wait-${m.id}` : "",
            off ? `off-${m.id}` : "",
            prioOnly ? `prio-${m.id}` : "",
          ]
            .filter(Boolean)
            .join(" ");
          return (
            <li key={m.id}>
              <button
                type="button"
                class={`kiosk-choice kiosk-matter ${off ? "kiosk-off" : ""}`}
                onClick={() => props.onTake(m.id)}
                aria-describedby={described || undefined}
                data-matter={m.id}
              >
                <span class="kiosk-prefix" aria-hidden="true">
                  {m.prefix}
                </span>
                <span class="kiosk-matter-text">
                  <span>
                    <LocalName named={m} />
                  </span>
                  {m.hint && (
                    <span class="kiosk-hint" id={`hint-${m.id}`} data-testid="matter-hint">
                      {m.hint}
                    </span>
                  )}
                  <MatterWaitNote id={`wait-${m.id}`} wait={wait} />
                  {prioOnly && (
                    <span class="kiosk-hint" id={`prio-${m.id}`} data-testid="priority-only">
                      {t("kiosk.prioOnlyToday")}
                    </span>
                  )}
                </span>
                {off && (
                  <span class="kiosk-off-note" id={`off-${m.id}`}>
                    {full ? t("kiosk.capReached") : today ? t("kiosk.closedForToday") : t("kiosk.unavailable")}
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
