// The upgrade from an earlier version, whose single directory ("directory") held every account and
// site: on first start they become the organisation "default", in that same object, so passwords
// and site configurations stay; a manager of every site becomes the organisation's administrator.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../objects/directory/password.ts";
import { DIRECTORY_MIGRATIONS } from "../../objects/directory.ts";
import { LEGACY_DIRECTORY } from "../../objects/registry/scopes.ts";
import { migrate } from "../../objects/site/schema.ts";
import { app } from "../../worker/app.ts";
import { adoptLegacyDirectory } from "../../worker/organisations.ts";
import { registryObject, siteObject, testEnv, testSiteConfig } from "./helpers.ts";

const stamp = Date.now().toString(36);
const OLD_SITE = `t-stary-${stamp}`;
const MANAGER = `t-szef-${stamp}`;
const CLERK = `t-urzednik-${stamp}`;

async function call(path: string, init: { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers();
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  const body = init.json === undefined ? null : JSON.stringify(init.json);
  return app.fetch(new Request(`http://numerek.test${path}`, { method: body === null ? "GET" : "POST", headers, body }), testEnv);
}

async function signIn(username: string, password: string): Promise<{ token: string; role: string; org?: string; siteIds: string[] }> {
  const res = await call("/api/v1/auth/login", { json: { username, password } });
  expect(res.status, `login ${username}`).toBe(200);
  return (await res.json()) as { token: string; role: string; org?: string; siteIds: string[] };
}

describe("a deployment of the single directory, upgraded", () => {
  it("keeps its accounts with their passwords and its sites, as the organisation 'default'", async () => {
    // The storage an earlier version left: a manager of every site, a clerk, one site, in the schema before organisations.
    const config = testSiteConfig(OLD_SITE);
    expect((await siteObject(OLD_SITE).configure(config)).ok).toBe(true);
    const legacy = testEnv.DIRECTORY.get(testEnv.DIRECTORY.idFromName(LEGACY_DIRECTORY));
    const [managerHash, clerkHash] = [await hashPassword("stare-hasło-szefa"), await hashPassword("stare-hasło-urzędnika")];
    const roles = await runInDurableObject(legacy, (_i: unknown, state: DurableObjectState) => {
      const sql = state.storage.sql;
      sql.exec("UPDATE _schema SET version = 3");
      const insert = "INSERT INTO accounts (username, password_hash, role, site_ids, desk_ids, demo) VALUES (?, ?, ?, ?, ?, 0)";
      sql.exec(insert, MANAGER, managerHash, "manager", JSON.stringify(["*"]), null);
      sql.exec(insert, CLERK, clerkHash, "clerk", JSON.stringify([OLD_SITE]), JSON.stringify(["d1"]));
      sql.exec("INSERT INTO sites (id, config, updated_at) VALUES (?, ?, ?)", OLD_SITE, JSON.stringify(config), Date.now());
      // The new version starts: its migration turns the manager of every site into the organisation's administrator.
      migrate(state.storage, DIRECTORY_MIGRATIONS);
      return sql
        .exec<{ username: string; role: string; site_ids: string }>("SELECT username, role, site_ids FROM accounts ORDER BY username")
        .toArray();
    });
    expect(roles.find((r) => r.username === MANAGER)).toMatchObject({ role: "org-admin", site_ids: "[]" });
    // The registry had looked already when this run began; it looks again as a first start would.
    await runInDurableObject(registryObject(), (_i: unknown, state: DurableObjectState) => {
      state.storage.sql.exec("DELETE FROM meta WHERE key = 'legacy-checked'");
    });

    // This run's storage may hold what earlier tests left in the old directory: at least ours are adopted.
    const adopted = await adoptLegacyDirectory(testEnv);
    expect(adopted.accounts).toBeGreaterThanOrEqual(2);
    expect(adopted.sites).toBeGreaterThanOrEqual(1);
    // Once only.
    expect(await adoptLegacyDirectory(testEnv)).toEqual({ accounts: 0, sites: 0 });

    const manager = await signIn(MANAGER, "stare-hasło-szefa");
    expect(manager).toMatchObject({ role: "org-admin", org: "default", siteIds: [OLD_SITE] });
    expect((await call(`/api/v1/sites/${OLD_SITE}/queue`, { token: manager.token })).status).toBe(200);
    const clerk = await signIn(CLERK, "stare-hasło-urzędnika");
    expect(clerk).toMatchObject({ role: "clerk", org: "default", siteIds: [OLD_SITE] });
    expect((await call(`/api/v1/sites/${OLD_SITE}/desks/d1/call-next`, { token: clerk.token, json: {} })).status).toBe(200);
    // The old manager of every site reaches no other organisation's site.
    expect((await call("/api/v1/sites/torun-wk/queue", { token: manager.token })).status).toBe(403);
    // The site is listed, and the demo's organisations are untouched.
    const { sites } = (await (await call("/api/v1/sites")).json()) as { sites: { id: string }[] };
    expect(sites.map((s) => s.id)).toEqual(expect.arrayContaining([OLD_SITE, "demo", "torun-wk"]));
    expect((await signIn("torun-admin", "demo")).org).toBe("torun");
    // A wrong password is still wrong.
    expect((await call("/api/v1/auth/login", { json: { username: MANAGER, password: "nie-to-hasło" } })).status).toBe(401);
  });
});
