// A signed-in session: the token for an account of a scope, and the answer login (and a password
// change) sends back. A token of an account with a temporary password is marked (`pwc`): only the
// password change accepts it (middleware.ts).
import type { Account } from "../../objects/directory.ts";
import { reachableSites } from "../../objects/registry/access.ts";
import { OPERATORS } from "../../objects/registry/scopes.ts";
import type { LoginResponse } from "../../protocol/api.ts";
import type { Env } from "../env.ts";
import { siteOrgs } from "../sites.ts";
import { DEVICE_TTL_S, STAFF_TTL_S, signToken, type TokenClaims } from "./token.ts";

export async function sessionFor(env: Env, account: Account, scope: string): Promise<LoginResponse> {
  const org = scope === OPERATORS ? undefined : scope;
  const device = account.role === "kiosk" || account.role === "display" || account.role === "agent";
  const exp = Math.floor(Date.now() / 1000) + (device ? DEVICE_TTL_S : STAFF_TTL_S);
  const claims: TokenClaims = { sub: account.username, role: account.role, sites: account.siteIds, exp };
  if (org !== undefined) claims.org = org;
  if (account.deskIds) claims.desks = account.deskIds;
  if (account.deviceId) claims.dev = account.deviceId;
  if (account.tokenVersion !== undefined) claims.ver = account.tokenVersion;
  if (account.mustChangePassword) claims.pwc = true;
  const body: LoginResponse = {
    token: await signToken(claims, env.AUTH_SECRET),
    role: account.role,
    siteIds: reachableSites(claims, await siteOrgs(env)),
    expiresAt: new Date(exp * 1000).toISOString(),
  };
  if (org !== undefined) body.org = org;
  if (account.deskIds) body.deskIds = account.deskIds;
  if (account.deviceId) body.deviceId = account.deviceId;
  if (account.mustChangePassword) body.passwordChangeRequired = true;
  return body;
}
