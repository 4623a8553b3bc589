// The browser notification (Web Push) beside the SMS alert: no phone number needed. Shown only where the
// browser has a service worker, PushManager and Notification, and the server has VAPID keys (GET
// /push/key answers). The button asks the browser's permission, registers the e-ticket's service worker
// (/eticket-sw.js), subscribes with the server's key and posts the subscription to
// /etickets/{token}/push. Its state is said in words, in a live region: on, asking, refused, failed.
import { useEffect, useState } from "preact/hooks";
import type { ETicketView } from "../../protocol/api.ts";
import type { PushLang } from "../../protocol/push.ts";
import { call, errorCode } from "../shared/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";

const MIN_AHEAD = 1;
const MAX_AHEAD = 20;
const SW_URL = "/eticket-sw.js";
const SW_SCOPE = "/t/";

/** idle: offered; asking: the browser's prompt or the subscription under way; on: the server has it. */
type PushState =
  | { kind: "hidden" }
  | { kind: "idle" }
  | { kind: "asking" }
  | { kind: "on"; ahead: number }
  | { kind: "refused" }
  | { kind: "failed"; key: MessageKey };

/** Whether this browser can receive Web Push at all (no PushManager: the offer is not shown). */
export function browserHasPush(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

const storageKey = (token: string) => `numerek.push.${token}`;

function remembered(token: string): number | null {
  try {
    const v = Number(localStorage.getItem(storageKey(token)));
    return Number.isInteger(v) && v >= MIN_AHEAD ? v : null;
  } catch {
    return null;
  }
}

function remember(token: string, ahead: number): void {
  try {
    localStorage.setItem(storageKey(token), String(ahead));
  } catch {
    /* private mode: the state is shown until the page closes */
  }
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Permission, service worker, subscription: the browser's part. Throws what went wrong. */
async function subscribeBrowser(publicKey: string): Promise<PushSubscriptionJSON | "refused"> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "refused";
  await navigator.serviceWorker.register(SW_URL, { scope: SW_SCOPE });
  const reg = await navigator.serviceWorker.ready;
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  return sub.toJSON();
}

export function PushForm(props: { token: string; view: ETicketView }) {
  const { t, lang } = useI18n();
  const [publicKey, setPublicKey] = useState<string | null>(null);
  const [state, setState] = useState<PushState>(() => {
    if (!browserHasPush()) return { kind: "hidden" };
    const ahead = remembered(props.token);
    if (ahead !== null && Notification.permission === "granted") return { kind: "on", ahead };
    return Notification.permission === "denied" ? { kind: "refused" } : { kind: "idle" };
  });
  const [ahead, setAhead] = useState("3");
  const [aheadInvalid, setAheadInvalid] = useState(false);

  useEffect(() => {
    if (state.kind === "hidden") return;
    // Without the server's key (production without VAPID keys: 503) nothing is offered.
    call("pushKey", {}).then(
      (r) => setPublicKey(r.publicKey),
      () => setState({ kind: "hidden" }),
    );
  }, []);

  if (state.kind === "hidden" || publicKey === null) return null;
  if (props.view.status !== "waiting" && state.kind !== "on") return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(ahead);
    if (!Number.isInteger(n) || n < MIN_AHEAD || n > MAX_AHEAD) {
      setAheadInvalid(true);
      return;
    }
    setAheadInvalid(false);
    setState({ kind: "asking" });
    let subscription: PushSubscriptionJSON | "refused";
    try {
      subscription = await subscribeBrowser(publicKey);
    } catch {
      // No push service reachable from this browser, or the service worker could not start.
      setState({ kind: "failed", key: "et.pushFailed" });
      return;
    }
    if (subscription === "refused") {
      setState({ kind: "refused" });
      return;
    }
    const { endpoint, keys } = subscription;
    try {
      const pushLang: PushLang = lang;
      const r = await call("eticketPush", {
        params: { token: props.token },
        body: {
          subscription: { endpoint: endpoint ?? "", keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" } },
          ahead: n,
          lang: pushLang,
        },
      });
      remember(props.token, r.ahead);
      setState({ kind: "on", ahead: r.ahead });
    } catch (err) {
      const code = errorCode(err);
      setState({ kind: "failed", key: code === "VALIDATION_FAILED" || code === "NETWORK" ? "et.pushFailed" : `error.${code}` });
    }
  };

  const status = (() => {
    switch (state.kind) {
      case "on":
        return t("et.pushOn", { n: state.ahead });
      case "asking":
        return t("et.pushAsking");
      case "refused":
        return t("et.pushRefused");
      case "failed":
        return t(state.key);
      case "idle":
        return "";
    }
  })();

  return (
    <section class="et-sms et-push" aria-labelledby="push-title">
      <h2 id="push-title">{t("et.pushTitle")}</h2>
      {state.kind === "on" ? null : (
        <form noValidate onSubmit={(e) => void submit(e)} aria-busy={state.kind === "asking" ? "true" : "false"}>
          <p class="muted" id="push-hint">
            {t("et.pushHint")}
          </p>
          <label for="push-ahead">{t("et.pushAhead")}</label>
          <input
            id="push-ahead"
            type="number"
            inputMode="numeric"
            min={MIN_AHEAD}
            max={MAX_AHEAD}
            value={ahead}
            aria-invalid={aheadInvalid ? "true" : undefined}
            aria-describedby={aheadInvalid ? "push-ahead-hint push-ahead-error" : "push-ahead-hint"}
            onInput={(e) => setAhead(e.currentTarget.value)}
          />
          <p id="push-ahead-hint" class="muted">
            {t("et.smsAheadHint", { min: MIN_AHEAD, max: MAX_AHEAD })}
          </p>
          <p class="error-note" role="alert" id="push-ahead-error">
            {aheadInvalid ? t("et.smsAheadInvalid") : ""}
          </p>
          <button type="submit" class="btn" disabled={state.kind === "asking"} data-testid="push-submit">
            {t("et.pushSubmit")}
          </button>
        </form>
      )}
      <p class={state.kind === "on" ? "et-sms-state" : "et-push-state"} role="status" data-testid="push-state" data-state={state.kind}>
        {status}
      </p>
    </section>
  );
}
