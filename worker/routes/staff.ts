// Staff of an organisation, by its administrator (or the operator naming it with ?org=): the list,
// a new account with a temporary password, its role, sites and desks, disabling and enabling, a new
// temporary password, and signing out everywhere. The directory checks and records each change.
import type { Context } from "hono";
import type { Result } from "../../protocol/errors.ts";
import type { StaffAccount } from "../../protocol/staff.ts";
import type { AppEnv } from "../app-env.ts";
import { forgetRevocations } from "../auth/revocations.ts";
import { unwrap } from "../errors.ts";
import { forgetUser } from "../organisations.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf, siteOrgs, siteStub } from "../sites.ts";
import { organisationOf, whoOf } from "./organisation-scope.ts";

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
