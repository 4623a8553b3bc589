// The Worker's list of sites: when a request uses the list it has and when it waits for the registry.
import { describe, expect, it } from "vitest";
import { listingUse } from "./sites.ts";

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
