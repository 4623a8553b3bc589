// "Mam rezerwację": the booking code keypad. Check-in by code comes with online booking;
// until then the screen says so on submit instead of pretending.
import { useState } from "preact/hooks";
import { useI18n } from "../shared/i18n.tsx";

const MAX_DIGITS = 8;
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

export function BookingCode(props: { onBack: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const press = (digit: string) => {
    setSubmitted(false);
    setCode((c) => (c.length < MAX_DIGITS ? c + digit : c));
  };
  return (
    <main class="kiosk-screen">
      <header class="kiosk-head">
        <div>
          <p class="kiosk-site">{t("kiosk.bookingTitle")}</p>
          <h1 class="kiosk-title">{t("kiosk.bookingPrompt")}</h1>
        </div>
        <button type="button" class="kiosk-back" onClick={props.onBack}>
          {t("common.back")}
        </button>
      </header>
      <p class="kiosk-note">{t("kiosk.bookingNote")}</p>
      <form
        class="keypad-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(true);
        }}
      >
        <label class="keypad-label" for="booking-code">
          {t("kiosk.bookingCode")}
        </label>
        <output id="booking-code" class="keypad-code" aria-live="polite" data-testid="booking-code">
          {code || "—"}
        </output>
        <div class="keypad">
          {KEYS.map((k) => (
            <button key={k} type="button" class="keypad-key" onClick={() => press(k)}>
              {k}
            </button>
          ))}
          <button type="button" class="keypad-key keypad-small" onClick={() => setCode("")}>
            {t("kiosk.bookingClear")}
          </button>
          <button type="button" class="keypad-key" onClick={() => press("0")}>
            0
          </button>
          <button type="button" class="keypad-key" aria-label={t("kiosk.bookingDelete")} onClick={() => setCode((c) => c.slice(0, -1))}>
            ⌫
          </button>
        </div>
        <button type="submit" class="kiosk-choice kiosk-done" disabled={code.length === 0}>
          {t("kiosk.bookingSubmit")}
        </button>
        <p class="kiosk-alert" role="alert" data-testid="booking-result">
          {submitted ? t("kiosk.bookingNotAvailable") : ""}
        </p>
      </form>
    </main>
  );
}
