// Step 5: the 6-digit code from the SMS (or the e-mail, when the citizen chose e-mail). Shows until when the slot is held, lets the citizen ask for a
// new code 60 s after the last one (with a countdown), and confirms; a hold that ran out sends them back to step 3.
import { useRef, useState } from "preact/hooks";
import { call, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useNow } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { officeClock } from "./dates.ts";
import { type Confirmation, type Contact, contactAddress, type Hold } from "./flow.ts";
import { StepHeading } from "./step-heading.tsx";

const RESEND_AFTER_MS = 60_000;
/** Refusals after which this hold cannot be confirmed any more: choose a time again. */
const DEAD_ENDS: readonly ClientErrorCode[] = [
  "CODE_EXPIRED",
  "CODE_TRIES_EXCEEDED",
  "RESEND_LIMIT",
  "BOOKING_NOT_PENDING",
  "UNKNOWN_BOOKING",
];

export function CodeStep(props: {
  hold: Hold;
  contact: Contact;
  focus: boolean;
  onHold: (h: Hold) => void;
  onConfirmed: (c: Confirmation) => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const now = useNow(1000);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"confirm" | "resend" | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [codeProblem, setCodeProblem] = useState<"bk.codeInvalid" | "error.CODE_WRONG" | null>(null);
  const [resent, setResent] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const params = { bookingId: props.hold.bookingId };
  const expired = now >= Date.parse(props.hold.expiresAt);
  const dead = expired || (error !== null && DEAD_ENDS.includes(error));
  const wait = Math.ceil((props.hold.sentAt + RESEND_AFTER_MS - now) / 1000);
  const email = props.contact.channel === "email";

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (busy || dead) return;
    setError(null);
    setResent(false);
    const digits = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(digits)) {
      setCodeProblem("bk.codeInvalid");
      field.current?.focus();
      return;
    }
    setCodeProblem(null);
    setBusy("confirm");
    try {
      props.onConfirmed(await call("confirmBooking", { params, body: { code: digits } }));
    } catch (err) {
      const c = errorCode(err);
      if (c === "CODE_WRONG") {
        setCodeProblem("error.CODE_WRONG");
        field.current?.focus();
      } else {
        setError(c);
      }
    } finally {
      setBusy(null);
    }
  };

  const resend = async () => {
    if (busy || wait > 0 || dead) return;
    setError(null);
    setResent(false);
    setBusy("resend");
    try {
      const r = await call("resendBookingCode", { params, body: {} });
      props.onHold({ ...props.hold, expiresAt: r.expiresAt, sentAt: Date.now() });
      setResent(true);
      setCode("");
      setCodeProblem(null);
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 5 })}>
        {t(email ? "bk.codeTitleEmail" : "bk.codeTitle")}
      </StepHeading>
      <p data-testid="code-sent">
        {email
          ? t("bk.codeSentEmail", { email: contactAddress(props.contact) })
          : t("bk.codeSent", { phone: contactAddress(props.contact) })}
      </p>
      {dead ? (
        <div class="bk-alert" role="alert">
          <p>{expired ? t("bk.holdOver") : t(`error.${error!}`)}</p>
          <button type="button" class="btn btn-primary" onClick={props.onRestart}>
            {t("bk.chooseAgain")}
          </button>
        </div>
      ) : (
        <>
          <p class="bk-hold" data-testid="hold-until">
            {t("bk.holdUntil", { time: officeClock(props.hold.expiresAt) })}
          </p>
          <form class="bk-form" noValidate onSubmit={confirm}>
            <div class="bk-field">
              <label for="bk-code">{t(email ? "bk.codeEmail" : "bk.code")}</label>
              <input
                ref={field}
                id="bk-code"
                class="bk-code-input"
                name="code"
                inputMode="numeric"
                autocomplete="one-time-code"
                maxLength={6}
                required
                aria-invalid={codeProblem ? "true" : undefined}
                aria-describedby={codeProblem ? "bk-code-error" : undefined}
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
              {codeProblem && (
                <p id="bk-code-error" class="bk-field-error" role="alert">
                  {t(codeProblem)}
                </p>
              )}
            </div>
            <button type="submit" class="btn btn-primary bk-submit" disabled={busy !== null}>
              {busy === "confirm" ? t("bk.confirming") : t("bk.confirm")}
            </button>
          </form>
          <div class="bk-resend">
            <button type="button" class="btn" disabled={busy !== null || wait > 0} onClick={() => void resend()} data-testid="resend">
              {wait > 0 ? t("bk.resendIn", { s: wait }) : t("bk.resend")}
            </button>
            <p role="status" class="bk-ok">
              {resent ? t("bk.resent") : ""}
            </p>
          </div>
          <ErrorNote code={error} />
        </>
      )}
    </section>
  );
}
