// Step 4: name or company and a mobile number, the office's data-protection notice and the required
// consent. Sending holds the slot and texts the code (POST /bookings with an Idempotency-Key, so a
// retry after a lost answer holds one slot, not two); field errors are tied to their fields.
import { useRef, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { api, errorCode, newKey } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";
import type { Contact, Created } from "./flow.ts";
import { StepHeading } from "./step-heading.tsx";

type Field = "name" | "phone" | "consent";
type Problems = Partial<Record<Field, MessageKey>>;

const PHONE_ERRORS: readonly ClientErrorCode[] = ["PHONE_INVALID", "PHONE_NOT_MOBILE", "CONTACT_REQUIRED"];

function check(c: Contact, consent: boolean): Problems {
  const p: Problems = {};
  if (c.name.trim().length < 2) p.name = "bk.nameInvalid";
  if (c.phone.trim() === "") p.phone = "bk.phoneMissing";
  if (!consent) p.consent = "bk.consentMissing";
  return p;
}

export function DetailsStep(props: {
  site: PublicSite;
  matterId: string;
  start: string;
  contact: Contact;
  focus: boolean;
  onContact: (c: Contact) => void;
  onHeld: (created: Created) => void;
  onSlotGone: () => void;
}) {
  const { t } = useI18n();
  const { contact } = props;
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const found = check(contact, consent);
    setProblems(found);
    const first = (["name", "phone", "consent"] as const).find((f) => found[f]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#bk-${first}`)?.focus();
      return;
    }
    setBusy(true);
    key.current ??= newKey("booking");
    try {
      const created = await api<Created>("/api/v1/bookings", {
        body: { siteId: props.site.id, matterId: props.matterId, start: props.start, name: contact.name.trim(), phone: contact.phone.trim(), consent: true },
        idempotencyKey: key.current,
      });
      props.onHeld(created);
    } catch (err) {
      const code = errorCode(err);
      // Lost on the way: a retry must reuse the key. Refused: the corrected form is a new request.
      if (code !== "NETWORK") key.current = null;
      if (code === "SLOT_UNAVAILABLE") return props.onSlotGone();
      if (PHONE_ERRORS.includes(code)) {
        setProblems({ phone: `error.${code}` });
        form.current?.querySelector<HTMLElement>("#bk-phone")?.focus();
      } else {
        setError(code);
      }
    } finally {
      setBusy(false);
    }
  };

  const describe = (f: Field, hint?: string) => [hint, problems[f] ? `bk-${f}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const fieldError = (f: Field) =>
    problems[f] ? (
      <p id={`bk-${f}-error`} class="bk-field-error">
        {t(problems[f])}
      </p>
    ) : null;

  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 4 })}>
        {t("bk.detailsTitle")}
      </StepHeading>
      <form ref={form} class="bk-form" noValidate onSubmit={submit}>
        <div class="bk-field">
          <label for="bk-name">{t("bk.name")}</label>
          <input
            id="bk-name"
            name="name"
            autocomplete="name"
            required
            maxLength={120}
            aria-invalid={problems.name ? "true" : undefined}
            aria-describedby={describe("name")}
            value={contact.name}
            onInput={(e) => props.onContact({ ...contact, name: e.currentTarget.value })}
          />
          {fieldError("name")}
        </div>
        <div class="bk-field">
          <label for="bk-phone">{t("bk.phone")}</label>
          <input
            id="bk-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            required
            maxLength={30}
            aria-invalid={problems.phone ? "true" : undefined}
            aria-describedby={describe("phone", "bk-phone-hint")}
            value={contact.phone}
            onInput={(e) => props.onContact({ ...contact, phone: e.currentTarget.value })}
          />
          <p id="bk-phone-hint" class="muted">
            {t("bk.phoneHint")}
          </p>
          {fieldError("phone")}
        </div>
        <section class="bk-privacy" aria-labelledby="bk-privacy-title">
          <h3 id="bk-privacy-title">{t("bk.privacyTitle")}</h3>
          <p>{t("bk.controller", { controller: props.site.privacy.controller })}</p>
          <p id="bk-privacy-notice">{props.site.privacy.notice}</p>
        </section>
        <div class="bk-consent">
          <input
            id="bk-consent"
            type="checkbox"
            required
            checked={consent}
            aria-invalid={problems.consent ? "true" : undefined}
            aria-describedby={describe("consent", "bk-privacy-notice")}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <label for="bk-consent">{t("bk.consent")}</label>
        </div>
        {fieldError("consent")}
        <button type="submit" class="btn btn-primary bk-submit" disabled={busy}>
          {busy ? t("bk.sending") : t("bk.sendCode")}
        </button>
        <ErrorNote code={error} />
      </form>
    </section>
  );
}
