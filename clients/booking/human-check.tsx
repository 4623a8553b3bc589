// The check that a person is booking (Cloudflare Turnstile, managed mode) on step 4. The page asks the
// server which check it shows (GET /api/v1/booking/config: the public site key and the widget's script,
// or none), loads that script once (explicit rendering) and draws the widget under its own heading and
// hint, which say what to do. The widget hands back a token, which goes with the booking and is checked
// once on the server; after any answer of the server the widget is drawn afresh for a new token.
// Usually the check passes by itself; sometimes the widget shows a checkbox ("Verify you are human")
// that works from the keyboard and with screen readers.
import { useEffect, useRef, useState } from "preact/hooks";
import type { BookingConfig } from "../../protocol/api.ts";
import { call, errorCode } from "../shared/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";

export type HumanCheckConfig = NonNullable<BookingConfig["humanCheck"]>;

/** The part of Turnstile's global API (api.js) the page uses. */
interface TurnstileApi {
  render(container: HTMLElement, options: TurnstileOptions): string | undefined;
  remove(widgetId: string): void;
}
interface TurnstileOptions {
  sitekey: string;
  action: string;
  language: string;
  callback: (token: string) => void;
  "error-callback": (code: string) => boolean;
  "expired-callback": () => void;
}
declare global {
  interface Window {
    turnstile?: TurnstileApi;
  }
}

// ---- the page's settings and the widget's script, each fetched once per page ----------------------

export type ConfigState =
  | { state: "loading" }
  | { state: "ready"; humanCheck: HumanCheckConfig | null }
  | { state: "failed"; code: ClientErrorCode };

let configLoad: Promise<BookingConfig> | null = null;

/** Which human check the booking form shows, if any. */
export function useBookingConfig(): ConfigState {
  const [config, setConfig] = useState<ConfigState>({ state: "loading" });
  useEffect(() => {
    let gone = false;
    configLoad ??= call("bookingConfig", {});
    configLoad.then(
      (c) => !gone && setConfig({ state: "ready", humanCheck: c.humanCheck }),
      (err: unknown) => {
        configLoad = null;
        if (!gone) setConfig({ state: "failed", code: errorCode(err) });
      },
    );
    return () => {
      gone = true;
    };
  }, []);
  return config;
}

let scriptLoad: Promise<TurnstileApi> | null = null;

function loadTurnstile(scriptUrl: string): Promise<TurnstileApi> {
  if (window.turnstile) return Promise.resolve(window.turnstile);
  scriptLoad ??= new Promise<TurnstileApi>((resolve, reject) => {
    const url = new URL(scriptUrl, location.href);
    url.searchParams.set("render", "explicit");
    const script = document.createElement("script");
    script.src = url.toString();
    script.async = true;
    script.addEventListener("load", () => (window.turnstile ? resolve(window.turnstile) : reject(new Error("no turnstile"))));
    script.addEventListener("error", () => {
      scriptLoad = null;
      script.remove();
      reject(new Error("the widget's script did not load"));
    });
    document.head.appendChild(script);
  });
  return scriptLoad;
}

// ---- the widget ----------------------------------------------------------------------------------

type Phase = "loading" | "ready" | "done" | "expired" | "broken";
const PHASE_TEXT: Record<Phase, MessageKey | null> = {
  loading: "bk.humanLoading",
  ready: null,
  done: "bk.humanDone",
  expired: "bk.humanExpired",
  broken: null,
};

export function HumanCheck(props: {
  config: HumanCheckConfig;
  /** Changing it draws the widget afresh (the last token was spent or refused). */
  resets: number;
  /** What went wrong with the check, shown under it. */
  problem: MessageKey | null;
  onToken: (token: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>("loading");
  const token = useRef<string | null>(null);
  const onToken = useRef(props.onToken);
  onToken.current = props.onToken;
  // The widget speaks the page's language; switching it draws the widget again only while it holds no token.
  const [widgetLang, setWidgetLang] = useState(lang);
  useEffect(() => {
    if (!token.current) setWidgetLang(lang);
  }, [lang]);

  const { siteKey, scriptUrl, action } = props.config;
  useEffect(() => {
    let gone = false;
    let widgetId: string | undefined;
    const take = (value: string | null) => {
      token.current = value;
      onToken.current(value);
    };
    take(null);
    setPhase("loading");
    loadTurnstile(scriptUrl).then(
      (turnstile) => {
        if (gone || !box.current) return;
        widgetId = turnstile.render(box.current, {
          sitekey: siteKey,
          action,
          language: widgetLang,
          callback: (value) => {
            take(value);
            setPhase("done");
          },
          "error-callback": () => {
            take(null);
            setPhase("broken");
            return true;
          },
          "expired-callback": () => {
            take(null);
            setPhase("expired");
          },
        });
        setPhase("ready");
      },
      () => !gone && setPhase("broken"),
    );
    return () => {
      gone = true;
      if (widgetId) window.turnstile?.remove(widgetId);
    };
  }, [siteKey, scriptUrl, action, widgetLang, props.resets]);

  const status = PHASE_TEXT[phase];
  const problem: MessageKey | null = phase === "broken" ? "bk.humanBroken" : props.problem;
  return (
    <section class="bk-human" aria-labelledby="bk-human-title" aria-describedby="bk-human-hint">
      <h3 id="bk-human-title">{t("bk.humanTitle")}</h3>
      <p id="bk-human-hint" class="muted">
        {t("bk.humanHint")}
      </p>
      <div
        ref={box}
        id="bk-human"
        class="bk-human-widget"
        role="group"
        tabIndex={-1}
        aria-labelledby="bk-human-title"
        aria-describedby={problem ? "bk-human-hint bk-human-error" : "bk-human-hint"}
      />
      <p class="muted" role="status">
        {status ? t(status) : ""}
      </p>
      <p id="bk-human-error" class="bk-field-error" role="alert">
        {problem ? t(problem) : ""}
      </p>
    </section>
  );
}

/**
 * Takes the focus to the widget's group after a refusal: it names the check and says what went wrong, and
 * the next Tab is the widget's checkbox. (Not the frame itself: a refused token redraws it.)
 */
export function focusHumanCheck(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>("#bk-human")?.focus();
}
