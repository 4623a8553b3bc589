// The Worker's list of sites: when a request uses the list it has and when it waits for the registry.
import { describe, expect, it } from "vitest";
import type { SiteListingChanges } from "../objects/registry.ts";
import type { PublicSite } from "../protocol/api.ts";
import type { Env } from "./env.ts";
import { withChanges } from "./known-sites.ts";
import { findSite, invalidateSites, listingUse } from "./sites.ts";

/**
 * A registry whose every answer waits for `release`, counting how often it is asked. It lists "torun-1", and
 * "torun-2" from the second question on (as if it were published meanwhile); asked with the version the
 * asker has, it answers only what was published since.
 */
function slowRegistry() {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const site = (id: string) => ({ id }) as PublicSite;
  const registry = {
    asked: 0,
    release: () => release(),
    async listingSince(version: number | null): Promise<SiteListingChanges> {
      registry.asked++;
      const now = registry.asked === 1 ? 1 : 2;
      await gate;
      if (version === now) return { version: now, whole: false, sites: [], orgs: {} };
      const ids = now === 1 ? ["torun-1"] : version === 1 ? ["torun-2"] : ["torun-1", "torun-2"];
      return { version: now, whole: version === null, sites: ids.map(site), orgs: Object.fromEntries(ids.map((id) => [id, "torun"])) };
    },
  };
  const env = { REGISTRY: { idFromName: (name: string) => name, get: () => registry } } as unknown as Env;
  return { env, registry };
}

describe("the site list a request uses", () => {
  it("is asked of the registry when there is none, or when it is older than a minute", () => {
    expect(listingUse(null, null)).toBe("wait");
    expect(listingUse(60_000, null)).toBe("wait");
    expect(listingUse(120_000, 5_000)).toBe("wait");
  });

  it("is used as it is for ten seconds", () => {
    expect(listingUse(0, null)).toBe("use");
    expect(listingUse(9_999, null)).toBe("use");
  });

  it("older, it is still used while one refresh nobody waits for is under way", () => {
    expect(listingUse(10_000, null)).toBe("use-and-refresh");
    expect(listingUse(59_999, null)).toBe("use-and-refresh");
    expect(listingUse(30_000, 2_000)).toBe("use");
    // A refresh that never ended (its request was cancelled) is given up and another started.
    expect(listingUse(30_000, 10_000)).toBe("use-and-refresh");
  });
});

describe("the registry asked for the site list", () => {
  it("is asked once by a burst of requests that all find the list gone", async () => {
    const { env, registry } = slowRegistry();
    invalidateSites();
    const found = Array.from({ length: 50 }, () => findSite(env, "torun-1"));
    registry.release();
    expect((await Promise.all(found)).every((f) => f?.org === "torun")).toBe(true);
    expect(registry.asked).toBe(1);
  });

  it("is asked again by a request that comes after a site changed, which finds the new site", async () => {
    const { env, registry } = slowRegistry();
    invalidateSites();
    const before = findSite(env, "torun-2");
    invalidateSites();
    const after = findSite(env, "torun-2");
    registry.release();
    expect(await after).toEqual({ site: { id: "torun-2" }, org: "torun" });
    await before;
    expect(registry.asked).toBe(2);
  });
});

describe("the site list a Worker keeps", () => {
  const site = (id: string, name = id) => ({ id, name }) as PublicSite;
  const whole = withChanges(null, { version: 3, whole: true, sites: [site("b"), site("a")], orgs: { a: "x", b: "y" } });

  it("takes a whole list in id order", () => {
    expect(whole.sites.map((s) => s.id)).toEqual(["a", "b"]);
    expect(whole.byId.get("b")).toEqual(site("b"));
    expect(whole.version).toBe(3);
  });

  it("lays the sites published since over the ones it had: a new one in its place, a changed one replaced", () => {
    const next = withChanges(whole, { version: 5, whole: false, sites: [site("ab"), site("b", "renamed")], orgs: { ab: "x", b: "y" } });
    expect(next.sites).toEqual([site("a"), site("ab"), site("b", "renamed")]);
    expect(next.byId.get("b")?.name).toBe("renamed");
    expect(next.orgs).toEqual({ a: "x", ab: "x", b: "y" });
    expect(next.version).toBe(5);
    // The list it was made from is left as it was (requests may still be reading it).
    expect(whole.sites.map((s) => s.id)).toEqual(["a", "b"]);
  });

  it("keeps the same list when nothing was published since", () => {
    expect(withChanges(whole, { version: 3, whole: false, sites: [], orgs: {} })).toBe(whole);
  });
});
