// The site list the Workers keep (worker/sites.ts): the registry answers a Worker that has the list with only
// the sites published since its version, so a refresh of an up-to-date Worker carries no site, however many
// the deployment has, and one site configured is one site sent. The list stays whole and current through the
// API, and across a restart of the registry.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, freshSite, registryObject, TEST_ORG, testSiteConfig } from "./helpers.ts";

const ids = (sites: { id: string }[]) => sites.map((s) => s.id);

describe("the site list", () => {
  it("is sent whole once; then only the sites published since, a changed one with its change", async () => {
    const first = await freshSite();
    const whole = await registryObject().listingSince(null);
    expect(whole.whole).toBe(true);
    expect(ids(whole.sites)).toContain(first.siteId);
    expect(ids(whole.sites)).toEqual([...ids(whole.sites)].sort());
    expect(whole.orgs[first.siteId]).toBe(TEST_ORG);

    // Up to date: nothing.
    expect(await registryObject().listingSince(whole.version)).toEqual({ version: whole.version, whole: false, sites: [], orgs: {} });

    // A new site, and a change of the first one's name: those two, nothing else.
    const second = await freshSite();
    const renamed = await api(`/api/v1/sites/${first.siteId}?org=${TEST_ORG}`, {
      method: "PUT",
      token: first.admin,
      json: { ...testSiteConfig(first.siteId), name: "Urząd po zmianie" },
    });
    expect(renamed.status).toBe(200);
    const since = await registryObject().listingSince(whole.version);
    expect(since.whole).toBe(false);
    expect(since.version).toBeGreaterThan(whole.version);
    expect(ids(since.sites).sort()).toEqual([first.siteId, second.siteId].sort());
    expect(since.sites.find((s) => s.id === first.siteId)?.name).toBe("Urząd po zmianie");
    expect(since.orgs).toEqual({ [first.siteId]: TEST_ORG, [second.siteId]: TEST_ORG });

    // A restarted registry knows the same from its rows.
    await evictDurableObject(registryObject());
    const afterRestart = await registryObject().listingSince(whole.version);
    expect(ids(afterRestart.sites).sort()).toEqual(ids(since.sites).sort());
    expect(afterRestart.version).toBe(since.version);

    // The Worker's list has both sites, the change included, in id order.
    const listed = (await (await api("/api/v1/sites")).json()) as { sites: { id: string; name: string }[] };
    expect(listed.sites.find((s) => s.id === first.siteId)?.name).toBe("Urząd po zmianie");
    expect(ids(listed.sites)).toContain(second.siteId);
    expect(ids(listed.sites)).toEqual([...ids(listed.sites)].sort());
  });

  it("a version the registry never had gets the whole list", async () => {
    const { siteId } = await freshSite();
    const answer = await registryObject().listingSince(Number.MAX_SAFE_INTEGER);
    expect(answer.whole).toBe(true);
    expect(ids(answer.sites)).toContain(siteId);
  });
});
