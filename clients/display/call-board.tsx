// The calls: the one whose turn it is huge (number → desk, highlighted while fresh), the previous ones below.
// A priority ticket's number carries the priority mark, as everywhere, without saying why.
import type { CallView } from "../../protocol/live.ts";
import { type Lang, useI18n } from "../shared/i18n.tsx";
import { PriorityMark } from "../shared/priority-mark.tsx";
import { ClosedNotice } from "./closed-notice.tsx";
import { HallText } from "./hall-texts.tsx";

/** The office is closed by its hours: when it opens next (null: not within the days the screen knows). */
export interface Closed {
  next: string | null;
  now: number;
}

function NewestCall(props: { call: CallView | null; fresh: boolean; closed: Closed | null; langs: readonly Lang[] }) {
  const { t } = useI18n();
  const c = props.call;
  return (
    <section class={`newest ${props.fresh ? "newest-fresh" : ""}`} aria-labelledby="newest-title" data-fresh={props.fresh ? "1" : "0"}>
      <h2 id="newest-title" class="newest-title">
        <HallText k="display.nowCalling" langs={props.langs} />
      </h2>
      {c ? (
        <p class="newest-call" role="status" data-testid="newest-call" data-number={c.number} data-desk={c.deskName}>
          {c.priority && <PriorityMark />}
          <span class="newest-number" data-len={Math.min(c.number.length, 7)}>
            {c.number}
          </span>
          <span class="newest-arrow" aria-hidden="true">
            →
          </span>
          <span class="visually-hidden">{t("display.goTo")}</span>
          <span class="newest-desk">{c.deskName}</span>
          {c.attempt > 1 && <span class="newest-again">{t("display.again")}</span>}
        </p>
      ) : props.closed ? (
        <ClosedNotice next={props.closed.next} now={props.closed.now} langs={props.langs} />
      ) : (
        <p class="newest-empty">
          <HallText k="display.noCalls" langs={props.langs} />
        </p>
      )}
    </section>
  );
}

/** `turn` counts the calls given their turn: a new one draws the frame afresh, restarting its flash. */
export function CallBoard(props: {
  current: CallView | null;
  previous: CallView[];
  fresh: boolean;
  turn: number;
  closed: Closed | null;
  langs: readonly Lang[];
}) {
  const { t } = useI18n();
  const previous = props.previous;
  return (
    <div class="calls">
      <NewestCall key={props.turn} call={props.current} fresh={props.fresh} closed={props.closed} langs={props.langs} />
      <section class="previous" aria-labelledby="previous-title">
        <h2 id="previous-title" class="previous-title">
          <HallText k="display.previous" langs={props.langs} />
        </h2>
        <ol class="previous-list" data-testid="previous-calls">
          {previous.slice(0, 5).map((c) => (
            <li key={`${c.ticketId}@${c.at}`} class="previous-item">
              <span class="previous-number">
                {c.priority && <PriorityMark />}
                {c.number}
              </span>
              <span aria-hidden="true">→</span>
              <span class="visually-hidden">{t("display.goTo")}</span>
              <span class="previous-desk">{c.deskName}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
