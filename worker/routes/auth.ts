// POST /api/v1/auth/login: staff and devices exchange a password for a signed token. The registry
// says which organisation the name belongs to (user names are unique across the deployment); that
// organisation's directory checks the password within its login limits. A name nobody has is checked
// against no account in a directory of its own, at the same cost as a wrong password.
import { reachableSites } from "../../objects/registry/access.ts";
import { OPERATORS, UNAFFILIATED } from "../../objects/registry/scopes.ts";
import type { LoginResponse } from "../../protocol/api.ts";
import { ensureFirstOperator } from "../auth/first-operator.ts";
import { requireSigningKey } from "../auth/signing-key.ts";
import { DEVICE_TTL_S, STAFF_TTL_S, signToken, type TokenClaims } from "../auth/token.ts";
import { isDemo } from "../env.ts";
import { ApiError, errorResponse, unwrap } from "../errors.ts";
import { scopeOfUser } from "../organisations.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf, siteOrgs } from "../sites.ts";
import { clientAddress } from "../validate.ts";

export const authRoutes: ApiRoute[] = [
  route("login", async (c) => {
    const { username, password } = c.req.valid("json");
    if (!isDemo(c.env)) {
      // Production never runs with the demo's signing key or its admin/admin account.
      requireSigningKey(c.env);
      if (username === "admin" && password === "admin") throw new ApiError("BAD_CREDENTIALS");
      await ensureFirstOperator(c.env);
    }
    const client = clientAddress(c);
    const scope = await scopeOfUser(c.env, username);
    // Accounts the demo made sign in only in demo mode.
    const answer = await directoryOf(c.env, scope ?? UNAFFILIATED).login(username, password, client, isDemo(c.env) ? "admit" : "refuse");
    // A refusal by the login limits says when the next attempt may be made.
    if (!answer.ok && answer.retryAfterS !== undefined) {
      const refused = errorResponse(answer.code, answer.message);
      refused.headers.set("Retry-After", String(answer.retryAfterS));
      return refused;
    }
    const account = unwrap(answer);
    // Only the operators' directory holds operators, and every other account names its organisation.
    if (scope === null || (account.role === "operator") !== (scope === OPERATORS)) throw new ApiError("BAD_CREDENTIALS");
    const org = scope === OPERATORS ? undefined : scope;
    const device = account.role === "kiosk" || account.role === "display" || account.role === "agent";
    const exp = Math.floor(Date.now() / 1000) + (device ? DEVICE_TTL_S : STAFF_TTL_S);
    const claims: TokenClaims = { sub: account.username, role: account.role, sites: account.siteIds, exp };
    if (org !== undefined) claims.org = org;
    if (account.deskIds) claims.desks = account.deskIds;
    if (account.deviceId) claims.dev = account.deviceId;
    if (account.tokenVersion !== undefined) claims.ver = account.tokenVersion;
    const body: LoginResponse = {
      token: await signToken(claims, c.env.AUTH_SECRET),
      role: account.role,
      siteIds: reachableSites(claims, await siteOrgs(c.env)),
      expiresAt: new Date(exp * 1000).toISOString(),
    };
    if (org !== undefined) body.org = org;
    if (account.deskIds) body.deskIds = account.deskIds;
    if (account.deviceId) body.deviceId = account.deviceId;
    return body;
  }),
];
