// The embeddable widget: one line of HTML on a city's own web site,
//   <script src="https://<numerek>/widget.js" data-site="<siteId>" async></script>
// (data-lang="en" or "uk" for English or Ukrainian; Polish by default), shows the office's live queues
// right after the script tag, inside a shadow root so the city's styles and ours never mix. It reads
// the public status route (CORS open, cached 15 s at the edge) every 15 seconds. No framework: a small
// bundle of its own. Everything from the server is put in as text, never as HTML.
import { localName } from "../../protocol/local-name.ts";
import type { PublicSiteStatus } from "../../protocol/public-status.ts";
import { waitRangeText } from "../queues/wait-range-text.ts";
import type { WidgetKey, WidgetLang, WidgetTexts } from "./keys.ts";
import { WIDGET_STYLE } from "./style.ts";

declare const __WIDGET_TEXTS__: WidgetTexts;
/** Read once: the build puts the texts in where this name stands. */
const TEXTS: WidgetTexts = __WIDGET_TEXTS__;

const REFRESH_MS = 15_000;

function langOf(asked: string | undefined): WidgetLang {
  return asked === "en" || asked === "uk" ? asked : "pl";
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function start(script: HTMLScriptElement): void {
  const siteId = script.dataset.site ?? "";
  const lang = langOf(script.dataset.lang);
  const say = (key: WidgetKey, params: Record<string, string | number> = {}): string =>
    TEXTS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
  const origin = new URL(script.src, location.href).origin;
  const host = el("div", { class: "numerek-widget" });
  script.after(host);
  const root = host.attachShadow({ mode: "open" });
  const style = el("style", {}, WIDGET_STYLE);
  const box = el("section", { lang, class: "nw" });
  box.append(el("p", {}, say("common.loading")));
  root.append(style, box);

  function show(status: PublicSiteStatus): void {
    const heading = el("h2", { id: "nw-title" }, status.name);
    const table = el("table", { "aria-labelledby": "nw-title" });
    const head = el("tr");
    for (const key of ["q.matter", "q.waiting", "q.wait"] as const) head.append(el("th", { scope: "col" }, say(key)));
    table.append(el("thead"), el("tbody"));
    table.tHead?.append(head);
    for (const m of status.matters) {
      const row = el("tr", { "data-matter": m.id });
      // The office's name for the matter in the widget's language, or its Polish one, said to be Polish.
      const name = localName(m, lang);
      const cell = el("th", { scope: "row" });
      cell.append(name.lang === lang ? name.text : el("span", { lang: name.lang }, name.text), ` (${m.prefix})`);
      row.append(cell, el("td", {}, String(m.waiting)), el("td", {}, m.waitRange ? waitRangeText(m.waitRange, say) : say("q.closed")));
      table.tBodies[0]?.append(row);
    }
    box.replaceChildren(heading, table, el("p", { class: "nw-updated" }, say("q.updated", { time: status.time })));
  }

  async function refresh(): Promise<void> {
    let again = true;
    try {
      const res = await fetch(`${origin}/api/v1/public/sites/${encodeURIComponent(siteId)}/status`);
      if (res.status === 404 || res.status === 400) {
        box.replaceChildren(el("p", { role: "alert" }, say("common.unknownSite")));
        again = false;
      } else if (!res.ok) throw new Error(String(res.status));
      else show((await res.json()) as PublicSiteStatus);
    } catch {
      // The figures already shown stay; a line says they could not be refreshed.
      if (!box.querySelector(".nw-failed")) box.append(el("p", { class: "nw-failed" }, say("q.failed")));
    }
    if (again) setTimeout(() => void refresh(), REFRESH_MS);
  }
  void refresh();
}

const me = document.currentScript;
if (me instanceof HTMLScriptElement) start(me);
