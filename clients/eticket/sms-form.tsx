// The SMS alert ("text me when N people are ahead", R8): while the ticket waits and nothing is set, a form
// (phone, how many ahead) that posts to /etickets/{token}/notify; once set, what will happen ("Wyślemy SMS,
// gdy przed Tobą będą 2 osoby"), and "SMS wysłany" after the text went. Refusals come from the table.
import { useState } from "preact/hooks";
import type { ETicketNotifyResponse, ETicketView } from "../../protocol/api.ts";
import { call, errorCode } from "../shared/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";

const PHONE_ERRORS: readonly ClientErrorCode[] = ["PHONE_INVALID", "PHONE_NOT_MOBILE", "PHONE_COUNTRY_NOT_ALLOWED"];
const MIN_AHEAD = 1;
const MAX_AHEAD = 20;

/** The e-ticket's own wording of a refusal where the shared one would speak of something else. */
function errorKey(code: ClientErrorCode): MessageKey {
  if (code === "PHONE_NOT_MOBILE") return "et.smsNotMobile";
  if (code === "PHONE_COUNTRY_NOT_ALLOWED") return "et.smsCountry";
  return `error.${code}`;
}

export function SmsForm(props: { token: string; view: ETicketView }) {
  const { t, lang } = useI18n();
  /** The answer to our own request, until the live view carries it. */
  const [answer, setAnswer] = useState<ETicketNotifyResponse | null>(null);
  const [phone, setPhone] = useState("");
  const [ahead, setAhead] = useState("3");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: MessageKey; field: "phone" | "ahead" | null } | null>(null);
  const notify = props.view.notify ?? answer;

  if (notify?.sent) {
    return (
      <section class="et-sms" aria-labelledby="sms-title">
        <h2 id="sms-title">{t("et.smsTitle")}</h2>
        <p class="et-sms-state et-sms-sent" role="status" data-testid="sms-state">
          {t("et.smsSent")}
        </p>
      </section>
    );
  }
  if (notify) {
    return (
      <section class="et-sms" aria-labelledby="sms-title">
        <h2 id="sms-title">{t("et.smsTitle")}</h2>
        <p class="et-sms-state" role="status" data-testid="sms-state">
          {t("et.smsSet", { n: notify.ahead })}
        </p>
      </section>
    );
  }
  if (props.view.status !== "waiting") return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(ahead);
    if (!Number.isInteger(n) || n < MIN_AHEAD || n > MAX_AHEAD) {
      setError({ key: "et.smsAheadInvalid", field: "ahead" });
      return;
    }
    if (phone.trim() === "") {
      setError({ key: "error.PHONE_INVALID", field: "phone" });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAnswer(await call("eticketNotify", { params: { token: props.token }, body: { phone: phone.trim(), ahead: n, lang } }));
    } catch (err) {
      const code = errorCode(err);
      setError({ key: errorKey(code), field: PHONE_ERRORS.includes(code) ? "phone" : null });
    } finally {
      setBusy(false);
    }
  };

  const described = (field: "phone" | "ahead", hint?: string) =>
    [hint, error?.field === field ? "sms-error" : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <section class="et-sms" aria-labelledby="sms-title">
      <h2 id="sms-title">{t("et.smsTitle")}</h2>
      <form noValidate onSubmit={(e) => void submit(e)} aria-busy={busy ? "true" : "false"}>
        <label for="sms-ahead">{t("et.smsAhead")}</label>
        <input
          id="sms-ahead"
          type="number"
          inputMode="numeric"
          min={MIN_AHEAD}
          max={MAX_AHEAD}
          value={ahead}
          aria-invalid={error?.field === "ahead" ? "true" : undefined}
          aria-describedby={described("ahead", "sms-ahead-hint")}
          onInput={(e) => setAhead(e.currentTarget.value)}
        />
        <p id="sms-ahead-hint" class="muted">
          {t("et.smsAheadHint", { min: MIN_AHEAD, max: MAX_AHEAD })}
        </p>
        <label for="sms-phone">{t("et.smsPhone")}</label>
        <input
          id="sms-phone"
          type="tel"
          autocomplete="tel"
          inputMode="tel"
          value={phone}
          aria-invalid={error?.field === "phone" ? "true" : undefined}
          aria-describedby={described("phone")}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        <p class="error-note" role="alert" id="sms-error">
          {error ? t(error.key) : ""}
        </p>
        <button type="submit" class="btn" disabled={busy}>
          {busy ? t("et.smsSending") : t("et.smsSubmit")}
        </button>
      </form>
    </section>
  );
}
