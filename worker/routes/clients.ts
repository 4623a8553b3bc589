// The browser clients: each app is one HTML page of the Vite build (wrangler.jsonc "assets"),
// served for its paths; scripts and styles under /assets/ are served by the asset layer itself.
import { pageFile, pageForPath } from "../../protocol/pages.ts";
import type { Env } from "../env.ts";
import { widgetOrigin } from "../turnstile.ts";

/**
 * The built page a path shows (the list is protocol/pages.ts), or null when it is not a client's path.
 * The apps read their parameters (site, desk, token) from the path.
 */
export function clientPage(path: string): string | null {
  const page = pageForPath(path);
  return page ? pageFile(page) : null;
}

/**
 * Whether a path asks for an HTML file by its own name (/admin.html, /clerk.html…). The build's
 * files are never sent bare: a page goes out only through serveClient, with its headers. The
 * asset layer hands these paths to the Worker first (wrangler.jsonc "assets.run_worker_first").
 */
export function isHtmlFile(path: string): boolean {
  return /\.html?$/i.test(path);
}

/**
 * Serves a client's HTML with headers for a page that holds tokens in its URL or storage:
 * no caching of the page itself (its assets are content-hashed), no referrer (an e-ticket
 * URL is its secret), and a policy that allows only this origin's scripts and sockets.
 */
export async function serveClient(env: Env, request: Request, page: string): Promise<Response> {
  if (!env.ASSETS) return new Response("The clients are not built: run `npm run build:clients`.", { status: 503 });
  const url = new URL(page, request.url);
  const res = await env.ASSETS.fetch(new Request(url, { method: "GET", headers: request.headers }));
  if (!res.ok) return res;
  const headers = new Headers(res.headers);
  headers.set("Cache-Control", "no-cache");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set(
    "Content-Security-Policy",
    contentSecurityPolicy(page === BOOKING_PAGE ? widgetOrigin(env) : null, HALL_PAGES.has(page) ? localAgentSources(env) : []),
  );
  return new Response(request.method === "HEAD" ? null : res.body, { status: res.status, headers });
}

/** The booking page's built file (pageFile of "booking"): the only page that shows a third-party widget (Turnstile). */
const BOOKING_PAGE = "/booking.html";

/** The pages that turn to the office's print agent while the office is cut off (kiosk, hall and desk screens, console). */
const HALL_PAGES: ReadonlySet<string> = new Set(["/kiosk.html", "/display.html", "/desk-display.html", "/clerk.html"]);

/** The print agents' origins of LOCAL_AGENT_ORIGINS, each also as its socket's (ws:, wss:); anything not an http(s) origin is left out. */
export function localAgentSources(env: Pick<Env, "LOCAL_AGENT_ORIGINS">): string[] {
  const out: string[] = [];
  for (const item of (env.LOCAL_AGENT_ORIGINS ?? "").split(/[\s,]+/)) {
    if (!item) continue;
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    out.push(url.origin, url.origin.replace(/^http/, "ws"));
  }
  return out;
}

/**
 * Only this origin's scripts, styles, images and sockets; no page may be framed. The booking page
 * also runs the Turnstile widget: its script, and the frame it draws, from that one origin
 * (production: https://challenges.cloudflare.com; the demo and tests: a loopback stand-in). The hall's
 * pages may also call the offices' print agents (`agents`), which serve them while an office is cut off.
 */
export function contentSecurityPolicy(widget: string | null, agents: readonly string[] = []): string {
  const script = widget ? `'self' ${widget}` : "'self'";
  const frame = widget ? `; frame-src ${widget}` : "";
  const connect = ["'self'", ...agents].join(" ");
  return `default-src 'self'; script-src ${script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}${frame}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
}
