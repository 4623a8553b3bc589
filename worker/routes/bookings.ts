// Online booking: free slots, holding a slot until the code (by SMS or e-mail) confirms it, changing the time, cancelling, kiosk check-in.
import { bookingContact } from "../../objects/booking/contact.ts";
import { claimsOf, principalOf } from "../auth/middleware.ts";
import { isDemo } from "../env.ts";
import { ApiError, unwrap } from "../errors.ts";
import { waitUntilOf } from "../kept.ts";
import { type ApiRoute, route } from "../route.ts";
import { type SendCount, withSendAllowance } from "../send-limits.ts";
import { site } from "../site.ts";
import { listSites, requireSite, siteStub } from "../sites.ts";
import { requireHuman } from "../turnstile.ts";
import { clientAddress, idempotency } from "../validate.ts";

export const bookingRoutes: ApiRoute[] = [
  // The site is named in the body, so it is resolved here rather than by the site middleware.
  route("createBooking", async (c) => {
    const body = c.req.valid("json");
    const here = await requireSite(c.env, body.siteId, waitUntilOf(c));
    const client = clientAddress(c);
    // The human check's token is not part of the request's identity: a retry may carry a fresh one.
    const { turnstileToken, ...request } = body;
    const idem = await idempotency(c, `public:${client}`, request);
    const stub = siteStub(c.env, body.siteId);
    // A retry gets its first answer before any check: its token is spent and its code was counted once already.
    const prior = idem ? await stub.replayedBooking(idem) : null;
    if (prior) return unwrap(prior);
    const contact = unwrap(bookingContact(body, here.smsCountries));
    await requireHuman(c, turnstileToken);
    // A slot already taken is refused before the send counts are asked (two more objects, and two more to
    // give them back): most attempts of a storm end here. The hold itself judges the slot again.
    unwrap(await stub.bookableSlot({ matterId: body.matterId, start: body.start }));
    const req = {
      matterId: body.matterId,
      start: body.start,
      name: body.name,
      phone: body.phone,
      email: body.email,
      lang: body.lang ?? "pl",
      client,
    };
    const counts: SendCount[] = [
      { kind: "client-code", value: client },
      { kind: "contact-code", value: contact.key },
    ];
    return unwrap(await withSendAllowance(c.env, counts, () => stub.createBooking(req, idem)));
  }),
  route("booking", site({ from: "booking" }), async (c) => {
    c.header("Cache-Control", "no-store");
    return unwrap(await c.var.stub.bookingSummary(c.req.param("bookingId"), c.req.valid("query").token));
  }),
  route("resendBookingCode", site({ from: "booking" }), async (c) => {
    const id = c.req.param("bookingId");
    const contactKey = await c.var.stub.pendingContactKey(id);
    const counts: SendCount[] = contactKey
      ? [
          { kind: "client-code", value: clientAddress(c) },
          { kind: "contact-code", value: contactKey },
        ]
      : [];
    return unwrap(await withSendAllowance(c.env, counts, () => c.var.stub.resendBookingCode(id)));
  }),
  route("confirmBooking", site({ from: "booking" }), async (c) =>
    unwrap(await c.var.stub.confirmBooking(c.req.param("bookingId"), c.req.valid("json").code)),
  ),
  route("rescheduleBooking", site({ from: "booking" }), async (c) => {
    const id = c.req.param("bookingId");
    const body = c.req.valid("json");
    const idem = await idempotency(c, `public:${clientAddress(c)}`, { id, ...body });
    return unwrap(await c.var.stub.rescheduleBooking(id, body.token, body.start, idem));
  }),
  route("cancelBooking", site({ from: "booking" }), async (c) =>
    unwrap(await c.var.stub.cancelBooking(c.req.param("bookingId"), c.req.valid("json").token)),
  ),
];

export const siteBookingRoutes: ApiRoute[] = [
  route("availability", site(), async (c) => unwrap(await c.var.stub.bookingAvailability(c.req.valid("query")))),
  route("checkIn", site(), async (c) => {
    const claims = claimsOf(c);
    const siteId = c.var.siteId;
    const { code } = c.req.valid("json");
    const idem = await idempotency(c, claims.sub, { code });
    const principal = principalOf(claims);
    const r = await c.var.stub.checkIn({ code, principal, client: clientAddress(c), ...(idem ? { idempotency: idem } : {}) });
    if (!r.ok && r.code === "UNKNOWN_CODE") {
      // A code of another office of the same city: say where to go instead of "unknown".
      const here = await requireSite(c.env, siteId);
      for (const other of (await listSites(c.env)).filter((s) => s.city === here.city && s.id !== siteId)) {
        if (await siteStub(c.env, other.id).knowsCheckInCode(code)) {
          throw new ApiError("WRONG_SITE", `This booking is for ${other.name}, ${other.address}.`);
        }
      }
    }
    return unwrap(r);
  }),
];

/** The local outbox: every SMS and e-mail the demo would have sent, of one site or all (demo mode only). */
export const devRoutes: ApiRoute[] = [
  route("devOutbox", async (c) => {
    if (!isDemo(c.env)) throw new ApiError("DEMO_ONLY");
    const q = c.req.valid("query");
    const sites = q.siteId ? [await requireSite(c.env, q.siteId)] : await listSites(c.env);
    const all = await Promise.all(
      sites.map(async (s) => {
        const r = await siteStub(c.env, s.id).outbox(q.limit);
        return r.ok ? r.value.map((m) => ({ siteId: s.id, ...m })) : [];
      }),
    );
    return { messages: all.flat().sort((a, b) => b.createdAt - a.createdAt) };
  }),
];
