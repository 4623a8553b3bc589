// /booking/manage/{bookingId}?token=…: the booking of the link (its office from the id; date, time and
// ticket when this browser booked it) and "Odwołaj wizytę" with a confirmation; changing the time is
// cancelling and booking again, and the page says so.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { StepHeading } from "./step-heading.tsx";
import { VisitFacts } from "./visit-facts.tsx";
import { forgetVisit, loadVisit } from "./visit-store.ts";

type Phase = "view" | "ask" | "busy" | "cancelled";

export function ManagePage(props: { bookingId: string; token: string }) {
  const { t } = useI18n();
  const { sites } = useSites();
  const [phase, setPhase] = useState<Phase>("view");
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [visit] = useState(() => loadVisit(props.bookingId));
  const ask = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  // A booking id starts with its office's id, like an e-ticket token.
  const siteId = visit?.siteId ?? props.bookingId.split(".")[0] ?? "";
  const site = sites?.find((s) => s.id === siteId) ?? null;

  useEffect(() => {
    if (phase === "ask") ask.current?.focus();
    if (phase === "cancelled") done.current?.focus();
  }, [phase]);

  if (!props.bookingId || !props.token) {
    return (
      <section class="bk-step" aria-labelledby="step-title">
        <StepHeading focus={false}>{t("bk.manageTitle")}</StepHeading>
        <p class="bk-alert" role="alert">
          {t("bk.manageBadLink")}
        </p>
      </section>
    );
  }

  const cancel = async () => {
    setPhase("busy");
    setError(null);
    try {
      await api<{ status: "cancelled" }>(`/api/v1/bookings/${encodeURIComponent(props.bookingId)}/cancel`, { body: { token: props.token } });
      forgetVisit(props.bookingId);
      setPhase("cancelled");
    } catch (err) {
      setError(errorCode(err));
      setPhase("view");
    }
  };

  return (
    <section class="bk-step" aria-labelledby="step-title" data-testid="manage">
      <StepHeading focus={false}>{t("bk.manageTitle")}</StepHeading>
      {phase === "cancelled" ? (
        <>
          <p ref={done} tabIndex={-1} class="bk-ok-box" role="status" data-testid="cancelled">
            {t("bk.cancelled")}
          </p>
          <p>
            <a href="/booking">{t("bk.bookNew")}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t("bk.manageAt")}</p>
          <VisitFacts
            site={site}
            matterName={visit?.matterName}
            start={visit?.start}
            ticketNumber={visit?.ticketNumber}
            checkInCode={visit?.checkInCode}
          />
          <p class="muted">
            {t("bk.manageRef")}: <span class="bk-ref">{props.bookingId}</span>
          </p>
          <p class="bk-instruction">{t("bk.change")}</p>
          {phase === "view" && (
            <button type="button" class="btn btn-danger" onClick={() => setPhase("ask")}>
              {t("bk.cancel")}
            </button>
          )}
          {(phase === "ask" || phase === "busy") && (
            <div class="bk-ask" role="group" aria-labelledby="bk-ask-text">
              <p id="bk-ask-text" ref={ask} tabIndex={-1}>
                {t("bk.cancelAsk")}
              </p>
              <div class="bk-ask-buttons">
                <button type="button" class="btn btn-danger-solid" disabled={phase === "busy"} onClick={() => void cancel()}>
                  {phase === "busy" ? t("bk.cancelling") : t("bk.cancelYes")}
                </button>
                <button type="button" class="btn" disabled={phase === "busy"} onClick={() => setPhase("view")}>
                  {t("bk.cancelNo")}
                </button>
              </div>
            </div>
          )}
          <ErrorNote code={error} />
          <p>
            <a href="/booking">{t("bk.bookNew")}</a>
          </p>
        </>
      )}
    </section>
  );
}
