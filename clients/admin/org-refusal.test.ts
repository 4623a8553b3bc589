import { expect, test } from "vitest";
import { orgRefusal } from "./org-refusal.ts";

test("a taken id or user name shows on its field, by its code", () => {
  expect(orgRefusal("ORGANISATION_EXISTS", "An organisation with this id exists already.")).toEqual({
    field: "id",
    code: "ORGANISATION_EXISTS",
    detail: "",
  });
  expect(orgRefusal("USERNAME_TAKEN", "")).toEqual({ field: "username", code: "USERNAME_TAKEN", detail: "" });
});

test("a malformed value shows on the field its path names, with the API's words", () => {
  expect(orgRefusal("VALIDATION_FAILED", "admin.password: at least 12 characters")).toEqual({
    field: "password",
    code: "VALIDATION_FAILED",
    detail: "at least 12 characters",
  });
  expect(orgRefusal("VALIDATION_FAILED", "id: Invalid string").field).toBe("id");
  expect(orgRefusal("VALIDATION_FAILED", "name: Too small").field).toBe("name");
  expect(orgRefusal("VALIDATION_FAILED", "admin.username: letters, digits, '.', '_' or '-'").field).toBe("username");
});

test("anything else shows on the form as a whole", () => {
  expect(orgRefusal("VALIDATION_FAILED", "body: Unrecognized key")).toEqual({
    field: null,
    code: "VALIDATION_FAILED",
    detail: "body: Unrecognized key",
  });
  expect(orgRefusal("NETWORK", "")).toEqual({ field: null, code: "NETWORK", detail: "" });
});
