// POST /api/v1/auth/login: staff and devices exchange a password for a signed token.
import type { LoginResponse } from "../../protocol/api.ts";
import { ensureFirstManager } from "../auth/first-manager.ts";
import { ALL_SITES } from "../auth/middleware.ts";
import { requireSigningKey } from "../auth/signing-key.ts";
import { DEVICE_TTL_S, STAFF_TTL_S, signToken, type TokenClaims } from "../auth/token.ts";
import { isDemo } from "../env.ts";
import { ApiError, errorResponse, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { directory, listSites } from "../sites.ts";
import { clientAddress } from "../validate.ts";

export const authRoutes: ApiRoute[] = [
  route("login", async (c) => {
    const { username, password } = c.req.valid("json");
    if (!isDemo(c.env)) {
      // Production never runs with the demo's signing key or its admin/admin account.
      requireSigningKey(c.env);
      if (username === "admin" && password === "admin") throw new ApiError("BAD_CREDENTIALS");
      await ensureFirstManager(c.env);
    }
    const client = clientAddress(c);
    // Accounts the demo made sign in only in demo mode.
    const answer = await directory(c.env).login(username, password, client, isDemo(c.env) ? "admit" : "refuse");
    // A refusal by the login limits says when the next attempt may be made.
    if (!answer.ok && answer.retryAfterS !== undefined) {
      const refused = errorResponse(answer.code, answer.message);
      refused.headers.set("Retry-After", String(answer.retryAfterS));
      return refused;
    }
    const account = unwrap(answer);
    const device = account.role === "kiosk" || account.role === "display" || account.role === "agent";
    const exp = Math.floor(Date.now() / 1000) + (device ? DEVICE_TTL_S : STAFF_TTL_S);
    const claims: TokenClaims = { sub: account.username, role: account.role, sites: account.siteIds, exp };
    if (account.deskIds) claims.desks = account.deskIds;
    if (account.deviceId) claims.dev = account.deviceId;
    const siteIds = account.siteIds.includes(ALL_SITES) ? (await listSites(c.env)).map((s) => s.id) : account.siteIds;
    const body: LoginResponse = {
      token: await signToken(claims, c.env.AUTH_SECRET),
      role: account.role,
      siteIds,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
    if (account.deskIds) body.deskIds = account.deskIds;
    if (account.deviceId) body.deviceId = account.deviceId;
    return body;
  }),
];
