// WebSocket upgrades are checked here and handed to the site object, which accepts them
// with the hibernation API (Hono's upgradeWebSocket would keep the Worker awake instead).
import { smsNumber } from "../../objects/booking/contact.ts";
import { LIVE_HEADER, type LiveRequest } from "../../objects/site/live-request.ts";
import { type Role, roleAdmitted } from "../../protocol/api.ts";
import { assertNever } from "../../protocol/live.ts";
import { assertDesk, claimsOf } from "../auth/middleware.ts";
import type { TokenClaims } from "../auth/token.ts";
import { ApiError, unwrap } from "../errors.ts";
import { waitUntilOf } from "../kept.ts";
import { type ApiRoute, route } from "../route.ts";
import { type SendCount, withSendAllowance } from "../send-limits.ts";
import { site } from "../site.ts";
import { requireSite, type SiteStub } from "../sites.ts";
import { clientAddress } from "../validate.ts";

function requireUpgrade(req: Request): void {
  if (req.headers.get("Upgrade")?.toLowerCase() !== "websocket") throw new ApiError("UPGRADE_REQUIRED");
}

function forward(stub: SiteStub, req: Request, spec: LiveRequest): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.set(LIVE_HEADER, JSON.stringify(spec));
  return stub.fetch(new Request(req.url, { headers }));
}

type LiveRole = "display" | "agent" | "desk" | "clerk";
/** "display", "agent", "desk:d1", "clerk:d1" (the query's schema has checked the form). */
function parseRole(role: string): { kind: LiveRole; deskId: string } {
  const [kind, deskId = ""] = role.split(":");
  return kind === "display" || kind === "agent" || kind === "desk" ? { kind, deskId } : { kind: "clerk", deskId };
}

/** Refuses a caller whose role may not open this view (an administrator may open what a manager may). */
function allow(claims: TokenClaims, roles: readonly Role[]): void {
  if (!roleAdmitted(claims.role, roles)) throw new ApiError("FORBIDDEN");
}

/**
 * Which live view a staff member or device may open (the site middleware has checked the site). The
 * socket carries the token's subject, so that it closes at once when the account is disabled or signed
 * out everywhere, or the device revoked.
 */
function liveSpec(claims: TokenClaims, role: string): LiveRequest {
  const { kind, deskId } = parseRole(role);
  const who = claims.sub;
  switch (kind) {
    case "display":
      // A kiosk watches it too: it shows which matters have an open desk and whether its printer works.
      allow(claims, ["display", "kiosk", "clerk", "manager"]);
      return { role: "display", who };
    case "agent":
      allow(claims, ["agent", "manager"]);
      // Only the agent itself may serve local continuity (and get the site's local secret); a manager watches its jobs.
      return { role: "agent", who, serves: claims.role === "agent" };
    case "desk":
      allow(claims, ["display", "clerk", "manager"]);
      return { role: "desk", deskId, who };
    case "clerk":
      assertDesk(claims, deskId);
      return { role: "clerk", deskId, who };
    default:
      return assertNever(kind);
  }
}

export const siteLiveRoutes: ApiRoute[] = [
  route("siteLive", site(), async (c) => {
    const spec = liveSpec(claimsOf(c), c.req.valid("query").role);
    requireUpgrade(c.req.raw);
    return forward(c.var.stub, c.req.raw, spec);
  }),
];

export const eticketRoutes: ApiRoute[] = [
  route("eticket", site({ from: "eticket" }), async (c) => {
    const r = await c.var.stub.eticket(c.req.param("token"));
    if (!r.ok) throw new ApiError(r.code);
    c.header("Cache-Control", "no-store");
    return r.value;
  }),
  // "Tell me by SMS when N people are ahead" (R8): public, the e-ticket's token is the permission.
  // Each request naming a number is counted for that number across tickets and sites (no SMS bombing).
  route("eticketNotify", site({ from: "eticket" }), async (c) => {
    const body = c.req.valid("json");
    const here = await requireSite(c.env, c.var.siteId, waitUntilOf(c));
    const number = unwrap(smsNumber(body.phone, here.smsCountries, "PHONE_INVALID"));
    const counts: SendCount[] = [{ kind: "notice-number", value: number }];
    return unwrap(await withSendAllowance(c.env, counts, () => c.var.stub.requestTurnNotice(c.req.param("token"), body)));
  }),
  route("eticketLive", site({ from: "eticket" }), async (c) => {
    requireUpgrade(c.req.raw);
    // The client's address goes along: the object caps the e-ticket sockets open from one address.
    return forward(c.var.stub, c.req.raw, { role: "eticket", token: c.req.param("token"), client: clientAddress(c) });
  }),
];
