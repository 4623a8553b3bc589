import { describe, expect, it } from "vitest";
import { assignmentRefusal, disablesLastAdmin, temporaryPasswordRefusal } from "./staff-rules.ts";

const SITES = [
  { id: "a", deskIds: ["d1", "d2"] },
  { id: "b", deskIds: ["d9"] },
];

describe("what an administrator may assign", () => {
  it("admits the organisation's sites, and a clerk's desks of those sites", () => {
    expect(assignmentRefusal({ role: "manager", siteIds: ["a", "b"] }, SITES)).toBeNull();
    expect(assignmentRefusal({ role: "clerk", siteIds: ["a"], deskIds: ["d2"] }, SITES)).toBeNull();
  });
  it("refuses a site of another organisation", () => {
    expect(assignmentRefusal({ role: "manager", siteIds: ["a", "x"] }, SITES)?.code).toBe("SITE_NOT_IN_ORGANISATION");
  });
  it("refuses a desk of a site not chosen, or none at all", () => {
    expect(assignmentRefusal({ role: "clerk", siteIds: ["a"], deskIds: ["d9"] }, SITES)?.code).toBe("UNKNOWN_STAFF_DESK");
    expect(assignmentRefusal({ role: "clerk", siteIds: ["a"], deskIds: ["nope"] }, SITES)?.code).toBe("UNKNOWN_STAFF_DESK");
  });
  it("gives desks only to clerks, and each site once", () => {
    expect(assignmentRefusal({ role: "manager", siteIds: ["a"], deskIds: ["d1"] }, SITES)?.code).toBe("VALIDATION_FAILED");
    expect(assignmentRefusal({ role: "manager", siteIds: ["a", "a"] }, SITES)?.code).toBe("VALIDATION_FAILED");
  });
});

describe("a new temporary password", () => {
  it("is given to another account, never to one's own", () => {
    expect(temporaryPasswordRefusal("torun-admin", "urzednik")).toBeNull();
    expect(temporaryPasswordRefusal(null, "urzednik")).toBeNull();
    expect(temporaryPasswordRefusal("torun-admin", "torun-admin")?.code).toBe("OWN_PASSWORD");
    expect(temporaryPasswordRefusal("Torun-Admin", "torun-admin")?.code).toBe("OWN_PASSWORD");
  });
});

describe("the last administrator", () => {
  const admin = (username: string, disabled = false) => ({ username, role: "org-admin", disabled });
  it("may not be disabled while no other administrator works", () => {
    expect(disablesLastAdmin([admin("x"), { username: "c", role: "clerk", disabled: false }], "x")).toBe(true);
    expect(disablesLastAdmin([admin("x"), admin("y", true)], "x")).toBe(true);
  });
  it("may be disabled when another administrator works; others always may", () => {
    expect(disablesLastAdmin([admin("x"), admin("y")], "x")).toBe(false);
    expect(disablesLastAdmin([admin("x"), { username: "c", role: "clerk", disabled: false }], "c")).toBe(false);
  });
});
