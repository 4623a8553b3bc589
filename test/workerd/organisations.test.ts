// Organisations as tenants: an administrator of Toruń reaches nothing of Koszalin through any route or
// socket; the operator creates an organisation and its administrator, who creates a site; user names
// and site ids are unique across the deployment; failed logins cost only their own organisation.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CONTRACT, type RouteContract } from "../../protocol/contract.ts";
import { roleAdmitted } from "../../protocol/roles.ts";
import { ROUTES, type RouteName, routeOf } from "../../protocol/routes.ts";
import { accountFor, api, directoryOf, expectError, issue, login, registryObject, storedState, testSiteConfig } from "./helpers.ts";

const KOSZALIN_SITE = "koszalin-usc";
const TORUN_SITES = ["torun-copernicus", "torun-plaza", "torun-wez", "torun-wk", "torun-wsa"];

interface SignIn {
  token: string;
  role: string;
  org?: string;
  siteIds: string[];
}

async function signIn(username: string, password: string): Promise<SignIn> {
  const res = await api("/api/v1/auth/login", { method: "POST", json: { username, password } });
  expect(res.status, `login ${username}`).toBe(200);
  return (await res.json()) as SignIn;
}

/** Every row of a directory's or the registry's tables (what "nothing stored" is checked against). */
function rowsOf(stub: DurableObjectStub, tables: string[]): Promise<Record<string, unknown[]>> {
  return runInDurableObject(stub, (_i: unknown, state: DurableObjectState) =>
    Object.fromEntries(tables.map((t) => [t, state.storage.sql.exec(`SELECT * FROM ${t} ORDER BY 1`).toArray()])),
  );
}

/** A request to a route of the table at a site, with a token; bodies and queries need not be valid (the site is checked first). */
function hit(name: RouteName, siteId: string, token: string): Promise<Response> {
  const { method, path } = routeOf(name);
  const filled = path.replace(":siteId", siteId).replace(":deskId", "d1").replace(":messageId", "ms_00000000000000000000");
  const spec: RouteContract = CONTRACT[name];
  if (spec.status === 101) {
    return api(`${filled}?role=display&access_token=${token}`, { headers: { Upgrade: "websocket" } });
  }
  return api(filled, { method, token, ...(method === "GET" ? {} : { json: {} }) });
}

/** The routes of one site that need a token (public ones, like availability, stay public across organisations). */
const SITE_ROUTES = (Object.keys(ROUTES) as RouteName[]).filter((n) => routeOf(n).path.includes(":siteId") && "auth" in CONTRACT[n]);

describe("an administrator of Toruń and Koszalin's sites", () => {
  it("signs in as the administrator of Toruń's five sites, and only those", async () => {
    const torun = await signIn("torun-admin", "demo");
    expect(torun).toMatchObject({ role: "org-admin", org: "torun" });
    expect(torun.siteIds).toEqual(TORUN_SITES);
    const koszalin = await signIn("koszalin-admin", "demo");
    expect(koszalin.siteIds).toEqual(["koszalin-ratusz", "koszalin-usc"]);
    // The operator reaches every site; a demo manager keeps their own.
    expect((await signIn("admin", "admin")).role).toBe("operator");
    expect(await signIn("kierownik", "demo")).toMatchObject({ role: "manager", org: "demo", siteIds: ["demo"] });
  });

  it("every site route and socket refuses Toruń's administrator and managers at a Koszalin site, and nothing is stored", async () => {
    expect(SITE_ROUTES.length).toBeGreaterThan(15);
    const koszalin = await login("koszalin-admin", "demo");
    // A Koszalin site open around the clock, made by Koszalin's administrator, with a ticket waiting.
    const site = `t-koszalin-${Date.now().toString(36)}`;
    const made = await api(`/api/v1/sites/${site}`, { method: "PUT", token: koszalin, json: testSiteConfig(site) });
    expect(made.status).toBe(200);
    await issue(site, koszalin, "rej");
    const before = await storedState(site);
    const registryBefore = await rowsOf(registryObject(), ["organisations", "sites", "users"]);
    const directoryBefore = await rowsOf(directoryOf("koszalin"), ["accounts", "sites"]);

    const torunAdmin = await login("torun-admin", "demo");
    const torunManager = await accountFor("manager", ["torun-wk"], { org: "torun" });
    // A Toruń account whose site list names a Koszalin site (a mistake in its configuration) is refused just the same.
    const stray = await accountFor("manager", [site], { org: "torun" });
    const strayClerk = await accountFor("clerk", [site], { org: "torun", deskIds: ["d1"] });
    for (const name of SITE_ROUTES) {
      for (const [who, role, token] of [
        ["torun-admin", "org-admin", torunAdmin],
        ["manager", "manager", torunManager],
        ["stray manager", "manager", stray],
      ] as const) {
        const res = await hit(name, site, token);
        // Creating a site under an id another organisation has is SITE_ID_TAKEN; a route not for their role at all
        // (the agent's replay) is FORBIDDEN before any site is looked at; every other route is SITE_FORBIDDEN.
        const auth = (CONTRACT[name] as RouteContract).auth ?? [];
        const expected =
          name === "putSite" && who === "torun-admin" ? "SITE_ID_TAKEN" : roleAdmitted(role, auth) ? "SITE_FORBIDDEN" : "FORBIDDEN";
        expect(res.status, `${name} as ${who}: ${await res.clone().text()}`).toBe(expected === "SITE_ID_TAKEN" ? 409 : 403);
        await expectError(res, res.status, expected);
      }
    }
    // A clerk's routes (a desk command, the queue, a clerk's socket) at the stray site: refused.
    await expectError(await hit("desk.call-next", site, strayClerk), 403, "SITE_FORBIDDEN");
    await expectError(await hit("queue", site, strayClerk), 403, "SITE_FORBIDDEN");
    await expectError(
      await api(`/api/v1/sites/${site}/live?role=clerk:d1&access_token=${strayClerk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "SITE_FORBIDDEN",
    );
    // A full configuration put by Toruń's administrator is refused too.
    await expectError(
      await api(`/api/v1/sites/${site}`, { method: "PUT", token: torunAdmin, json: testSiteConfig(site) }),
      409,
      "SITE_ID_TAKEN",
    );
    // Nor may they list or create organisations.
    await expectError(await api("/api/v1/organisations", { token: torunAdmin }), 403, "FORBIDDEN");
    await expectError(
      await api("/api/v1/organisations", {
        method: "POST",
        token: torunAdmin,
        json: { id: "t-przejecie", name: "Przejęcie", admin: { username: "t-przejecie-admin", password: "długie-hasło-testowe" } },
      }),
      403,
      "FORBIDDEN",
    );

    expect(await storedState(site)).toEqual(before);
    const registryAfter = await rowsOf(registryObject(), ["organisations", "sites", "users"]);
    // Only the test accounts made above were added (to Toruń); nothing of Koszalin changed.
    expect(registryAfter.sites).toEqual(registryBefore.sites);
    expect(registryAfter.organisations).toEqual(registryBefore.organisations);
    expect(await rowsOf(directoryOf("koszalin"), ["accounts", "sites"])).toEqual(directoryBefore);
    // Koszalin's own administrator still works there.
    const queue = await api(`/api/v1/sites/${site}/queue`, { token: koszalin });
    expect(((await queue.json()) as { tickets: unknown[] }).tickets).toHaveLength(1);
  });

  it("public routes stay public across organisations: the site list and a Koszalin site's availability", async () => {
    const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: { id: string }[] };
    expect(sites.map((s) => s.id)).toEqual(expect.arrayContaining([KOSZALIN_SITE, ...TORUN_SITES, "demo"]));
    const day = new Date().toISOString().slice(0, 10);
    expect((await api(`/api/v1/sites/${KOSZALIN_SITE}/availability?matterId=akt&from=${day}&to=${day}`)).status).toBe(200);
  });
});

describe("the operator", () => {
  let n = 0;
  const fresh = () => `t-org-${Date.now().toString(36)}-${(n++).toString(36)}`;

  it("creates an organisation and its administrator, who signs in and creates a site of it", async () => {
    const operator = await login("admin", "admin");
    const id = fresh();
    const created = await api("/api/v1/organisations", {
      method: "POST",
      token: operator,
      json: { id, name: "Starostwo Powiatowe", admin: { username: `${id}-admin`, password: "tymczasowe-hasło-1" } },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      organisation: { id, name: "Starostwo Powiatowe", siteIds: [] },
      admin: { role: "org-admin" },
    });

    // The operator's password is temporary: the first sign-in allows only setting one's own.
    const first = await signIn(`${id}-admin`, "tymczasowe-hasło-1");
    expect(first).toMatchObject({ role: "org-admin", org: id, siteIds: [], passwordChangeRequired: true });
    await expectError(await api("/api/v1/organisations", { token: first.token }), 403, "PASSWORD_CHANGE_REQUIRED");
    const changed = await api("/api/v1/auth/password", {
      method: "POST",
      token: first.token,
      json: { currentPassword: "tymczasowe-hasło-1", newPassword: "własne-hasło-admina" },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const admin = (await changed.json()) as SignIn;
    expect(admin).toMatchObject({ role: "org-admin", org: id, siteIds: [] });
    const siteId = `${id}-urzad`;
    const put = await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin.token, json: testSiteConfig(siteId) });
    expect(put.status, await put.clone().text()).toBe(200);
    // The site is listed, the administrator acts on it, and a new sign-in names it.
    expect((await api(`/api/v1/sites/${siteId}/queue`, { token: admin.token })).status).toBe(200);
    expect((await signIn(`${id}-admin`, "własne-hasło-admina")).siteIds).toEqual([siteId]);
    const list = (await (await api("/api/v1/organisations", { token: operator })).json()) as {
      organisations: { id: string; siteIds: string[] }[];
    };
    expect(list.organisations.find((o) => o.id === id)?.siteIds).toEqual([siteId]);
    // The new organisation's administrator reaches nothing of Toruń.
    await expectError(await api("/api/v1/sites/torun-wk/queue", { token: admin.token }), 403, "SITE_FORBIDDEN");
    // The operator puts a site into an organisation by naming it.
    const second = `${id}-filia`;
    const named = await api(`/api/v1/sites/${second}?org=${id}`, { method: "PUT", token: operator, json: testSiteConfig(second) });
    expect(named.status).toBe(200);
    expect((await signIn(`${id}-admin`, "własne-hasło-admina")).siteIds).toEqual([second, siteId]);
  });

  it("refuses an organisation that exists, a taken user name, a short password; nothing is stored", async () => {
    const operator = await login("admin", "admin");
    const post = (json: unknown) => api("/api/v1/organisations", { method: "POST", token: operator, json });
    const before = await rowsOf(registryObject(), ["organisations", "users"]);
    await expectError(
      await post({ id: "torun", name: "Drugi Toruń", admin: { username: "t-drugi-torun", password: "długie-hasło-123" } }),
      409,
      "ORGANISATION_EXISTS",
    );
    await expectError(
      await post({ id: "default", name: "Domyślna", admin: { username: "t-domyslna", password: "długie-hasło-123" } }),
      409,
      "ORGANISATION_EXISTS",
    );
    const id = fresh();
    await expectError(
      await post({ id, name: "Gmina", admin: { username: "kierownik", password: "długie-hasło-123" } }),
      409,
      "USERNAME_TAKEN",
    );
    // Whatever the case of its letters.
    await expectError(
      await post({ id, name: "Gmina", admin: { username: "Torun-Admin", password: "długie-hasło-123" } }),
      409,
      "USERNAME_TAKEN",
    );
    await expectError(
      await post({ id, name: "Gmina", admin: { username: `${id}-admin`, password: "za-krótkie" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await post({ id: "Zła_Nazwa", name: "Gmina", admin: { username: `${id}-admin`, password: "długie-hasło-123" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await post({ id, name: "", admin: { username: `${id}-admin`, password: "długie-hasło-123" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await post({ id, name: "Gmina" }), 400, "VALIDATION_FAILED");
    expect(await rowsOf(registryObject(), ["organisations", "users"])).toEqual(before);
    // The operator creates no site without naming an organisation, nor in one that does not exist.
    const siteId = `${id}-site`;
    await expectError(
      await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: operator, json: testSiteConfig(siteId) }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}?org=${id}`, { method: "PUT", token: operator, json: testSiteConfig(siteId) }),
      400,
      "VALIDATION_FAILED",
    );
    // A manager creates no site, even of their own organisation.
    const manager = await login("kierownik", "demo");
    await expectError(
      await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: manager, json: testSiteConfig(siteId) }),
      403,
      "SITE_FORBIDDEN",
    );
    const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: { id: string }[] };
    expect(sites.map((s) => s.id)).not.toContain(siteId);
  });
});

describe("user names and login records across organisations", () => {
  it("a user name of one organisation cannot be taken by another, in any case", async () => {
    for (const username of ["torun-admin", "TORUN-ADMIN", "urzednik1"]) {
      const r = await directoryOf("koszalin").putAccount("koszalin", {
        username,
        password: "przejmuje-konto",
        role: "org-admin",
        siteIds: [],
      });
      expect(r).toMatchObject({ ok: false, code: "USERNAME_TAKEN" });
    }
    expect((await signIn("torun-admin", "demo")).org).toBe("torun");
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: "torun-admin", password: "przejmuje-konto" } }),
      401,
      "BAD_CREDENTIALS",
    );
  });

  it("failed logins of one organisation's names are counted in its directory only", async () => {
    const tables = ["login_counters", "login_known"];
    const koszalinBefore = await rowsOf(directoryOf("koszalin"), tables);
    const torunBefore = await rowsOf(directoryOf("torun"), tables);
    const attempt = (username: string, i: number) =>
      api("/api/v1/auth/login", {
        method: "POST",
        headers: { "CF-Connecting-IP": `198.51.100.${i}` },
        json: { username, password: `zgaduję-${i}` },
      });
    for (let i = 1; i <= 4; i++) await expectError(await attempt("torun-wk-urzednik", i), 401, "BAD_CREDENTIALS");
    // Names no organisation has are counted in a directory of no organisation.
    for (let i = 5; i <= 8; i++) await expectError(await attempt(`t-nikt-${i}`, i), 401, "BAD_CREDENTIALS");
    const torunAfter = await rowsOf(directoryOf("torun"), tables);
    expect(torunAfter.login_counters?.length).toBeGreaterThan(torunBefore.login_counters?.length ?? 0);
    expect(await rowsOf(directoryOf("koszalin"), tables)).toEqual(koszalinBefore);
    expect((await rowsOf(directoryOf("@unaffiliated"), tables)).login_counters?.length).toBeGreaterThanOrEqual(4 * 3);
  });
});
