// The browser clients: each app is one HTML page of the Vite build (wrangler.jsonc "assets"),
// served for its paths; scripts and styles under /assets/ are served by the asset layer itself.
import type { Env } from "../env.ts";

/** Path prefix → page of the build. The apps read their parameters (site, desk, token) from the path. */
const PAGES: readonly { match: RegExp; page: string }[] = [
  { match: /^\/kiosk\/[^/]+\/?$/, page: "/kiosk.html" },
  { match: /^\/display\/[^/]+\/?$/, page: "/display.html" },
  { match: /^\/desk-display\/[^/]+\/[^/]+\/?$/, page: "/desk-display.html" },
  { match: /^\/clerk\/?$/, page: "/clerk.html" },
  { match: /^\/t\/[^/]+\/?$/, page: "/eticket.html" },
  { match: /^\/booking(\/.*)?$/, page: "/booking.html" },
  { match: /^\/admin\/?$/, page: "/admin.html" },
  // Served in every mode: outside demo mode the page says the outbox is not shown there.
  { match: /^\/dev\/outbox\/?$/, page: "/outbox.html" },
];

/** The page a path shows, or null when it is not a client's path. */
export function clientPage(path: string): string | null {
  return PAGES.find((p) => p.match.test(path))?.page ?? null;
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
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  return new Response(request.method === "HEAD" ? null : res.body, { status: res.status, headers });
}
