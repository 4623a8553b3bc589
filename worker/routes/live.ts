// WebSocket upgrades are checked here and handed to the site object, which accepts them
// with the hibernation API (Hono's upgradeWebSocket would keep the Worker awake instead).
import { Hono } from "hono";
import { ETicketNotifyRequest, LiveQuery } from "../../protocol/api.ts";
import type { TokenClaims } from "../auth/token.ts";
import { LIVE_HEADER, type LiveRequest } from "../../objects/site/live-request.ts";
import { siteOfEticketToken } from "../../objects/site/random.ts";
import type { AppEnv } from "../app-env.ts";
import { assertDesk, assertSite, requireAuth } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { requireSite, siteStub } from "../sites.ts";
import type { Env } from "../env.ts";
import { idParam, parseQuery, readJson } from "../validate.ts";

function requireUpgrade(req: Request): void {
  if (req.headers.get("Upgrade")?.toLowerCase() !== "websocket") throw new ApiError("UPGRADE_REQUIRED");
}

function forward(env: Env, siteId: string, req: Request, spec: LiveRequest): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.set(LIVE_HEADER, JSON.stringify(spec));
  return siteStub(env, siteId).fetch(new Request(req.url, { headers }));
}

/** Which live view a staff member or device may open. */
function liveSpec(claims: TokenClaims, siteId: string, role: string): LiveRequest {
  assertSite(claims, siteId);
  const [kind, deskId] = role.split(":") as [string, string | undefined];
  switch (kind) {
    case "display":
      // A kiosk watches it too: it shows which matters have an open desk and whether its printer works.
      if (!["display", "kiosk", "clerk", "manager"].includes(claims.role)) throw new ApiError("FORBIDDEN");
      return { role: "display" };
    case "agent":
      if (!["agent", "manager"].includes(claims.role)) throw new ApiError("FORBIDDEN");
      return { role: "agent" };
    case "desk":
      if (!["display", "clerk", "manager"].includes(claims.role)) throw new ApiError("FORBIDDEN");
      return { role: "desk", deskId: deskId! };
    default:
      assertDesk(claims, siteId, deskId!);
      return { role: "clerk", deskId: deskId! };
  }
}

export const siteLiveRoutes = new Hono<AppEnv>().get(
  "/:siteId/live",
  requireAuth({ roles: ["manager", "clerk", "kiosk", "display", "agent"] }),
  async (c) => {
    const siteId = idParam(c, "siteId");
    const { role } = parseQuery(c, LiveQuery);
    const spec = liveSpec(c.get("claims"), siteId, role);
    requireUpgrade(c.req.raw);
    await requireSite(c.env, siteId);
    return forward(c.env, siteId, c.req.raw, spec);
  },
);

export function eticketSite(token: string): string {
  const siteId = siteOfEticketToken(token);
  if (!siteId) throw new ApiError("UNKNOWN_ETICKET");
  return siteId;
}

export const eticketRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    const token = c.req.param("token");
    const siteId = eticketSite(token);
    await requireSite(c.env, siteId).catch(() => {
      throw new ApiError("UNKNOWN_ETICKET");
    });
    const r = await siteStub(c.env, siteId).eticket(token);
    if (!r.ok) throw new ApiError(r.code);
    c.header("Cache-Control", "no-store");
    return c.json(r.value);
  })
  // "Tell me by SMS when N people are ahead" (R8): public, the e-ticket's token is the permission.
  .post("/:token/notify", async (c) => {
    const token = c.req.param("token");
    const siteId = eticketSite(token);
    const body = await readJson(c, ETicketNotifyRequest);
    await requireSite(c.env, siteId).catch(() => {
      throw new ApiError("UNKNOWN_ETICKET");
    });
    return c.json(unwrap(await siteStub(c.env, siteId).requestTurnNotice(token, body)), 202);
  })
  .get("/:token/live", async (c) => {
    const token = c.req.param("token");
    const siteId = eticketSite(token);
    requireUpgrade(c.req.raw);
    await requireSite(c.env, siteId).catch(() => {
      throw new ApiError("UNKNOWN_ETICKET");
    });
    return forward(c.env, siteId, c.req.raw, { role: "eticket", token });
  });
