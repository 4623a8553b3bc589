// The Worker's list of sites: when a request uses the list it has and when it waits for the registry.
import { describe, expect, it } from "vitest";
import type { Env } from "./env.ts";
import { findSite, invalidateSites, listingUse } from "./sites.ts";

/** A registry whose every listing waits for `release`, counting how often it is asked. */
function slowRegistry() {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const registry = {
    asked: 0,
    release: () => release(),
    async listing() {
      registry.asked++;
      await gate;
      return { sites: [{ id: "torun-1" }], orgs: { "torun-1": "torun" } };
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

  it("is asked again by a request that comes after a site changed, not given the list asked before", async () => {
    const { env, registry } = slowRegistry();
    invalidateSites();
    const before = findSite(env, "torun-1");
    invalidateSites();
    const after = findSite(env, "torun-1");
    registry.release();
    await Promise.all([before, after]);
    expect(registry.asked).toBe(2);
  });
});
