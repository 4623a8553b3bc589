// CORS for the public routes: any origin may read them (Access-Control-Allow-Origin: *), with GET only and
// no credentials; a preflight is answered here. Error answers (404 of an unknown site) carry it too, so a
// page on a city's own site can tell "no such office" from a network failure.
import type { MiddlewareHandler } from "hono";

export const PUBLIC_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET",
  "Access-Control-Max-Age": "86400",
} as const;

export function publicCors(): MiddlewareHandler {
  return async function publicCorsHeaders(c, next) {
    if (c.req.method === "OPTIONS") return new Response(null, { status: 204, headers: PUBLIC_CORS_HEADERS });
    await next();
    const res = new Response(c.res.body, c.res);
    for (const [k, v] of Object.entries(PUBLIC_CORS_HEADERS)) res.headers.set(k, v);
    c.res = res;
  };
}
