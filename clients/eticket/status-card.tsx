// The ticket's status in words: waiting (people ahead, wait), called to a desk (a clear
// call to action), being served, served, missed (when it is called again), removed, closed.
import type { ETicketView } from "../../protocol/api.ts";
import { estimatedWaitRangeText } from "../../protocol/wait-wording.ts";
import { siteClock } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { useChimeArmed } from "./chime.ts";

function Waiting(props: { view: ETicketView }) {
  const { t, lang } = useI18n();
  const ahead = props.view.waitingAhead ?? 0;
  const minutes = props.view.estimatedWaitMinutes ?? 0;
  const range = props.view.estimatedWait;
  return (
    <>
      <h2>{t("et.waiting")}</h2>
      <p class="et-big" data-testid="et-ahead">
        {ahead > 0 ? t("ticket.ahead", { people: t("count.people", { n: ahead }) }) : t("ticket.nobodyAhead")}
      </p>
      {/* The range narrows as the turn nears; the same sentence as the kiosk's and the paper ticket's. */}
      <p data-testid="et-wait">
        {range
          ? estimatedWaitRangeText(range, lang)
          : minutes > 0
            ? t("ticket.eta", { minutes: t("count.minutes", { n: minutes }) })
            : t("ticket.etaSoon")}
      </p>
      <ServingNow numbers={props.view.servingNow} />
      <SoundHint />
    </>
  );
}

/** The numbers the desks of this matter call or serve now (the hall screen's picture, for this queue). */
function ServingNow(props: { numbers: readonly string[] | undefined }) {
  const { t } = useI18n();
  if (!props.numbers) return null;
  return (
    <p class="et-serving" data-testid="et-serving-now">
      {t("et.servingNow")}:{" "}
      {props.numbers.length > 0 ? <strong class="et-serving-numbers">{props.numbers.join(", ")}</strong> : t("et.servingNone")}
    </p>
  );
}

/** Until the page is touched the phone cannot chime at the call: say how to allow it, then that it will. */
function SoundHint() {
  const { t } = useI18n();
  const armed = useChimeArmed();
  return (
    <p class="et-sound muted" data-testid="et-sound">
      {t(armed ? "et.soundOn" : "et.soundHint")}
    </p>
  );
}

export function StatusCard(props: { view: ETicketView }) {
  const { t } = useI18n();
  const v = props.view;
  switch (v.status) {
    case "waiting":
      return (
        <section class="et-card" aria-live="polite" data-status="waiting">
          <Waiting view={v} />
        </section>
      );
    case "called":
      return (
        <section class="et-card et-card-call" role="alert" data-status="called">
          <h2>{t("et.called")}</h2>
          <p class="et-desk">{v.deskName}</p>
        </section>
      );
    case "serving":
      return (
        <section class="et-card" aria-live="polite" data-status="serving">
          <h2>{t("et.serving")}</h2>
          <p class="et-desk-small">{v.deskName}</p>
        </section>
      );
    case "served":
      return (
        <section class="et-card et-card-ok" aria-live="polite" data-status="served">
          <h2>{t("et.served")}</h2>
        </section>
      );
    case "missed":
      return (
        <section class="et-card et-card-warn" aria-live="polite" data-status="missed">
          <h2>{t("et.missed", { misses: v.misses })}</h2>
          <p>{t("et.missedWhen", { time: siteClock(v.recallAt) })}</p>
          <p class="et-strong">{t("et.missedWarning")}</p>
          <ServingNow numbers={v.servingNow} />
        </section>
      );
    case "removed":
      return (
        <section class="et-card et-card-bad" aria-live="polite" data-status="removed">
          <h2>{t("et.removed")}</h2>
          {v.misses >= 3 && <p>{t("et.removedStrikes")}</p>}
        </section>
      );
    case "closed":
      return (
        <section class="et-card" aria-live="polite" data-status="closed">
          <h2>{t("et.closed")}</h2>
        </section>
      );
  }
}
