import { describe, expect, it } from "vitest";
import { isStorageFailure } from "./storage-failure.ts";

describe("a storage failure told from a defect", () => {
  it("is what SQLite or the runtime says when the disk is full or the object's storage failed", () => {
    expect(isStorageFailure(new Error("database or disk is full: SQLITE_FULL"))).toBe(true);
    expect(isStorageFailure(new Error("SQLITE_IOERR_SHMSIZE"))).toBe(true);
    expect(isStorageFailure(new Error("internal error; reference = 2rht0t9ccuq8hl26u2n61ifv"))).toBe(true);
    expect(
      isStorageFailure(Object.assign(new Error("Durable Object reset because its code was updated."), { durableObjectReset: true })),
    ).toBe(true);
  });

  it("is not a defect of the code, nor anything that is not an error", () => {
    expect(isStorageFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStorageFailure(new Error("something mentioned an internal error; reference = x"))).toBe(false);
    expect(isStorageFailure("SQLITE_FULL")).toBe(false);
    expect(isStorageFailure(null)).toBe(false);
  });
});
