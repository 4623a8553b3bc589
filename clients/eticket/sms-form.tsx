// The SMS alert form ("text me when N people are ahead"): shown, but disabled until the
// SMS module exists; it says so instead of pretending to succeed.
import { useI18n } from "../shared/i18n.tsx";

export function SmsForm() {
  const { t } = useI18n();
  return (
    <section class="et-sms" aria-labelledby="sms-title">
      <h2 id="sms-title">{t("et.smsTitle")}</h2>
      <p class="et-sms-note" id="sms-note">{t("et.smsNote")}</p>
      <form aria-describedby="sms-note" onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled>
          <label for="sms-ahead">{t("et.smsAhead")}</label>
          <input id="sms-ahead" type="number" inputMode="numeric" min={1} max={20} value={3} />
          <label for="sms-phone">{t("et.smsPhone")}</label>
          <input id="sms-phone" type="tel" autocomplete="tel" inputMode="tel" />
          <button type="submit" class="btn">{t("et.smsSubmit")}</button>
        </fieldset>
      </form>
    </section>
  );
}
