// A loopback stand-in for Cloudflare Turnstile, for the demo (`npm start`) and the tests: no machine here
// reaches challenges.cloudflare.com. It serves, under the same paths as Cloudflare,
//   GET  /turnstile/v0/api.js      the widget script: the global `turnstile` with render, reset, remove and
//                                  getResponse, explicit (?render=explicit, ?onload=) and implicit
//                                  (.cf-turnstile, data-* attributes) rendering, the hidden
//                                  `cf-turnstile-response` input, and the callback, error-callback and
//                                  expired-callback options;
//   GET  /turnstile/v0/frame       the widget's own page, shown in an iframe of this origin (as the real
//                                  widget is): one labelled checkbox, "Potwierdź, że jesteś człowiekiem";
//                                  ticking it yields a fresh token;
//   POST /turnstile/v0/siteverify  answers exactly like Cloudflare's: JSON with success, error-codes,
//                                  challenge_ts, hostname, action; each token it issued passes once, a
//                                  reused or older-than-300-s token gets `timeout-or-duplicate`, a token it
//                                  never issued `invalid-input-response`, a wrong secret `invalid-input-secret`.
//   POST /turnstile/v0/token       a fresh token without a browser ({hostname, action} as JSON), for tests
//                                  that book through the API; the widget's page calls it too.
// Plain JavaScript for any Node >= 18 (scripts/start.mjs imports it); the types are in the .d.mts beside it.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

/** The stand-in's keys (public, like Cloudflare's test keys): nothing else passes its siteverify. */
export const STAND_IN_SITE_KEY = "0xSTANDIN-numerek-site-key";
export const STAND_IN_SECRET_KEY = "0xSTANDIN-numerek-secret-key";
/** A token is valid this long after it was issued, as Cloudflare's are. */
const TOKEN_SECONDS = 300;
/** Cloudflare refuses longer tokens as malformed. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Starts the stand-in on a loopback port (0: any free one).
 * @param {{ port?: number, host?: string, tokenSeconds?: number }} [options]
 */
export async function startTurnstileStandIn(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const tokenSeconds = options.tokenSeconds ?? TOKEN_SECONDS;
  /** Tokens issued and not yet spent: token → what siteverify will say about it. */
  const issued = new Map();
  /** Answers already given per idempotency_key (Cloudflare answers a retried check the same). */
  const answered = new Map();
  const stats = { verified: 0 };

  /** @param {{ hostname?: string, action?: string, sitekey?: string }} what */
  function issue(what) {
    const token = `standin.${randomBytes(48).toString("base64url")}`;
    issued.set(token, { hostname: what.hostname ?? "localhost", action: what.action ?? "", issuedAt: Date.now() });
    return token;
  }

  /** Cloudflare's siteverify over the stand-in's own tokens. */
  function verify(form) {
    const fail = (...codes) => ({ success: false, "error-codes": codes, messages: [] });
    const secret = form.get("secret");
    const response = form.get("response");
    if (!secret) return fail("missing-input-secret");
    if (secret !== STAND_IN_SECRET_KEY) return fail("invalid-input-secret");
    if (!response) return fail("missing-input-response");
    const key = form.get("idempotency_key");
    const again = key ? answered.get(key) : undefined;
    if (again && again.token === response) return again.answer;
    if (response.length > MAX_TOKEN_LENGTH) return fail("invalid-input-response");
    const known = issued.get(response);
    if (!known) return fail("invalid-input-response");
    if (known.spent || Date.now() - known.issuedAt > tokenSeconds * 1000) return fail("timeout-or-duplicate");
    known.spent = true;
    stats.verified += 1;
    const answer = {
      success: true,
      "error-codes": [],
      challenge_ts: new Date(known.issuedAt).toISOString(),
      hostname: known.hostname,
      action: known.action,
      cdata: "",
      metadata: { interactive: true },
    };
    if (key) answered.set(key, { token: response, answer });
    return answer;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const send = (status, type, body) => {
        res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", Connection: "close" });
        res.end(body);
      };
      const json = (status, body) => send(status, "application/json", JSON.stringify(body));
      try {
        if (req.method === "GET" && url.pathname === "/turnstile/v0/api.js") {
          return send(200, "text/javascript; charset=utf-8", widgetScript(url));
        }
        if (req.method === "GET" && url.pathname === "/turnstile/v0/frame") {
          return send(200, "text/html; charset=utf-8", framePage(url));
        }
        if (req.method === "POST" && url.pathname === "/turnstile/v0/token") {
          const body = raw ? JSON.parse(raw) : {};
          if (body.sitekey !== undefined && body.sitekey !== STAND_IN_SITE_KEY) return json(400, { error: "invalid sitekey" });
          return json(200, { token: issue(body) });
        }
        if (url.pathname === "/turnstile/v0/siteverify") {
          if (req.method !== "POST") return json(405, { success: false, "error-codes": ["bad-request"] });
          const type = req.headers["content-type"] ?? "";
          const form = type.startsWith("application/json")
            ? new URLSearchParams(Object.entries(JSON.parse(raw || "{}")).map(([k, v]) => [k, String(v)]))
            : new URLSearchParams(raw);
          return json(200, verify(form));
        }
        return json(404, { error: "not found" });
      } catch {
        return json(400, { success: false, "error-codes": ["bad-request"] });
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  const scriptUrl = `${origin}/turnstile/v0/api.js`;
  const siteverifyUrl = `${origin}/turnstile/v0/siteverify`;
  return {
    origin,
    scriptUrl,
    siteverifyUrl,
    siteKey: STAND_IN_SITE_KEY,
    secretKey: STAND_IN_SECRET_KEY,
    /** How many tokens siteverify has accepted. */
    get verified() {
      return stats.verified;
    },
    /** A fresh token, as if a citizen had ticked the widget on a page of `hostname`. */
    mint: (what = {}) => issue(what),
    /** The Worker's settings that use this stand-in. */
    vars: () => ({
      TURNSTILE_SITE_KEY: STAND_IN_SITE_KEY,
      TURNSTILE_SECRET_KEY: STAND_IN_SECRET_KEY,
      TURNSTILE_SCRIPT_URL: scriptUrl,
      TURNSTILE_SITEVERIFY_URL: siteverifyUrl,
    }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * A fresh token from a stand-in running elsewhere (another process), as its widget would get one.
 * @param {string} origin the stand-in's origin, e.g. "http://127.0.0.1:41234"
 * @param {{ hostname?: string, action?: string }} [what]
 * @returns {Promise<string>}
 */
export async function mintToken(origin, what = {}) {
  const res = await fetch(`${origin}/turnstile/v0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(what),
  });
  if (!res.ok) throw new Error(`stand-in token: ${res.status}`);
  return (await res.json()).token;
}

/** The widget script: the global API of Cloudflare's api.js, drawing each widget as an iframe of this origin. */
function widgetScript(url) {
  const explicit = url.searchParams.get("render") === "explicit";
  const onload = url.searchParams.get("onload") ?? "";
  return `(() => {
  "use strict";
  const ORIGIN = new URL(document.currentScript ? document.currentScript.src : ${JSON.stringify(url.href)}).origin;
  const FRAME_TITLE = "Widget containing a Cloudflare security challenge";
  const TOKEN_MS = ${TOKEN_SECONDS * 1000};
  const widgets = new Map();
  let next = 0;
  const call = (fn, ...args) => {
    const f = typeof fn === "string" ? window[fn] : fn;
    if (typeof f === "function") return f(...args);
  };
  function element(container) {
    const el = typeof container === "string" ? document.querySelector(container) : container;
    if (!el) throw new Error("[Cloudflare Turnstile] Could not find the widget's container.");
    return el;
  }
  function frameUrl(w) {
    const q = new URLSearchParams({ id: w.id, sitekey: w.options.sitekey || "", action: w.options.action || "", language: w.options.language || "auto", parent: location.origin });
    return ORIGIN + "/turnstile/v0/frame?" + q.toString();
  }
  function setToken(w, token) {
    w.token = token;
    if (w.input) w.input.value = token || "";
    clearTimeout(w.timer);
    if (token) {
      w.timer = setTimeout(() => {
        setToken(w, null);
        w.expired = true;
        call(w.options["expired-callback"]);
      }, TOKEN_MS);
    }
  }
  function render(container, options) {
    const el = element(container);
    const opts = Object.assign({}, options || {});
    const id = "cf-chl-widget-" + (next++).toString(36);
    const frame = document.createElement("iframe");
    frame.title = FRAME_TITLE;
    frame.id = id;
    frame.style.cssText = "border:none;width:300px;max-width:100%;height:65px;display:block";
    const w = { id, options: opts, frame, token: null, expired: false, timer: 0, input: null };
    if (opts["response-field"] !== false) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = opts["response-field-name"] || "cf-turnstile-response";
      input.id = id + "_response";
      w.input = input;
    }
    widgets.set(id, w);
    frame.src = frameUrl(w);
    el.appendChild(frame);
    if (w.input) el.appendChild(w.input);
    return id;
  }
  function widget(id) {
    if (id === undefined) return widgets.values().next().value;
    if (widgets.has(id)) return widgets.get(id);
    for (const w of widgets.values()) if (w.frame.parentElement === id || w.frame.parentElement === document.querySelector(id)) return w;
    return undefined;
  }
  window.addEventListener("message", (event) => {
    if (event.origin !== ORIGIN || !event.data || event.data.source !== "turnstile-stand-in") return;
    const w = widgets.get(event.data.widgetId);
    if (!w || event.source !== w.frame.contentWindow) return;
    if (event.data.event === "complete") {
      w.expired = false;
      setToken(w, event.data.token);
      call(w.options.callback, event.data.token);
    } else if (event.data.event === "fail") {
      setToken(w, null);
      if (call(w.options["error-callback"], event.data.code) === undefined && !w.options["error-callback"]) {
        throw new Error("[Cloudflare Turnstile] Error: " + event.data.code + ".");
      }
    }
  });
  window.turnstile = {
    render,
    reset(id) {
      const w = widget(id);
      if (!w) return;
      setToken(w, null);
      w.expired = false;
      w.frame.src = frameUrl(w);
    },
    remove(id) {
      const w = widget(id);
      if (!w) return;
      clearTimeout(w.timer);
      w.frame.remove();
      if (w.input) w.input.remove();
      widgets.delete(w.id);
    },
    getResponse(id) {
      const w = widget(id);
      return w && w.token ? w.token : undefined;
    },
    isExpired(id) {
      const w = widget(id);
      return Boolean(w && w.expired);
    },
    ready(fn) {
      fn();
    },
  };
  const implicit = () => {
    for (const el of document.querySelectorAll(".cf-turnstile")) {
      if (el.querySelector("iframe")) continue;
      const d = el.dataset;
      render(el, {
        sitekey: d.sitekey,
        action: d.action,
        language: d.language,
        callback: d.callback,
        "error-callback": d.errorCallback,
        "expired-callback": d.expiredCallback,
        "response-field": d.responseField !== "false",
        "response-field-name": d.responseFieldName,
      });
    }
  };
  if (!${explicit}) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", implicit);
    else implicit();
  }
  if (${JSON.stringify(onload)}) call(${JSON.stringify(onload)});
})();
`;
}

const FRAME_TEXTS = {
  pl: {
    label: "Potwierdź, że jesteś człowiekiem",
    checking: "Sprawdzanie…",
    done: "Gotowe",
    badKey: "Błąd konfiguracji: nieznany klucz witryny.",
    brand: "Zamiennik Turnstile (demo)",
  },
  en: {
    label: "Verify you are human",
    checking: "Verifying…",
    done: "Success!",
    badKey: "Configuration error: unknown site key.",
    brand: "Turnstile stand-in (demo)",
  },
  uk: {
    label: "Підтвердьте, що ви людина",
    checking: "Перевірка…",
    done: "Готово",
    badKey: "Помилка налаштування: невідомий ключ сайту.",
    brand: "Замінник Turnstile (демо)",
  },
};

/** The widget's language as Turnstile takes it ("en", "en-GB", "uk", "auto"…): Polish for any other. */
export function frameLang(language) {
  const asked = (language ?? "auto").toLowerCase();
  return asked.startsWith("en") ? "en" : asked.startsWith("uk") ? "uk" : "pl";
}

/** The widget's page inside the iframe: one native checkbox with its label, and a live status line. */
function framePage(url) {
  const q = url.searchParams;
  const lang = frameLang(q.get("language"));
  const t = FRAME_TEXTS[lang];
  const known = q.get("sitekey") === STAND_IN_SITE_KEY;
  const config = JSON.stringify({
    widgetId: q.get("id") ?? "",
    action: q.get("action") ?? "",
    parent: q.get("parent") ?? "*",
    sitekey: q.get("sitekey") ?? "",
    known,
    texts: t,
  }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${t.label}</title>
<style>
  /* One box the size of Cloudflare's widget (300 x 65): the checkbox and its label, then who draws it and its state. */
  html, body { margin: 0; height: 100%; }
  body { font: 14px/1.25 system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
  label { white-space: nowrap; }
  .w { display: grid; grid-template-columns: auto 1fr; align-items: center; column-gap: 10px; height: 100%; box-sizing: border-box;
       border: 1px solid #767676; border-radius: 4px; padding: 6px 10px; }
  input { width: 24px; height: 24px; margin: 0; accent-color: #0a6b2d; grid-row: span 2; }
  input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  small { color: #4a4a4a; font-size: 11.5px; white-space: nowrap; }
</style>
</head>
<body>
<div class="w">
  <input type="checkbox" id="human"${known ? "" : " disabled"}>
  <label for="human">${t.label}</label>
  <small>${t.brand} · <span id="status" role="status">${known ? "" : t.badKey}</span></small>
</div>
<script>
(() => {
  const c = ${config};
  const box = document.getElementById("human");
  const status = document.getElementById("status");
  const post = (message) => parent.postMessage(Object.assign({ source: "turnstile-stand-in", widgetId: c.widgetId }, message), c.parent);
  if (!c.known) { post({ event: "fail", code: "110100" }); return; }
  box.addEventListener("change", async () => {
    if (!box.checked) return;
    box.disabled = true;
    status.textContent = c.texts.checking;
    try {
      const res = await fetch("/turnstile/v0/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sitekey: c.sitekey, action: c.action, hostname: c.parent === "*" ? "" : new URL(c.parent).hostname }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const { token } = await res.json();
      status.textContent = c.texts.done;
      post({ event: "complete", token });
    } catch {
      box.checked = false;
      box.disabled = false;
      status.textContent = "";
      post({ event: "fail", code: "300030" });
    }
  });
})();
</script>
</body>
</html>`;
}
