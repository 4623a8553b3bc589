// Local continuity: a kiosk, screen, clerk or manager asks where the site's agent answers on the office's
// network and for a local token it accepts; the site's agent replays its offline log when the link returns.
import { claimsOf, principalOf } from "../auth/middleware.ts";
import { unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";

export const continuityRoutes: ApiRoute[] = [
  route("continuity", site(), async (c) => unwrap(await c.var.stub.continuityInfo(principalOf(claimsOf(c)), claimsOf(c).desks))),
  // The agent is known by its token's subject, as its live socket is.
  route("continuityReplay", site(), async (c) => unwrap(await c.var.stub.replayContinuity(claimsOf(c).sub, c.req.valid("json").entries))),
];
