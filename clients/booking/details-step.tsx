// Step 4: name or company, then how the code comes (a mobile number by SMS, or an e-mail address), the
// office's data-protection notice and the required consent, and the check that a person is booking
// (Turnstile, where the server asks for it). Sending holds the slot and sends the code (POST /bookings
// with an Idempotency-Key, so a retry after a lost answer holds one slot, not two); the request carries
// either `phone` or `email`, and the widget's token; field errors are tied to their fields.
import { useEffect, useRef, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { call, errorCode, newKey } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";
import { ChannelChoice } from "./channel-choice.tsx";
import { type Contact, type Created, contactAddress } from "./flow.ts";
import { sameContact } from "./history.ts";
import { focusHumanCheck, HumanCheck, useBookingConfig } from "./human-check.tsx";
import { privacyNotice } from "./privacy.ts";
import { StepHeading } from "./step-heading.tsx";

type Field = "name" | "phone" | "email" | "consent" | "human";
type Problems = Partial<Record<Field, MessageKey>>;

/** The longest name the API takes (CreateBookingRequest). */
const NAME_MAX = 120;
const PHONE_ERRORS: readonly ClientErrorCode[] = ["PHONE_INVALID", "PHONE_NOT_MOBILE", "PHONE_COUNTRY_NOT_ALLOWED"];
const EMAIL_ERRORS: readonly ClientErrorCode[] = ["EMAIL_INVALID"];
const ADDRESS_FIELDS = {
  phone: { name: "phone", type: "tel", label: "bk.phone", hint: "bk.phoneHint", maxLength: 30 },
  email: { name: "email", type: "email", label: "bk.email", hint: "bk.emailHint", maxLength: 254 },
} as const;
/** Something, an @, something, a dot, something: the server checks the rest. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function check(c: Contact, consent: boolean, human: { needed: boolean; token: string | null }): Problems {
  const p: Problems = {};
  if (c.name.trim().length < 2) p.name = "bk.nameInvalid";
  if (c.channel === "sms" && c.phone.trim() === "") p.phone = "bk.phoneMissing";
  if (c.channel === "email") {
    const email = c.email.trim();
    if (email === "") p.email = "bk.emailMissing";
    else if (!EMAIL_SHAPE.test(email)) p.email = "error.EMAIL_INVALID";
  }
  if (!consent) p.consent = "bk.consentMissing";
  if (human.needed && !human.token) p.human = "bk.humanMissing";
  return p;
}

/** The field a refusal of the server belongs to, if any. */
function fieldOf(code: ClientErrorCode, c: Contact): Field | null {
  if (PHONE_ERRORS.includes(code)) return "phone";
  if (EMAIL_ERRORS.includes(code)) return "email";
  if (code === "CONTACT_REQUIRED") return c.channel === "email" ? "email" : "phone";
  if (code === "HUMAN_CHECK_FAILED") return "human";
  return null;
}

export function DetailsStep(props: {
  site: PublicSite;
  matterId: string;
  start: string;
  contact: Contact;
  focus: boolean;
  onContact: (c: Contact) => void;
  onHeld: (created: Created) => void;
  /** The contact whose code already went out for this slot, while its hold waits: the same details continue it. */
  held?: Contact | null;
  onContinueHold?: () => void;
  onSlotGone: () => void;
}) {
  const { t, lang } = useI18n();
  const { contact } = props;
  const notice = privacyNotice(props.site.privacy, lang);
  const email = contact.channel === "email";
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  // The language is part of the request (its messages are written in it): another language is another request.
  useEffect(() => {
    key.current = null;
  }, [lang]);
  const form = useRef<HTMLFormElement>(null);
  const config = useBookingConfig();
  const humanCheck = config.state === "ready" ? config.humanCheck : null;
  const [humanToken, setHumanToken] = useState<string | null>(null);
  /** Each answer of the server spends the token: the widget is drawn afresh for a new one. */
  const [humanResets, setHumanResets] = useState(0);
  const focusField = (f: Field) =>
    f === "human" ? focusHumanCheck(form.current) : form.current?.querySelector<HTMLElement>(`#bk-${f}`)?.focus();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    // Back from the code step with the same details: the slot is held and the code is on its way.
    if (props.held && sameContact(props.held, contact) && consent) return props.onContinueHold?.();
    const found = check(contact, consent, { needed: humanCheck !== null, token: humanToken });
    setProblems(found);
    const first = (["name", "phone", "email", "consent", "human"] as const).find((f) => found[f]);
    if (first) return focusField(first);
    setBusy(true);
    key.current ??= newKey("booking");
    const address = email ? { email: contactAddress(contact) } : { phone: contactAddress(contact) };
    try {
      const created = await call("createBooking", {
        body: {
          siteId: props.site.id,
          matterId: props.matterId,
          start: props.start,
          name: contact.name.trim(),
          ...address,
          consent: true,
          lang,
          ...(humanToken ? { turnstileToken: humanToken } : {}),
        },
        idempotencyKey: key.current,
      });
      props.onHeld(created);
    } catch (err) {
      const code = errorCode(err);
      // Lost on the way: a retry must reuse the key (and the token). Refused: the corrected form is a new
      // request, and the server has spent the token, so the widget gives a new one.
      if (code !== "NETWORK") {
        key.current = null;
        if (humanCheck) setHumanResets((n) => n + 1);
      }
      if (code === "SLOT_UNAVAILABLE") return props.onSlotGone();
      const field = fieldOf(code, contact);
      // A refused check is shown at the widget; without one on the page (its settings did not load), above the button.
      if (field && (field !== "human" || humanCheck)) {
        setProblems({ [field]: `error.${code}` });
        focusField(field);
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

  // The one address field of the chosen channel: an e-mail address, or a mobile number.
  const address = email ? ADDRESS_FIELDS.email : ADDRESS_FIELDS.phone;

  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 4 })}>
        {t("bk.detailsTitle")}
      </StepHeading>
      {props.held && (
        <p class="bk-note" data-testid="held-note">
          {t("bk.heldNote")}
        </p>
      )}
      <form ref={form} class="bk-form" noValidate onSubmit={submit}>
        <div class="bk-field">
          <label for="bk-name">{t("bk.name")}</label>
          <input
            id="bk-name"
            name="name"
            autocomplete="name"
            required
            maxLength={NAME_MAX}
            aria-invalid={problems.name ? "true" : undefined}
            aria-describedby={describe("name", "bk-name-count")}
            value={contact.name}
            onInput={(e) => props.onContact({ ...contact, name: e.currentTarget.value })}
          />
          <p id="bk-name-count" class="bk-count muted">
            {t("bk.nameCount", { n: contact.name.length, max: NAME_MAX })}
          </p>
          {fieldError("name")}
        </div>
        <ChannelChoice
          channel={contact.channel}
          onChannel={(channel) => {
            props.onContact({ ...contact, channel });
            setProblems(({ phone: _p, email: _e, ...rest }) => rest);
          }}
        />
        <div class="bk-field" key={address.name}>
          <label for={`bk-${address.name}`}>{t(address.label)}</label>
          <input
            id={`bk-${address.name}`}
            name={address.name}
            type={address.type}
            inputMode={address.type}
            autocomplete={address.type}
            required
            maxLength={address.maxLength}
            aria-invalid={problems[address.name] ? "true" : undefined}
            aria-describedby={describe(address.name, `bk-${address.name}-hint`)}
            value={contact[address.name]}
            onInput={(e) => props.onContact({ ...contact, [address.name]: e.currentTarget.value })}
          />
          <p id={`bk-${address.name}-hint`} class="muted">
            {t(address.hint)}
          </p>
          {fieldError(address.name)}
        </div>
        <section class="bk-privacy" aria-labelledby="bk-privacy-title" data-testid="privacy">
          <h3 id="bk-privacy-title">{t("bk.privacyTitle")}</h3>
          <p data-testid="privacy-controller">
            {/* The controller is named as the office wrote it, in Polish: said to be Polish on a page in another language. */}
            {t("bk.controller", { controller: "\u0000" }).split("\u0000")[0]}
            <span lang="pl">{props.site.privacy.controller}</span>
            {t("bk.controller", { controller: "\u0000" }).split("\u0000")[1]}
          </p>
          <p id="bk-privacy-notice" lang={notice.lang}>
            {notice.text}
          </p>
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
        {humanCheck && (
          <HumanCheck
            config={humanCheck}
            resets={humanResets}
            problem={problems.human ?? null}
            onToken={(token) => {
              setHumanToken(token);
              if (token) setProblems(({ human: _h, ...rest }) => rest);
            }}
          />
        )}
        {config.state === "failed" && <ErrorNote code={config.code} />}
        <button type="submit" class="btn btn-primary bk-submit" disabled={busy}>
          {busy ? t("bk.sending") : t(email ? "bk.sendCodeEmail" : "bk.sendCode")}
        </button>
        <ErrorNote code={error} />
      </form>
    </section>
  );
}
