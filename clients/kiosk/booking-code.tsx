// "Mam rezerwację": the check-in code keypad (digits and letters of the code alphabet, big targets;
// a physical keyboard works too). A valid code turns into the booking's ticket; refusals are said plainly.
import { useEffect, useRef, useState } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import { checkInMessage } from "./check-in-message.ts";
import type { CheckInState } from "./use-check-in.ts";

/** The check-in code alphabet (no 0/O, 1/I/L look-alikes) and the code's length. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 6;

export function BookingCode(props: { checkIn: CheckInState; onTicket: (t: IssuedTicket) => void; onBack: () => void }) {
  const { t } = useI18n();
  const { busy, failure } = props.checkIn;
  const [code, setCode] = useState("");
  const complete = code.length === CODE_LENGTH;

  const press = (ch: string) => {
    props.checkIn.clear();
    setCode((c) => (c.length < CODE_LENGTH ? c + ch : c));
  };
  const erase = () => {
    props.checkIn.clear();
    setCode((c) => c.slice(0, -1));
  };
  const submit = async () => {
    if (!complete || busy) return;
    const ticket = await props.checkIn.checkIn(code);
    if (ticket) props.onTicket(ticket);
  };

  // A kiosk with a keyboard (or a scanner that types): the same keys as on the screen.
  const latest = useRef({ press, erase, submit });
  latest.current = { press, erase, submit };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || (e.target instanceof HTMLElement && e.target.closest("button") && e.key === "Enter"))
        return;
      const ch = e.key.toUpperCase();
      if (ch.length === 1 && ALPHABET.includes(ch)) latest.current.press(ch);
      else if (e.key === "Backspace") latest.current.erase();
      else if (e.key === "Enter") void latest.current.submit();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <main class="kiosk-screen" aria-busy={busy ? "true" : "false"}>
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
          void submit();
        }}
      >
        <label class="keypad-label" for="booking-code">
          {t("kiosk.bookingCode")}
        </label>
        <output id="booking-code" class="keypad-code" aria-live="polite" data-testid="booking-code">
          {code || (
            <>
              <span aria-hidden="true">––––––</span>
              <span class="visually-hidden">{t("kiosk.bookingCodeEmpty")}</span>
            </>
          )}
        </output>
        <div class="keypad keypad-alnum" role="group" aria-label={t("kiosk.bookingKeys")}>
          {[...ALPHABET].map((k) => (
            <button key={k} type="button" class="keypad-key" disabled={busy} onClick={() => press(k)}>
              {k}
            </button>
          ))}
          <button type="button" class="keypad-key" disabled={busy} aria-label={t("kiosk.bookingDelete")} onClick={erase}>
            ⌫
          </button>
        </div>
        <div class="keypad-actions">
          <button
            type="button"
            class="kiosk-back keypad-clear"
            disabled={busy}
            onClick={() => {
              props.checkIn.clear();
              setCode("");
            }}
          >
            {t("kiosk.bookingClear")}
          </button>
          <button type="submit" class="kiosk-choice kiosk-done" disabled={!complete || busy}>
            {t("kiosk.bookingSubmit")}
          </button>
        </div>
        {busy && (
          <p class="kiosk-busy" role="status">
            {t("kiosk.checkingIn")}
          </p>
        )}
        <p class="kiosk-alert" role="alert" data-testid="booking-result" data-code={failure?.code}>
          {failure ? checkInMessage(t, failure) : ""}
        </p>
        {/* The office is cut off from the internet: a booking cannot be checked, an ordinary ticket can be taken. */}
        {failure?.code === "OFFLINE_NOT_AVAILABLE" && (
          <button type="button" class="kiosk-choice kiosk-done" onClick={props.onBack} data-testid="offline-walk-in">
            {t("kiosk.checkIn.takeTicket")}
          </button>
        )}
      </form>
    </main>
  );
}
