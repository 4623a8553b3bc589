// Bad input to the routes of running one's own office (organisations, staff, the audit log and its
// retention, a site's configuration, one's own password): each case is refused with its status and
// stable code, and afterwards every row of the organisation's directory, the registry and the site's
// object reads back as before. These add to the refusals tried in staff.test.ts, organisations.test.ts
// and site-config-refusals.test.ts, none of which they repeat.
import { runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ERRORS, type ErrorCode } from "../../protocol/errors.ts";
import type { RouteName } from "../../protocol/routes.ts";
import { firstSignIn, freshOrganisation, OWN, TEMPORARY, unique } from "./fresh-organisation.ts";
import { api, directoryOf, expectError, registryObject, storedState, testSiteConfig } from "./helpers.ts";

interface Fixture {
  org: string;
  site: string;
  adminName: string;
  /** The organisation's administrator, its clerk (own password set) and the operator: tokens. */
  admin: string;
  clerk: string;
  clerkName: string;
  operator: string;
}

interface Case {
  name: string;
  route: RouteName;
  code: ErrorCode;
  send: (f: Fixture) => Promise<Response>;
}

const json = (method: "POST" | "PUT", path: string, token: string, body: unknown) => api(path, { method, token, json: body });
/** A body sent as it is, with its own Content-Type. */
const raw = (method: "POST" | "PUT", path: string, token: string, body: string, type: string) =>
  api(path, { method, token, body, headers: { "Content-Type": type } });
const get = (path: string, token: string) => api(path, { token });

const LONG = "x".repeat(201);
const newOrg = () => ({ id: unique("bad"), name: "Gmina Testowa", admin: { username: unique("bad-admin"), password: "dlugie-haslo-123" } });
const newClerk = (f: Fixture) => ({ username: unique("bad-urz"), password: TEMPORARY, role: "clerk", siteIds: [f.site] });

const CASES: Case[] = [
  // ---- POST /api/v1/organisations (the operator) ----
  {
    name: "an organisation with a field it does not have",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), plan: "gold" }),
  },
  {
    name: "an organisation id of 41 characters",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), id: "a".repeat(41) }),
  },
  {
    name: "an organisation name of 201 characters",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), name: LONG }),
  },
  {
    name: "an administrator's name with a space",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) =>
      json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), admin: { username: "nowy admin", password: "dlugie-haslo-123" } }),
  },
  {
    name: "an administrator's password of 201 characters",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) =>
      json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), admin: { username: unique("bad-admin"), password: LONG } }),
  },
  {
    name: "an administrator given a role",
    route: "createOrganisation",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/organisations", f.operator, { ...newOrg(), admin: { ...newOrg().admin, role: "operator" } }),
  },
  {
    name: "an organisation as broken JSON",
    route: "createOrganisation",
    code: "INVALID_JSON",
    send: (f) => raw("POST", "/api/v1/organisations", f.operator, '{"id": "gmina",', "application/json"),
  },
  {
    name: "an organisation as a form",
    route: "createOrganisation",
    code: "UNSUPPORTED_MEDIA_TYPE",
    send: (f) => raw("POST", "/api/v1/organisations", f.operator, "id=gmina&name=Gmina", "application/x-www-form-urlencoded"),
  },
  // ---- /api/v1/staff (the organisation's administrator) ----
  {
    name: "an account with a field it does not have",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff", f.admin, { ...newClerk(f), disabled: false }),
  },
  {
    name: "an account given the same site twice",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff", f.admin, { ...newClerk(f), siteIds: [f.site, f.site] }),
  },
  {
    name: "a kiosk given desks",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff", f.admin, { ...newClerk(f), role: "kiosk", deskIds: ["d1"] }),
  },
  {
    name: "a temporary password of 201 characters",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff", f.admin, { ...newClerk(f), password: LONG }),
  },
  {
    name: "a user name of 65 characters",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff", f.admin, { ...newClerk(f), username: "u".repeat(65) }),
  },
  {
    name: "an organisation id that is no id",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff?org=Zla_Nazwa", f.admin, newClerk(f)),
  },
  {
    name: "a query parameter the route does not take",
    route: "createStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/staff?as=admin", f.admin, newClerk(f)),
  },
  {
    name: "an account made in another organisation",
    route: "createStaff",
    code: "ORGANISATION_FORBIDDEN",
    send: (f) => json("POST", "/api/v1/staff?org=koszalin", f.admin, newClerk(f)),
  },
  {
    name: "a change with nothing in it",
    route: "assignStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", `/api/v1/staff/${f.clerkName}`, f.admin, {}),
  },
  {
    name: "a change that sets a password",
    route: "assignStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", `/api/v1/staff/${f.clerkName}`, f.admin, { role: "clerk", siteIds: [f.site], password: TEMPORARY }),
  },
  {
    name: "a change to administrator",
    route: "assignStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", `/api/v1/staff/${f.clerkName}`, f.admin, { role: "org-admin", siteIds: [f.site] }),
  },
  {
    name: "disabling with a reason the route does not take",
    route: "disableStaff",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", `/api/v1/staff/${f.clerkName}/disable`, f.admin, { reason: "urlop" }),
  },
  {
    name: "enabling, by the operator, in an organisation that does not exist",
    route: "enableStaff",
    code: "UNKNOWN_ORGANISATION",
    send: (f) => json("POST", `/api/v1/staff/${f.clerkName}/enable?org=${unique("nikt")}`, f.operator, {}),
  },
  {
    name: "a new temporary password left out",
    route: "staffPassword",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", `/api/v1/staff/${f.clerkName}/password`, f.admin, {}),
  },
  {
    name: "a new temporary password as a number",
    route: "staffPassword",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", `/api/v1/staff/${f.clerkName}/password`, f.admin, { password: 123456789012 }),
  },
  {
    name: "signing out an account of another organisation",
    route: "staffSignOut",
    code: "ORGANISATION_FORBIDDEN",
    send: (f) => json("POST", "/api/v1/staff/koszalin-usc-urzednik/sign-out?org=koszalin", f.admin, {}),
  },
  {
    name: "a temporary password an administrator gives themselves",
    route: "staffPassword",
    code: "OWN_PASSWORD",
    send: (f) => json("POST", `/api/v1/staff/${f.adminName}/password`, f.admin, { password: "nowe-tymczasowe-1" }),
  },
  // ---- GET /api/v1/audit, /export ----
  { name: "a page of no entries", route: "audit", code: "VALIDATION_FAILED", send: (f) => get("/api/v1/audit?limit=0", f.admin) },
  { name: "a page of 501 entries", route: "audit", code: "VALIDATION_FAILED", send: (f) => get("/api/v1/audit?limit=501", f.admin) },
  {
    name: "an action the log does not have",
    route: "audit",
    code: "VALIDATION_FAILED",
    send: (f) => get("/api/v1/audit?action=site.deleted", f.admin),
  },
  { name: "a first day in words", route: "audit", code: "VALIDATION_FAILED", send: (f) => get("/api/v1/audit?from=wczoraj", f.admin) },
  {
    name: "paging back from a negative id",
    route: "audit",
    code: "VALIDATION_FAILED",
    send: (f) => get("/api/v1/audit?before=-5", f.admin),
  },
  {
    name: "a target of 121 characters",
    route: "audit",
    code: "VALIDATION_FAILED",
    send: (f) => get(`/api/v1/audit?target=${"t".repeat(121)}`, f.admin),
  },
  {
    name: "an export of a limit that is no number",
    route: "auditExport",
    code: "VALIDATION_FAILED",
    send: (f) => get("/api/v1/audit/export?limit=abc", f.admin),
  },
  {
    name: "an export of another organisation's log (no export recorded)",
    route: "auditExport",
    code: "ORGANISATION_FORBIDDEN",
    send: (f) => get("/api/v1/audit/export?org=koszalin", f.admin),
  },
  // ---- /api/v1/audit/retention ----
  {
    name: "a retention of 29 days",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, { days: 29 }),
  },
  {
    name: "a retention of 3651 days",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, { days: 3651 }),
  },
  {
    name: "a retention of half a day more",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, { days: 90.5 }),
  },
  {
    name: "a retention as text",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, { days: "90" }),
  },
  {
    name: "a retention left out",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, {}),
  },
  {
    name: "a retention with a field it does not have",
    route: "setAuditRetention",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.admin, { days: 90, forever: true }),
  },
  {
    name: "a retention of another organisation",
    route: "setAuditRetention",
    code: "ORGANISATION_FORBIDDEN",
    send: (f) => json("PUT", "/api/v1/audit/retention?org=koszalin", f.admin, { days: 90 }),
  },
  {
    name: "a retention set by a clerk",
    route: "setAuditRetention",
    code: "FORBIDDEN",
    send: (f) => json("PUT", "/api/v1/audit/retention", f.clerk, { days: 90 }),
  },
  // ---- POST /api/v1/auth/password (one's own) ----
  {
    name: "a new password of 201 characters",
    route: "changePassword",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/auth/password", f.clerk, { currentPassword: OWN, newPassword: LONG }),
  },
  {
    name: "a new password without the current one",
    route: "changePassword",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/auth/password", f.clerk, { newPassword: "inne-haslo-12345" }),
  },
  {
    name: "a password change naming another account",
    route: "changePassword",
    code: "VALIDATION_FAILED",
    send: (f) =>
      json("POST", "/api/v1/auth/password", f.clerk, { currentPassword: OWN, newPassword: "inne-haslo-12345", username: "torun-admin" }),
  },
  {
    name: "a new password of null",
    route: "changePassword",
    code: "VALIDATION_FAILED",
    send: (f) => json("POST", "/api/v1/auth/password", f.clerk, { currentPassword: OWN, newPassword: null }),
  },
  // ---- PUT /api/v1/sites/:siteId, GET …/config (the site's configuration) ----
  {
    name: "a configuration with a query parameter the route does not take",
    route: "putSite",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", `/api/v1/sites/${f.site}?draft=1`, f.admin, testSiteConfig(f.site)),
  },
  {
    name: "a configuration under a site id with capitals",
    route: "putSite",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", "/api/v1/sites/Zla-Placowka", f.admin, testSiteConfig("zla-placowka")),
  },
  {
    name: "a configuration as a list",
    route: "putSite",
    code: "VALIDATION_FAILED",
    send: (f) => json("PUT", `/api/v1/sites/${f.site}`, f.admin, [testSiteConfig(f.site)]),
  },
  {
    name: "a configuration as broken JSON",
    route: "putSite",
    code: "INVALID_JSON",
    send: (f) => raw("PUT", `/api/v1/sites/${f.site}`, f.admin, '{"id":', "application/json"),
  },
  {
    name: "a configuration read under a site id with an underscore",
    route: "siteConfig",
    code: "VALIDATION_FAILED",
    send: (f) => get("/api/v1/sites/zla_placowka/config", f.admin),
  },
];

/** Every row of a directory's accounts, their access, its audit log, settings and sites. */
function directoryRows(org: string): Promise<unknown> {
  return runInDurableObject(directoryOf(org), (_i: unknown, state: DurableObjectState) =>
    Object.fromEntries(
      ["accounts", "account_access", "audit_log", "meta", "sites"].map((t) => [
        t,
        state.storage.sql.exec(`SELECT * FROM ${t} ORDER BY 1`).toArray(),
      ]),
    ),
  );
}

/** Every row of the organisation's directory and of Koszalin's (which some cases name), the registry's and the site object's. */
async function everything(f: Fixture): Promise<unknown> {
  const directory = await directoryRows(f.org);
  const koszalin = await directoryRows("koszalin");
  const registry = await runInDurableObject(registryObject(), (_i: unknown, state: DurableObjectState) =>
    Object.fromEntries(
      ["organisations", "sites", "users"].map((t) => [t, state.storage.sql.exec(`SELECT * FROM ${t} ORDER BY 1`).toArray()]),
    ),
  );
  return { directory, koszalin, registry, site: await storedState(f.site) };
}

describe("bad input to the routes of running one's own office", () => {
  let fixture: Fixture;

  beforeAll(async () => {
    const { org, site, admin, adminName, operator } = await freshOrganisation();
    const clerkName = unique("urz");
    const made = await json("POST", "/api/v1/staff", admin, { username: clerkName, password: TEMPORARY, role: "clerk", siteIds: [site] });
    expect(made.status).toBe(201);
    fixture = { org, site, admin, adminName, operator, clerkName, clerk: await firstSignIn(clerkName) };
  });

  it(`tries ${CASES.length} bad inputs, at least 25, each on a route of these`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const routes = new Set(CASES.map((c) => c.route));
    for (const r of [
      "createOrganisation",
      "createStaff",
      "assignStaff",
      "audit",
      "setAuditRetention",
      "changePassword",
      "putSite",
    ] as const) {
      expect(routes.has(r), r).toBe(true);
    }
  });

  it.each(CASES)("refuses $name with $code, and stores nothing", async (c) => {
    const before = await everything(fixture);
    const res = await c.send(fixture);
    expect(res.status, `${c.name}: ${await res.clone().text()}`).toBe(ERRORS[c.code][0]);
    await expectError(res, ERRORS[c.code][0], c.code);
    expect(await everything(fixture)).toEqual(before);
  });

  it("after all of them, the organisation works as before", async () => {
    const res = await get("/api/v1/audit/retention", fixture.admin);
    expect(await res.json()).toEqual({ days: 365 });
    const staff = (await (await get("/api/v1/staff", fixture.admin)).json()) as { accounts: { username: string; disabled: boolean }[] };
    expect(staff.accounts.find((a) => a.username === fixture.clerkName)?.disabled).toBe(false);
    expect((await get(`/api/v1/sites/${fixture.site}/queue`, fixture.clerk)).status).toBe(200);
  });
});
