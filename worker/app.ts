// The Hono application: routes by feature, one error handler, JSON everywhere under /api.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import type { AppEnv } from "./app-env.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { ensureStorage } from "./organisations.ts";
import { publicCors } from "./public/cors.ts";
import { type ApiRoute, route } from "./route.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { bookingConfigRoutes } from "./routes/booking-config.ts";
import { bookingRoutes, devRoutes, siteBookingRoutes } from "./routes/bookings.ts";
import { clientPage, isHtmlFile, serveClient } from "./routes/clients.ts";
import { continuityRoutes } from "./routes/continuity.ts";
import { cutOffRoutes } from "./routes/cut-off.ts";
import { deviceRoutes } from "./routes/devices.ts";
import { eticketRoutes, siteLiveRoutes } from "./routes/live.ts";
import { siteMessageRoutes } from "./routes/messages.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { publicStatusRoutes } from "./routes/public-status.ts";
import { pushRoutes } from "./routes/push.ts";
import { queueRoutes } from "./routes/queue.ts";
import { siteConfigRoutes } from "./routes/site-config.ts";
import { siteRoutes } from "./routes/sites.ts";
import { smsRoutes } from "./routes/sms.ts";
import { staffRoutes } from "./routes/staff.ts";
import { statisticsRoutes } from "./routes/statistics.ts";
import { isStorageFailure } from "./storage-failure.ts";

/** No request to the API needs more; a site configuration is the largest. */
export const MAX_BODY_BYTES = 256 * 1024;

export const app = new Hono<AppEnv>();

// First, so that every answer under it has no-store: the body limit's 413 and a storage failure too.
app.use("/api/*", async function noStore(c, next) {
  await next();
  if (c.res.headers.has("Cache-Control")) return;
  // In place where the answer's headers may change (every answer the routes build): c.header would build
  // the Response again. An answer passed on from an object or a fetch has fixed headers; that one is rebuilt.
  try {
    c.res.headers.set("Cache-Control", "no-store");
  } catch {
    c.header("Cache-Control", "no-store");
  }
});
app.use("/api/*", async function storage(c, next) {
  await ensureStorage(c.env);
  await next();
});
app.use("/api/*", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => errorResponse("PAYLOAD_TOO_LARGE") }));
// The public routes may be read by any web page (GET only): every office's live status, Warsaw's feed, open data.
app.use("/api/v1/public/*", publicCors());
app.use("/api/action/*", publicCors());

/** Every API route, by feature; the OpenAPI document lists exactly these. */
export const API_ROUTES: readonly ApiRoute[] = [
  route("openapi", async () => Response.json(openApiDocument(API_ROUTES.map((r) => r.name)))),
  ...authRoutes,
  ...siteRoutes,
  ...queueRoutes,
  ...siteLiveRoutes,
  ...eticketRoutes,
  ...pushRoutes,
  ...siteBookingRoutes,
  ...siteMessageRoutes,
  ...cutOffRoutes,
  ...bookingConfigRoutes,
  ...bookingRoutes,
  ...smsRoutes,
  ...devRoutes,
  ...siteConfigRoutes,
  ...organisationRoutes,
  ...auditRoutes,
  ...staffRoutes,
  ...deviceRoutes,
  ...statisticsRoutes,
  ...continuityRoutes,
  ...publicStatusRoutes,
];
for (const r of API_ROUTES) r.mount(app);

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) return errorResponse("NOT_FOUND");
  // Client apps (kiosk, screens, console, e-ticket): their HTML page for their paths.
  const page = c.req.method === "GET" || c.req.method === "HEAD" ? clientPage(c.req.path) : null;
  if (page) return serveClient(c.env, c.req.raw, page);
  // A page's built file by its own name (/admin.html) would go out without the pages' headers.
  if (isHtmlFile(c.req.path)) return errorResponse("NOT_FOUND");
  return c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : errorResponse("NOT_FOUND");
});

app.onError((err, c) => {
  if (err instanceof ApiError) return errorResponse(err.code, err.message, err.retryAfterS);
  if (err instanceof HTTPException) {
    if (err.status === 413) return errorResponse("PAYLOAD_TOO_LARGE");
    if (err.status === 405) return errorResponse("METHOD_NOT_ALLOWED");
    return errorResponse(err.status === 401 ? "UNAUTHENTICATED" : "BAD_REQUEST");
  }
  if (isStorageFailure(err)) {
    // A full disk or failing storage under an object (workerd says so only in the error's message).
    console.error(`storage failed on ${c.req.method} ${routePath(c) || "(no route)"}:`, err);
    return errorResponse("STORAGE_FAILED");
  }
  // Logged for the operator; the client gets a code and a plain message, never a stack. The log names
  // the route's pattern, not the path: a path may hold an e-ticket token or a booking's id.
  console.error(`unhandled error on ${c.req.method} ${routePath(c) || "(no route)"}:`, err);
  return errorResponse("INTERNAL");
});
