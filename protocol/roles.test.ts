// Which roles a route or screen admits: an administrator may do what a manager may, and no more.
import { describe, expect, it } from "vitest";
import { roleAdmitted } from "./roles.ts";

describe("roleAdmitted", () => {
  it("admits the operator and an organisation's administrator wherever a manager is admitted", () => {
    expect(roleAdmitted("operator", ["clerk", "manager"])).toBe(true);
    expect(roleAdmitted("org-admin", ["kiosk", "clerk", "manager"])).toBe(true);
    expect(roleAdmitted("manager", ["manager"])).toBe(true);
  });

  it("admits nobody to what only the operator may do, and no administrator to a device's or clerk's own view", () => {
    expect(roleAdmitted("org-admin", ["operator"])).toBe(false);
    expect(roleAdmitted("manager", ["operator"])).toBe(false);
    expect(roleAdmitted("org-admin", ["display", "agent"])).toBe(false);
    expect(roleAdmitted("operator", ["clerk"])).toBe(false);
    expect(roleAdmitted("clerk", ["manager"])).toBe(false);
  });
});
