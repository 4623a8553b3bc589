import { describe, expect, it } from "vitest";
import { canonical, fieldId, getAt, pathKey, readRefusal, refusalTarget, setAt } from "./paths.ts";

describe("configuration paths", () => {
  const config = { name: "Urząd", departments: [{ id: "w1", matters: [{ id: "m1", prefix: "A", slotMinutes: 10 }] }] };

  it("reads and replaces a value by its path, copying only along the path", () => {
    const path = ["departments", 0, "matters", 0, "prefix"] as const;
    expect(pathKey(path)).toBe("departments.0.matters.0.prefix");
    expect(fieldId(path)).toBe("cfg-departments-0-matters-0-prefix");
    expect(getAt(config, path)).toBe("A");
    expect(getAt(config, ["departments", 3, "name"])).toBeUndefined();
    const next = setAt(config, path, "B");
    expect(getAt(next, path)).toBe("B");
    expect(config.departments[0]!.matters[0]!.prefix).toBe("A");
    expect(next.name).toBe("Urząd");
  });

  it("removes an optional field set to undefined", () => {
    const next = setAt(config, ["departments", 0, "matters", 0, "slotMinutes"], undefined);
    expect(next.departments[0]!.matters[0]).toEqual({ id: "m1", prefix: "A" });
  });

  it("reads the field path of the API's refusals", () => {
    expect(readRefusal('departments.0.matters.1.prefix: ticket prefix "A" is used twice')).toEqual({
      path: "departments.0.matters.1.prefix",
      text: 'ticket prefix "A" is used twice',
    });
    expect(readRefusal("siteId: must be lower-case letters")).toEqual({ path: "id", text: "must be lower-case letters" });
    expect(readRefusal("body: expected object")).toEqual({ path: null, text: "expected object" });
    expect(readRefusal("Your account may not do this.")).toEqual({ path: null, text: "Your account may not do this." });
  });

  it("shows a refusal on the field, else the first field inside, else the nearest field above", () => {
    const fields = ["name", "openingHours.mon.0.0", "openingHours.mon.0.1", "openingHours.mon", "departments.0.name", "desks"];
    expect(refusalTarget("name", fields)).toBe("name");
    expect(refusalTarget("openingHours.mon.0", fields)).toBe("openingHours.mon.0.0");
    expect(refusalTarget("openingHours.mon.3", fields)).toBe("openingHours.mon");
    expect(refusalTarget("departments.0.id", fields)).toBe("departments.0.name");
    expect(refusalTarget("desks", fields)).toBe("desks");
    expect(refusalTarget("privacy.notice", fields)).toBeNull();
    expect(refusalTarget(null, fields)).toBeNull();
  });
});

describe("canonical", () => {
  it("does not depend on the order of an object's keys", () => {
    expect(canonical({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(canonical({ b: [{ x: 1, y: 2 }], a: 1 }));
    expect(canonical({ a: 1 })).not.toBe(canonical({ a: 2 }));
  });
});
