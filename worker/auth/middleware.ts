// Who is calling, and may they act on this site or desk.
import type { MiddlewareHandler } from "hono";
import type { Principal } from "../../objects/site-queue.ts";
import { type Role, roleAdmitted } from "../../protocol/api.ts";
import { routeOf } from "../../protocol/routes.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../errors.ts";
import { waitUntilOf } from "../kept.ts";
import { refuseDemoAccount } from "./demo-accounts.ts";
import { refuseRevokedToken } from "./revocations.ts";
import { requireSigningKey, signingKeys } from "./signing-key.ts";
import { type TokenClaims, verifyToken } from "./token.ts";

/**
 * The bearer token of a request. A token in a URL ends up in access logs, browser history and
 * Referer headers, so `?access_token=` is taken only where a browser cannot set a header: on a
 * WebSocket upgrade route. Anywhere else a token in the query is refused, even a valid one.
 */
function bearer(header: string | undefined, query: string | undefined, tokenInQuery: boolean): string | null {
  if (query && !tokenInQuery) {
    throw new ApiError("TOKEN_INVALID", "A token is not accepted in the URL here: send it as 'Authorization: Bearer <token>'.");
  }
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new ApiError("TOKEN_INVALID", "The Authorization header must be 'Bearer <token>'.");
    return m[1]!;
  }
  return query ?? null;
}

/**
 * Requires a valid token whose role is one of `roles` (a route of managers admits administrators:
 * roleAdmitted). A token of anyone but the operator names its organisation; one that does not (signed
 * before organisations existed) is refused, and its holder signs in again. `tokenInQuery`: the route is a WebSocket
 * upgrade, which also takes the token as `?access_token=` (browsers cannot set headers there).
 */
export function requireAuth<E extends AppEnv>(options: { roles: readonly Role[]; tokenInQuery?: boolean }): MiddlewareHandler<E> {
  return async function requireAuthHandler(c, next) {
    // Before the token: with an unfit key no token is believed, nor is the caller told whether theirs was good.
    requireSigningKey(c.env);
    const token = bearer(c.req.header("Authorization"), c.req.query("access_token"), options.tokenInQuery === true);
    if (!token) throw new ApiError("UNAUTHENTICATED");
    const claims = await verifyToken(token, signingKeys(c.env));
    if (!claims) throw new ApiError("TOKEN_INVALID");
    if (claims.role !== "operator" && claims.org === undefined) throw new ApiError("TOKEN_INVALID");
    await refuseDemoAccount(c.env, claims);
    await refuseRevokedToken(c.env, claims, waitUntilOf(c));
    // A token signed with a temporary password works only where the password is changed.
    if (claims.pwc && !isPasswordChange(c.req.method, c.req.path)) throw new ApiError("PASSWORD_CHANGE_REQUIRED");
    if (!roleAdmitted(claims.role, options.roles)) throw new ApiError("FORBIDDEN");
    c.set("claims", claims);
    await next();
  };
}

const PASSWORD_CHANGE = routeOf("changePassword");
function isPasswordChange(method: string, path: string): boolean {
  return method === PASSWORD_CHANGE.method && path === PASSWORD_CHANGE.path;
}

/** The caller's claims on a route behind requireAuth. */
export function claimsOf(c: { var: { claims?: TokenClaims } }): TokenClaims {
  const claims = c.var.claims;
  if (!claims) throw new ApiError("UNAUTHENTICATED");
  return claims;
}

/**
 * A clerk acts only on their desks; a manager (or an administrator) on every desk of their sites.
 * The site itself is checked by the site middleware (worker/site.ts), by organisation.
 */
export function assertDesk(claims: TokenClaims, deskId: string): void {
  if (claims.role === "clerk" && claims.desks && !claims.desks.includes(deskId)) throw new ApiError("DESK_FORBIDDEN");
  if (!roleAdmitted(claims.role, ["clerk", "manager"])) throw new ApiError("FORBIDDEN");
}

/** Who acts, as a site object records it: an administrator acts at a site as its manager. */
export function principalOf(claims: TokenClaims): Principal {
  const { role } = claims;
  if (role === "operator" || role === "org-admin") return { id: claims.sub, role: "manager" };
  return { id: claims.sub, role, ...(claims.dev ? { deviceId: claims.dev } : {}) };
}
