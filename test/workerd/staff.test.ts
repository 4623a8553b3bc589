// Staff of an organisation, managed by its administrator: accounts listed without hashes, created with
// a temporary password, changed, disabled and enabled, signed out everywhere; each refusal has its code
// and stores nothing, each change is in the audit log, and a disabled or signed-out account's tokens stop working.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, directoryOf, expectError, login, registryObject, testSiteConfig } from "./helpers.ts";

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(n++).toString(36)}`;
const TEMP = "tymczasowe-haslo-1";

/** A new organisation with its administrator (signed in, with their own password OWN) and one site with desks d1 and d2. */
async function freshOrganisation(): Promise<{ org: string; admin: string; adminName: string; site: string; operator: string }> {
  const org = unique("o");
  const adminName = unique("adm");
  const operator = await login("admin", "admin");
  const made = await api("/api/v1/organisations", {
    method: "POST",
    token: operator,
    json: { id: org, name: `Urząd ${org}`, admin: { username: adminName, password: TEMP } },
  });
  expect(made.status).toBe(201);
  // The operator's password is temporary: the administrator sets their own at first sign-in.
  const admin = await firstSignIn(adminName);
  const site = unique("s");
  const put = await api(`/api/v1/sites/${site}`, { method: "PUT", token: admin, json: testSiteConfig(site) });
  expect(put.status).toBe(200);
  return { org, admin, adminName, site, operator };
}

interface Account {
  username: string;
  role: string;
  siteIds: string[];
  deskIds?: string[];
  disabled: boolean;
  mustChangePassword: boolean;
}

const OWN = "wlasne-haslo-123";

/** A first sign-in with the temporary password: the password changed, the normal token returned. */
async function firstSignIn(username: string, temporary = TEMP): Promise<string> {
  const marked = await login(username, temporary);
  const res = await api("/api/v1/auth/password", {
    method: "POST",
    token: marked,
    json: { currentPassword: temporary, newPassword: OWN },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function accounts(token: string, query = ""): Promise<Account[]> {
  const res = await api(`/api/v1/staff${query}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accounts: Account[] }).accounts;
}

/** Every row of the directory's accounts and audit log, and the registry's users. */
async function stored(org: string): Promise<unknown> {
  const dir = await runInDurableObject(directoryOf(org), (_i: unknown, state: DurableObjectState) => ({
    accounts: state.storage.sql.exec("SELECT * FROM accounts ORDER BY 1").toArray(),
    audit: state.storage.sql.exec("SELECT * FROM audit_log ORDER BY 1").toArray(),
  }));
  const users = await runInDurableObject(registryObject(), (_i: unknown, state: DurableObjectState) =>
    state.storage.sql.exec("SELECT * FROM users ORDER BY 1").toArray(),
  );
  return { dir, users };
}

async function auditOf(
  token: string,
): Promise<{ action: string; target: string | null; actor: string | null; address: string | null; summary: string }[]> {
  const res = await api("/api/v1/audit", { token });
  return (
    (await res.json()) as {
      entries: { action: string; target: string | null; actor: string | null; address: string | null; summary: string }[];
    }
  ).entries;
}

describe("an organisation's administrator manages its staff", () => {
  it("creates a clerk with a temporary password, lists accounts without hashes, and records it", async () => {
    const { admin, adminName, site } = await freshOrganisation();
    const clerk = unique("urz");
    const res = await api("/api/v1/staff", {
      method: "POST",
      token: admin,
      json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site], deskIds: ["d2"] },
    });
    expect(res.status).toBe(201);
    const list = await accounts(admin);
    expect(list.map((a) => a.username).sort()).toEqual([adminName, clerk].sort());
    expect(list.find((a) => a.username === clerk)).toEqual({
      username: clerk,
      role: "clerk",
      siteIds: [site],
      deskIds: ["d2"],
      disabled: false,
      mustChangePassword: true,
    });
    expect(JSON.stringify(list)).not.toMatch(/pbkdf2|hash|tymczasowe/i);
    const entry = (await auditOf(admin)).find((e) => e.action === "account.created");
    expect(entry).toMatchObject({ actor: adminName, target: clerk });
    expect(entry?.summary).not.toContain(TEMP);
    // The clerk signs in and works at desk d2 only.
    const token = await firstSignIn(clerk);
    const call = await api(`/api/v1/sites/${site}/desks/d1/call-next`, { method: "POST", token, json: {} });
    await expectError(call, 403, "DESK_FORBIDDEN");
  });

  it("changes a role, sites and desks, and records each value changed", async () => {
    const { admin, site } = await freshOrganisation();
    const clerk = unique("urz");
    await api("/api/v1/staff", { method: "POST", token: admin, json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] } });
    const res = await api(`/api/v1/staff/${clerk}`, {
      method: "PUT",
      token: admin,
      json: { role: "clerk", siteIds: [site], deskIds: ["d1"] },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { account: Account }).account.deskIds).toEqual(["d1"]);
    const promoted = await api(`/api/v1/staff/${clerk}`, { method: "PUT", token: admin, json: { role: "manager", siteIds: [site] } });
    expect(((await promoted.json()) as { account: Account }).account).toMatchObject({ role: "manager", siteIds: [site] });
    expect((await auditOf(admin)).filter((e) => e.action === "account.changed" && e.target === clerk)).toHaveLength(2);
  });

  it("the operator names the organisation; another organisation's administrator reaches none of it", async () => {
    const { org, operator, adminName } = await freshOrganisation();
    expect((await accounts(operator, `?org=${org}`)).map((a) => a.username)).toEqual([adminName]);
    await expectError(await api("/api/v1/staff", { token: operator }), 400, "VALIDATION_FAILED");
    await expectError(await api("/api/v1/staff?org=no-such-org", { token: operator }), 404, "UNKNOWN_ORGANISATION");
    const torun = await login("torun-admin", "demo");
    const before = await stored(org);
    await expectError(await api(`/api/v1/staff?org=${org}`, { token: torun }), 403, "ORGANISATION_FORBIDDEN");
    await expectError(
      await api(`/api/v1/staff/${adminName}/disable?org=${org}`, { method: "POST", token: torun, json: {} }),
      403,
      "ORGANISATION_FORBIDDEN",
    );
    // Toruń's own directory has no such account.
    await expectError(await api(`/api/v1/staff/${adminName}/sign-out`, { method: "POST", token: torun, json: {} }), 404, "UNKNOWN_ACCOUNT");
    const manager = await login("kierownik", "demo");
    await expectError(await api("/api/v1/staff", { token: manager }), 403, "FORBIDDEN");
    expect(await stored(org)).toEqual(before);
  });

  it("refuses each bad input with its code, and stores nothing", async () => {
    const { org, admin, adminName, site } = await freshOrganisation();
    const clerk = unique("urz");
    expect(
      (
        await api("/api/v1/staff", {
          method: "POST",
          token: admin,
          json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] },
        })
      ).status,
    ).toBe(201);
    const before = await stored(org);
    const create = (json: unknown) => api("/api/v1/staff", { method: "POST", token: admin, json });
    const fresh = unique("x");
    const cases: [Promise<Response>, number, string][] = [
      [create({ username: fresh, password: "short-11chr", role: "clerk", siteIds: [site] }), 400, "VALIDATION_FAILED"],
      [create({ username: fresh, password: TEMP, role: "org-admin", siteIds: [site] }), 400, "VALIDATION_FAILED"],
      [create({ username: fresh, password: TEMP, role: "operator", siteIds: [site] }), 400, "VALIDATION_FAILED"],
      [create({ username: fresh, password: TEMP, role: "clerk", siteIds: [] }), 400, "VALIDATION_FAILED"],
      [create({ username: "zła nazwa", password: TEMP, role: "clerk", siteIds: [site] }), 400, "VALIDATION_FAILED"],
      [create({ username: fresh, password: TEMP, role: "clerk", siteIds: ["torun-wk"] }), 400, "SITE_NOT_IN_ORGANISATION"],
      [create({ username: fresh, password: TEMP, role: "clerk", siteIds: [site], deskIds: ["d9"] }), 400, "UNKNOWN_STAFF_DESK"],
      [create({ username: fresh, password: TEMP, role: "manager", siteIds: [site], deskIds: ["d1"] }), 400, "VALIDATION_FAILED"],
      [create({ username: "torun-admin", password: TEMP, role: "clerk", siteIds: [site] }), 409, "USERNAME_TAKEN"],
      [create({ username: clerk, password: TEMP, role: "clerk", siteIds: [site] }), 409, "USERNAME_TAKEN"],
      [
        api(`/api/v1/staff/nobody-${fresh}`, { method: "PUT", token: admin, json: { role: "clerk", siteIds: [site] } }),
        404,
        "UNKNOWN_ACCOUNT",
      ],
      [
        api(`/api/v1/staff/${clerk}`, { method: "PUT", token: admin, json: { role: "clerk", siteIds: ["koszalin-usc"] } }),
        400,
        "SITE_NOT_IN_ORGANISATION",
      ],
      [
        api(`/api/v1/staff/${clerk}`, { method: "PUT", token: admin, json: { role: "clerk", siteIds: [site], deskIds: ["nope"] } }),
        400,
        "UNKNOWN_STAFF_DESK",
      ],
      [
        api(`/api/v1/staff/${adminName}`, { method: "PUT", token: admin, json: { role: "manager", siteIds: [site] } }),
        409,
        "ADMIN_ACCOUNT",
      ],
      [api(`/api/v1/staff/${adminName}/disable`, { method: "POST", token: admin, json: {} }), 409, "LAST_ADMIN"],
      [api(`/api/v1/staff/nobody-${fresh}/disable`, { method: "POST", token: admin, json: {} }), 404, "UNKNOWN_ACCOUNT"],
      [api(`/api/v1/staff/nobody-${fresh}/enable`, { method: "POST", token: admin, json: {} }), 404, "UNKNOWN_ACCOUNT"],
      [api(`/api/v1/staff/nobody-${fresh}/sign-out`, { method: "POST", token: admin, json: {} }), 404, "UNKNOWN_ACCOUNT"],
      [
        api(`/api/v1/staff/${clerk}/password`, { method: "POST", token: admin, json: { password: "za-krotkie" } }),
        400,
        "VALIDATION_FAILED",
      ],
      [api(`/api/v1/staff/nobody-${fresh}/password`, { method: "POST", token: admin, json: { password: TEMP } }), 404, "UNKNOWN_ACCOUNT"],
    ];
    for (const [res, status, code] of cases) await expectError(await res, status, code as never);
    expect(await stored(org)).toEqual(before);
  });
});

describe("disabled and signed-out accounts", () => {
  it("a disabled account cannot sign in and its token stops working; enabled again, it signs in", async () => {
    const { admin, site } = await freshOrganisation();
    const clerk = unique("urz");
    await api("/api/v1/staff", { method: "POST", token: admin, json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] } });
    const token = await firstSignIn(clerk);
    expect((await api(`/api/v1/sites/${site}/queue`, { token })).status).toBe(200);
    const off = await api(`/api/v1/staff/${clerk}/disable`, { method: "POST", token: admin, json: {} });
    expect(((await off.json()) as { account: Account }).account.disabled).toBe(true);
    await expectError(await api(`/api/v1/sites/${site}/queue`, { token }), 401, "TOKEN_INVALID");
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: clerk, password: OWN } }),
      403,
      "ACCOUNT_DISABLED",
    );
    // A wrong password of a disabled account says no more than any wrong password.
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: clerk, password: "zle-haslo-123" } }),
      401,
      "BAD_CREDENTIALS",
    );
    expect((await api(`/api/v1/staff/${clerk}/enable`, { method: "POST", token: admin, json: {} })).status).toBe(200);
    const again = await login(clerk, OWN);
    expect((await api(`/api/v1/sites/${site}/queue`, { token: again })).status).toBe(200);
    const actions = (await auditOf(admin)).filter((e) => e.target === clerk).map((e) => e.action);
    expect(actions).toContain("account.disabled");
  });

  it("sign out everywhere refuses every token signed before it, not one signed after", async () => {
    const { admin, site } = await freshOrganisation();
    const clerk = unique("urz");
    await api("/api/v1/staff", { method: "POST", token: admin, json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] } });
    const first = await firstSignIn(clerk);
    const second = await login(clerk, OWN);
    expect((await api(`/api/v1/staff/${clerk}/sign-out`, { method: "POST", token: admin, json: {} })).status).toBe(200);
    for (const token of [first, second]) await expectError(await api(`/api/v1/sites/${site}/queue`, { token }), 401, "TOKEN_INVALID");
    const after = await login(clerk, OWN);
    expect((await api(`/api/v1/sites/${site}/queue`, { token: after })).status).toBe(200);
    const entry = (await auditOf(admin)).find((e) => e.action === "account.signed-out");
    expect(entry).toMatchObject({ target: clerk, actor: expect.any(String) });
  });

  it("a new temporary password signs the account out and the old password stops working", async () => {
    const { admin, site } = await freshOrganisation();
    const clerk = unique("urz");
    await api("/api/v1/staff", { method: "POST", token: admin, json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] } });
    const token = await firstSignIn(clerk);
    const next = "nowe-tymczasowe-2";
    expect((await api(`/api/v1/staff/${clerk}/password`, { method: "POST", token: admin, json: { password: next } })).status).toBe(200);
    await expectError(await api(`/api/v1/sites/${site}/queue`, { token }), 401, "TOKEN_INVALID");
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: clerk, password: TEMP } }),
      401,
      "BAD_CREDENTIALS",
    );
    // The new temporary password must be changed again before anything else.
    const marked = await login(clerk, next);
    await expectError(await api(`/api/v1/sites/${site}/queue`, { token: marked }), 403, "PASSWORD_CHANGE_REQUIRED");
    expect((await api(`/api/v1/sites/${site}/queue`, { token: await firstSignIn(clerk, next) })).status).toBe(200);
    const entry = (await auditOf(admin)).find((e) => e.action === "password.changed");
    expect(JSON.stringify(entry)).not.toContain(next);
  });

  it("an organisation with two administrators may disable one", async () => {
    const { org, operator, adminName } = await freshOrganisation();
    const second = unique("adm");
    const r = await directoryOf(org).putAccount(org, { username: second, password: TEMP, role: "org-admin", siteIds: [] });
    expect(r.ok).toBe(true);
    const res = await api(`/api/v1/staff/${adminName}/disable?org=${org}`, { method: "POST", token: operator, json: {} });
    expect(res.status).toBe(200);
    await expectError(
      await api(`/api/v1/staff/${second}/disable?org=${org}`, { method: "POST", token: operator, json: {} }),
      409,
      "LAST_ADMIN",
    );
  });
});

describe("a temporary password is changed at first sign-in", () => {
  it("the marked token works only for the password change, which answers a normal token", async () => {
    const { org, admin, site } = await freshOrganisation();
    const clerk = unique("urz");
    await api("/api/v1/staff", { method: "POST", token: admin, json: { username: clerk, password: TEMP, role: "clerk", siteIds: [site] } });
    const res = await api("/api/v1/auth/login", { method: "POST", json: { username: clerk, password: TEMP } });
    const session = (await res.json()) as { token: string; passwordChangeRequired?: boolean };
    expect(session.passwordChangeRequired).toBe(true);
    const marked = session.token;
    await expectError(await api(`/api/v1/sites/${site}/queue`, { token: marked }), 403, "PASSWORD_CHANGE_REQUIRED");
    const socket = await api(`/api/v1/sites/${site}/live?role=clerk&access_token=${marked}`, { headers: { Upgrade: "websocket" } });
    await expectError(socket, 403, "PASSWORD_CHANGE_REQUIRED");
    const change = (json: unknown, token = marked) => api("/api/v1/auth/password", { method: "POST", token, json });
    const before = await stored(org);
    await expectError(await change({ currentPassword: TEMP, newPassword: "krotkie-11z" }), 400, "VALIDATION_FAILED");
    await expectError(await change({ currentPassword: "zle-haslo-123", newPassword: OWN }), 403, "PASSWORD_WRONG");
    await expectError(await change({ currentPassword: TEMP, newPassword: TEMP }), 400, "PASSWORD_UNCHANGED");
    // Nothing stored (the wrong current password is counted by the login limits, in their own tables).
    expect(await stored(org)).toEqual(before);
    const changed = await change({ currentPassword: TEMP, newPassword: OWN });
    expect(changed.status).toBe(200);
    const fresh = (await changed.json()) as { token: string; passwordChangeRequired?: boolean };
    expect(fresh.passwordChangeRequired).toBeUndefined();
    expect((await api(`/api/v1/sites/${site}/queue`, { token: fresh.token })).status).toBe(200);
    // The marked token is spent; the temporary password no longer signs in.
    await expectError(await api(`/api/v1/sites/${site}/queue`, { token: marked }), 401, "TOKEN_INVALID");
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: clerk, password: TEMP } }),
      401,
      "BAD_CREDENTIALS",
    );
    expect((await accounts(admin)).find((a) => a.username === clerk)?.mustChangePassword).toBe(false);
    const entry = (await auditOf(admin)).find((e) => e.action === "password.changed" && e.actor === clerk);
    expect(JSON.stringify(entry)).not.toContain(OWN);
  });

  it("anyone signed in changes their own password", async () => {
    const { adminName, admin } = await freshOrganisation();
    const next = "jeszcze-inne-haslo-9";
    const changed = await api("/api/v1/auth/password", { method: "POST", token: admin, json: { currentPassword: OWN, newPassword: next } });
    expect(changed.status).toBe(200);
    expect(await login(adminName, next)).toBeTruthy();
    await expectError(await api("/api/v1/staff", { token: admin }), 401, "TOKEN_INVALID");
  });
});
