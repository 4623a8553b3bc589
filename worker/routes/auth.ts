// POST /api/v1/auth/login (and /auth/password, one's own new password): staff and devices exchange a password for a signed token. The registry
// says which organisation the name belongs to (user names are unique across the deployment); that
// organisation's directory checks the password within its login limits. A name nobody has is checked
// against no account in a directory of its own, at the same cost as a wrong password.
import { OPERATORS, UNAFFILIATED } from "../../objects/registry/scopes.ts";
import { ensureFirstOperator } from "../auth/first-operator.ts";
import { claimsOf } from "../auth/middleware.ts";
import { forgetRevocations } from "../auth/revocations.ts";
import { sessionFor } from "../auth/session.ts";
import { requireSigningKey } from "../auth/signing-key.ts";
import { isDemo } from "../env.ts";
import { ApiError, errorResponse, unwrap } from "../errors.ts";
import { scopeOfUser } from "../organisations.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf } from "../sites.ts";
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
    return sessionFor(c.env, account, scope);
  }),
  route("changePassword", async (c) => {
    const claims = claimsOf(c);
    const { currentPassword, newPassword } = c.req.valid("json");
    const scope = claims.org ?? OPERATORS;
    const answer = await directoryOf(c.env, scope).changePassword(claims.sub, currentPassword, newPassword, clientAddress(c));
    if (!answer.ok && answer.retryAfterS !== undefined) {
      const refused = errorResponse(answer.code, answer.message);
      refused.headers.set("Retry-After", String(answer.retryAfterS));
      return refused;
    }
    // The account's earlier tokens are refused from now on, on this Worker at once.
    if (claims.org !== undefined) forgetRevocations(claims.org);
    return sessionFor(c.env, unwrap(answer), scope);
  }),
];
