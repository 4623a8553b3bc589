// Staff of an organisation, by its administrator (or the operator naming it with ?org=): the list,
// a new account with a temporary password, its role, sites and desks, disabling and enabling, a new
// temporary password, and signing out everywhere. The directory checks and records each change.
import type { Context } from "hono";
import type { Result } from "../../protocol/errors.ts";
import type { StaffAccount, StaffQuery } from "../../protocol/staff.ts";
import type { AppEnv } from "../app-env.ts";
import { claimsOf } from "../auth/middleware.ts";
import { forgetRevocations } from "../auth/revocations.ts";
import { ApiError, unwrap } from "../errors.ts";
import { forgetUser } from "../organisations.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf, registry, siteOrgs, siteStub } from "../sites.ts";
import { clientAddress } from "../validate.ts";

/** Whose staff: an administrator's own organisation, or the one the operator names (which must exist). */
async function organisationOf(c: Context<AppEnv>, q: StaffQuery): Promise<string> {
  const claims = claimsOf(c);
  if (claims.role === "org-admin") {
    if (!claims.org || (q.org !== undefined && q.org !== claims.org)) throw new ApiError("FORBIDDEN");
    return claims.org;
  }
  if (q.org === undefined) throw new ApiError("VALIDATION_FAILED", "org: the operator names the organisation");
  // Asked of the registry first, so an invented id creates no directory.
  if (!(await registry(c.env).organisations()).some((o) => o.id === q.org)) throw new ApiError("UNKNOWN_ORGANISATION");
  return q.org;
}

/** Who acts, for the audit log. */
function whoOf(c: Context<AppEnv>) {
  return { actor: claimsOf(c).sub, address: clientAddress(c) };
}

/** An account changed: this Worker believes its tokens' fate at once (others within 30 s). */
function changed(org: string, r: Result<StaffAccount>): { account: StaffAccount } {
  forgetRevocations(org);
  return { account: unwrap(r) };
}

/**
 * An account whose tokens no longer work (disabled, signed out everywhere, given a new password): its
 * open sockets close at once with ACCESS_REVOKED at every site of the organisation, so a console or
 * screen signed in with it stops at once instead of at its next request.
 */
async function revoked(c: Context<AppEnv>, org: string, r: Result<StaffAccount>): Promise<{ account: StaffAccount }> {
  const out = changed(org, r);
  const orgs = await siteOrgs(c.env);
  const sites = Object.keys(orgs).filter((id) => orgs[id] === org);
  await Promise.all(sites.map((id) => siteStub(c.env, id).closeSocketsOf(out.account.username)));
  return out;
}

export const staffRoutes: ApiRoute[] = [
  route("staff", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return { accounts: await directoryOf(c.env, org).staff() };
  }),
  route("createStaff", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    const input = c.req.valid("json");
    const account = unwrap(await directoryOf(c.env, org).createStaff(org, input, whoOf(c)));
    forgetUser(input.username);
    return { account };
  }),
  route("assignStaff", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return changed(org, await directoryOf(c.env, org).assignStaff(org, c.req.param("username"), c.req.valid("json"), whoOf(c)));
  }),
  route("disableStaff", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return revoked(c, org, await directoryOf(c.env, org).setDisabled(org, c.req.param("username"), true, whoOf(c)));
  }),
  route("enableStaff", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return changed(org, await directoryOf(c.env, org).setDisabled(org, c.req.param("username"), false, whoOf(c)));
  }),
  route("staffPassword", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    const { password } = c.req.valid("json");
    return revoked(c, org, await directoryOf(c.env, org).setTemporaryPassword(org, c.req.param("username"), password, whoOf(c)));
  }),
  route("staffSignOut", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return revoked(c, org, await directoryOf(c.env, org).signOutEverywhere(org, c.req.param("username"), whoOf(c)));
  }),
];
