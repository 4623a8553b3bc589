// Whose staff, log or settings a request is about: an administrator's own organisation (naming
// another with ?org= is ORGANISATION_FORBIDDEN), or the one the operator names, which must exist.
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { claimsOf } from "../auth/middleware.ts";
import { ApiError } from "../errors.ts";
import { registry } from "../sites.ts";
import { clientAddress } from "../validate.ts";

export async function organisationOf(c: Context<AppEnv>, q: { org?: string | undefined }): Promise<string> {
  const claims = claimsOf(c);
  if (claims.role === "org-admin") {
    if (!claims.org) throw new ApiError("FORBIDDEN");
    if (q.org !== undefined && q.org !== claims.org) throw new ApiError("ORGANISATION_FORBIDDEN");
    return claims.org;
  }
  if (q.org === undefined) throw new ApiError("VALIDATION_FAILED", "org: the operator names the organisation");
  // Asked of the registry first, so an invented id creates no directory.
  if (!(await registry(c.env).organisations()).some((o) => o.id === q.org)) throw new ApiError("UNKNOWN_ORGANISATION");
  return q.org;
}

/** Who acts, for the audit log. */
export function whoOf(c: Context<AppEnv>): { actor: string; address: string } {
  return { actor: claimsOf(c).sub, address: clientAddress(c) };
}
