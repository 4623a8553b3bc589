// /booking/manage/{bookingId}?token=…: the visit as the API has it (GET /bookings/{id}?token=…: office,
// address, matter, date, time, ticket, check-in code and its status, in any browser). While the visit is
// confirmed and still ahead: "Zmień termin" (the free days and times of the same office and matter, from
// the booking's own calendar; the chosen time is confirmed first, then the move is one request, the old
// time freed as the new one is taken) and "Odwołaj wizytę" with a confirmation. A wrong link says why at once.
import { useEffect, useRef, useState } from "preact/hooks";
import type { BookingSummary } from "../../protocol/api.ts";
import { call, errorCode, newKey } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { siteClock } from "../shared/format.ts";
import { useFocusOnMount, useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";
import { AddToCalendar } from "./add-to-calendar.tsx";
import { forgetAvailability } from "./availability.ts";
import { longDate } from "./dates.ts";
import { FreeSlots } from "./slot-picker.tsx";
import { StepHeading } from "./step-heading.tsx";
import { matterOf, VisitFacts } from "./visit-facts.tsx";

type Phase = "view" | "ask" | "busy" | "cancelled" | "pick" | "confirmMove" | "moving" | "moved";

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
  const { t, lang } = useI18n();
  const { sites } = useSites();
  const [booking, setBooking] = useState<BookingSummary | null>(null);
  const [loadError, setLoadError] = useState<ClientErrorCode | null>(null);
  const [phase, setPhase] = useState<Phase>("view");
  const [error, setError] = useState<ClientErrorCode | null>(null);
  /** The new time chosen, asked about before the visit is moved. */
  const [target, setTarget] = useState<string | null>(null);
  const ask = useRef<HTMLParagraphElement>(null);
  const askMove = useRef<HTMLParagraphElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const linkOk = props.bookingId !== "" && props.token !== "";

  useEffect(() => {
    if (!linkOk) return;
    call("booking", { params: { bookingId: props.bookingId }, query: { token: props.token } }).then(setBooking, (err: unknown) =>
      setLoadError(errorCode(err)),
    );
  }, [props.bookingId, props.token]);

  useEffect(() => {
    // While the request is on its way its buttons are disabled: the focus waits on the question, not lost to the page.
    if (phase === "ask" || phase === "busy") ask.current?.focus();
    if (phase === "confirmMove" || phase === "moving") askMove.current?.focus();
    if (phase === "cancelled" || phase === "moved") done.current?.focus();
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
  const matter = matterOf(site, booking.matterId);
  const instruction =
    status === "confirmed" || status === "pending"
      ? { checkInEarlyMinutes: site?.booking.checkIn === "kiosk" ? site.booking.checkInEarlyMinutes : null }
      : null;

  const cancel = async () => {
    setPhase("busy");
    setError(null);
    try {
      await call("cancelBooking", { params: { bookingId: props.bookingId }, body: { token: props.token } });
      setPhase("cancelled");
    } catch (err) {
      setError(errorCode(err));
      setPhase("view");
    }
  };

  const reschedule = async (start: string) => {
    setPhase("moving");
    setError(null);
    try {
      const conf = await call("rescheduleBooking", {
        params: { bookingId: props.bookingId },
        body: { token: props.token, start },
        idempotencyKey: newKey("reschedule"),
      });
      forgetAvailability(booking.siteId, booking.matterId);
      setBooking({
        ...booking,
        start: conf.start,
        ticketNumber: conf.ticketNumber,
        ...(conf.checkInCode ? { checkInCode: conf.checkInCode } : {}),
      });
      setPhase("moved");
    } catch (err) {
      setError(errorCode(err));
      // The time may have just been taken: show what is free now.
      forgetAvailability(booking.siteId, booking.matterId);
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
          bring: matter?.hint,
          siteName: booking.siteName,
          address: booking.address,
          start: booking.start,
          ticketNumber: booking.ticketNumber,
          ...(booking.checkInCode && instruction ? { checkInCode: booking.checkInCode } : {}),
        }}
        instruction={instruction}
      />
      {status === "confirmed" && (phase === "view" || phase === "moved") && (
        <AddToCalendar
          siteId={booking.siteId}
          siteName={booking.siteName}
          address={booking.address}
          matterName={booking.matterName}
          start={booking.start}
          ticketNumber={booking.ticketNumber}
          minutes={matter?.slotMinutes}
          hint={matter?.hint}
        />
      )}
      {phase === "moved" && (
        <p ref={done} tabIndex={-1} class="bk-ok-box" role="status" data-testid="rescheduled">
          {t(booking.channel === "email" ? "bk.rescheduledEmail" : "bk.rescheduled", {
            date: longDate(lang, booking.start.slice(0, 10)),
            time: siteClock(booking.start),
          })}
        </p>
      )}
      {cancellable && (
        <>
          <p class="bk-instruction">{t("bk.change")}</p>
          {(phase === "view" || phase === "moved") && (
            <div class="bk-ask-buttons">
              <button type="button" class="btn" onClick={() => setPhase("pick")}>
                {t("bk.reschedule")}
              </button>
              <button type="button" class="btn btn-danger" onClick={() => setPhase("ask")}>
                {t("bk.cancel")}
              </button>
            </div>
          )}
          {phase === "pick" && (
            <Reschedule
              siteId={booking.siteId}
              matterId={booking.matterId}
              current={booking.start}
              day={target?.slice(0, 10)}
              onPick={(start) => {
                setTarget(start);
                setPhase("confirmMove");
              }}
              onClose={() => setPhase("view")}
            />
          )}
          {(phase === "confirmMove" || phase === "moving") && target && (
            <div class="bk-ask" role="group" aria-labelledby="bk-move-text" data-testid="reschedule-ask">
              <p id="bk-move-text" ref={askMove} tabIndex={-1}>
                {t("bk.rescheduleAsk", {
                  from: `${longDate(lang, booking.start.slice(0, 10))}, ${siteClock(booking.start)}`,
                  to: `${longDate(lang, target.slice(0, 10))}, ${siteClock(target)}`,
                })}
              </p>
              <div class="bk-ask-buttons">
                <button type="button" class="btn btn-primary" disabled={phase === "moving"} onClick={() => void reschedule(target)}>
                  {phase === "moving" ? t("bk.rescheduling") : t("bk.rescheduleYes")}
                </button>
                <button type="button" class="btn" disabled={phase === "moving"} onClick={() => setPhase("pick")}>
                  {t("bk.rescheduleOther")}
                </button>
              </div>
            </div>
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

/** "Zmień termin": the free days and times of the same office and matter; the visit's own time is left out. */
function Reschedule(props: {
  siteId: string;
  matterId: string;
  current: string;
  /** The day chosen before, shown again with its times. */
  day: string | undefined;
  onPick: (start: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(title);
  return (
    <section class="bk-reschedule" aria-labelledby="bk-reschedule-title" data-testid="reschedule">
      <h3 id="bk-reschedule-title" ref={title} tabIndex={-1} class="bk-sub">
        {t("bk.rescheduleTitle")}
      </h3>
      <FreeSlots siteId={props.siteId} matterId={props.matterId} skip={props.current} day={props.day} onPick={props.onPick} />
      <p>
        <button type="button" class="btn" onClick={props.onClose}>
          {t("bk.rescheduleKeep")}
        </button>
      </p>
    </section>
  );
}
