// /booking/manage/{bookingId}?token=…: the visit as the API has it (GET /bookings/{id}?token=…: office,
// address, matter, date, time, ticket, check-in code and its status, in any browser), and "Odwołaj wizytę"
// with a confirmation while the visit is confirmed and still ahead; changing the time is cancelling and
// booking again, and the page says so. A wrong link says why at once.
import { useEffect, useRef, useState } from "preact/hooks";
import type { BookingSummary } from "../../protocol/api.ts";
import { api, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";
import { StepHeading } from "./step-heading.tsx";
import { VisitFacts } from "./visit-facts.tsx";

type Phase = "view" | "ask" | "busy" | "cancelled";

/** What the page says of the booking's state; "past" is a confirmed visit whose time has gone. */
const STATUS_KEYS = {
  pending: "bk.status.pending",
  confirmed: "bk.status.confirmed",
  past: "bk.status.past",
  cancelled: "bk.status.cancelled",
  expired: "bk.status.expired",
  "checked-in": "bk.status.checkedIn",
} as const satisfies Record<BookingSummary["status"] | "past", MessageKey>;

export function ManagePage(props: { bookingId: string; token: string }) {
  const { t } = useI18n();
  const { sites } = useSites();
  const [booking, setBooking] = useState<BookingSummary | null>(null);
  const [loadError, setLoadError] = useState<ClientErrorCode | null>(null);
  const [phase, setPhase] = useState<Phase>("view");
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const ask = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const linkOk = props.bookingId !== "" && props.token !== "";

  useEffect(() => {
    if (!linkOk) return;
    const q = new URLSearchParams({ token: props.token });
    api<BookingSummary>(`/api/v1/bookings/${encodeURIComponent(props.bookingId)}?${q.toString()}`).then(setBooking, (err: unknown) =>
      setLoadError(errorCode(err)),
    );
  }, [props.bookingId, props.token]);

  useEffect(() => {
    if (phase === "ask") ask.current?.focus();
    if (phase === "cancelled") done.current?.focus();
  }, [phase]);

  if (!linkOk || loadError) {
    return (
      <section class="bk-step" aria-labelledby="step-title">
        <StepHeading focus={false}>{t("bk.manageTitle")}</StepHeading>
        <p class="bk-alert" role="alert">
          {loadError ? t(`error.${loadError}`) : t("bk.manageBadLink")}
        </p>
        <p>
          <a href="/booking">{t("bk.bookNew")}</a>
        </p>
      </section>
    );
  }
  if (!booking) {
    return (
      <section class="bk-step" aria-labelledby="step-title" aria-busy="true">
        <StepHeading focus={false}>{t("bk.manageTitle")}</StepHeading>
        <p class="muted">{t("common.loading")}</p>
      </section>
    );
  }

  const ahead = Date.parse(booking.start) > Date.now();
  const status = phase === "cancelled" ? "cancelled" : booking.status === "confirmed" && !ahead ? "past" : booking.status;
  const cancellable = status === "confirmed";
  const site = sites?.find((s) => s.id === booking.siteId) ?? null;
  const instruction =
    status === "confirmed" || status === "pending"
      ? { checkInEarlyMinutes: site?.booking.checkIn === "kiosk" ? site.booking.checkInEarlyMinutes : null }
      : null;

  const cancel = async () => {
    setPhase("busy");
    setError(null);
    try {
      await api<{ status: "cancelled" }>(`/api/v1/bookings/${encodeURIComponent(props.bookingId)}/cancel`, { body: { token: props.token } });
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
        <p ref={done} tabIndex={-1} class="bk-ok-box" role="status" data-testid="cancelled">
          {t("bk.cancelled")}
        </p>
      ) : (
        <p class={`bk-status bk-status-${status}`} data-testid="booking-status" data-status={status}>
          <span class="bk-status-label">{t("bk.statusLabel")}: </span>
          {t(STATUS_KEYS[status])}
        </p>
      )}
      <VisitFacts
        visit={{
          matterName: booking.matterName,
          siteName: booking.siteName,
          address: booking.address,
          start: booking.start,
          ticketNumber: booking.ticketNumber,
          ...(booking.checkInCode && instruction ? { checkInCode: booking.checkInCode } : {}),
        }}
        instruction={instruction}
      />
      <p class="muted">
        {t("bk.manageRef")}: <span class="bk-ref">{props.bookingId}</span>
      </p>
      {cancellable && (
        <>
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
        </>
      )}
      <ErrorNote code={error} />
      <p>
        <a href="/booking">{t("bk.bookNew")}</a>
      </p>
    </section>
  );
}
