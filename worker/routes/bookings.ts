// Online booking: free slots, holding a slot until the code (by SMS or e-mail) confirms it, changing the time, cancelling, kiosk check-in.
import { Hono } from "hono";
import {
  AvailabilityQuery, BookingQuery, CancelBookingRequest, CheckInRequest, ConfirmBookingRequest, CreateBookingRequest, DevOutboxQuery, EmptyRequest,
  RescheduleBookingRequest,
} from "../../protocol/api.ts";
import { siteOfEticketToken } from "../../objects/site/random.ts";
import type { AppEnv } from "../app-env.ts";
import { assertSite, requireAuth } from "../auth/middleware.ts";
import { isDemo } from "../env.ts";
import { ApiError, unwrap } from "../errors.ts";
import { listSites, requireSite, siteStub } from "../sites.ts";
import { clientAddress, idParam, idempotency, parseQuery, readJson } from "../validate.ts";

/** A booking id starts with its site's id, like an e-ticket token. */
function bookingSite(bookingId: string): string {
  const siteId = siteOfEticketToken(bookingId);
  if (!siteId) throw new ApiError("UNKNOWN_BOOKING");
  return siteId;
}


export const bookingRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await readJson(c, CreateBookingRequest);
    await requireSite(c.env, body.siteId);
    const idem = await idempotency(c, `public:${clientAddress(c)}`, body);
    const req = { matterId: body.matterId, start: body.start, name: body.name, phone: body.phone, email: body.email, client: clientAddress(c) };
    return c.json(unwrap(await siteStub(c.env, body.siteId).createBooking(req, idem)), 202);
  })
  .get("/:bookingId", async (c) => {
    const id = c.req.param("bookingId");
    const { token } = parseQuery(c, BookingQuery);
    c.header("Cache-Control", "no-store");
    return c.json(unwrap(await siteStub(c.env, bookingSite(id)).bookingSummary(id, token)));
  })
  .post("/:bookingId/resend", async (c) => {
    const id = c.req.param("bookingId");
    await readJson(c, EmptyRequest);
    return c.json(unwrap(await siteStub(c.env, bookingSite(id)).resendBookingCode(id)));
  })
  .post("/:bookingId/confirm", async (c) => {
    const id = c.req.param("bookingId");
    const { code } = await readJson(c, ConfirmBookingRequest);
    return c.json(unwrap(await siteStub(c.env, bookingSite(id)).confirmBooking(id, code)));
  })
  .post("/:bookingId/reschedule", async (c) => {
    const id = c.req.param("bookingId");
    const body = await readJson(c, RescheduleBookingRequest);
    const siteId = bookingSite(id);
    const idem = await idempotency(c, `public:${clientAddress(c)}`, { id, ...body });
    return c.json(unwrap(await siteStub(c.env, siteId).rescheduleBooking(id, body.token, body.start, idem)));
  })
  .post("/:bookingId/cancel", async (c) => {
    const id = c.req.param("bookingId");
    const { token } = await readJson(c, CancelBookingRequest);
    return c.json(unwrap(await siteStub(c.env, bookingSite(id)).cancelBooking(id, token)));
  });

export const siteBookingRoutes = new Hono<AppEnv>()
  .get("/:siteId/availability", async (c) => {
    const siteId = idParam(c, "siteId");
    const q = parseQuery(c, AvailabilityQuery);
    await requireSite(c.env, siteId);
    return c.json(unwrap(await siteStub(c.env, siteId).bookingAvailability(q)));
  })
  .post("/:siteId/check-in", requireAuth({ roles: ["kiosk", "clerk", "manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    const claims = c.get("claims");
    assertSite(claims, siteId);
    const { code } = await readJson(c, CheckInRequest);
    const idem = await idempotency(c, claims.sub, { code });
    const site = await requireSite(c.env, siteId);
    const principal = { id: claims.sub, role: claims.role, ...(claims.dev ? { deviceId: claims.dev } : {}) };
    const r = await siteStub(c.env, siteId).checkIn({ code, principal, ...(idem ? { idempotency: idem } : {}) });
    if (!r.ok && r.code === "UNKNOWN_CODE") {
      // A code of another office of the same city: say where to go instead of "unknown".
      for (const other of (await listSites(c.env)).filter((s) => s.city === site.city && s.id !== siteId)) {
        if (await siteStub(c.env, other.id).knowsCheckInCode(code)) {
          throw new ApiError("WRONG_SITE", `This booking is for ${other.name}, ${other.address}.`);
        }
      }
    }
    return c.json(unwrap(r), 201);
  });

/** The local outbox: every SMS and e-mail the demo would have sent, of one site or all (demo mode only). */
export const devRoutes = new Hono<AppEnv>().get("/outbox", async (c) => {
  if (!isDemo(c.env)) throw new ApiError("DEMO_ONLY");
  const q = parseQuery(c, DevOutboxQuery);
  const sites = q.siteId ? [await requireSite(c.env, q.siteId)] : await listSites(c.env);
  const all = await Promise.all(sites.map(async (s) => {
    const r = await siteStub(c.env, s.id).outbox(q.limit);
    return r.ok ? r.value.map((m) => ({ siteId: s.id, ...m })) : [];
  }));
  return c.json({ messages: all.flat().sort((a, b) => b.createdAt - a.createdAt) });
});
