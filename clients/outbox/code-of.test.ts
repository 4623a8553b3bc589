import { describe, expect, it } from "vitest";
import { codeOf } from "./code-of.ts";

describe("the code of a message on the demo outbox page", () => {
  it("is the 6-digit number of a code message", () => {
    expect(codeOf({ kind: "code", body: "numerek: Twój kod potwierdzenia: 042817. Ważny 10 minut." })).toBe("042817");
  });
  it("is not a longer number nor part of one", () => {
    expect(codeOf({ kind: "code", body: "Numer 1234567, kod 2026-11-23" })).toBeNull();
  });
  it("is only looked for in code messages", () => {
    expect(codeOf({ kind: "confirmation", body: "Wizyta 24.11 o 10:15, kod odprawy 123456" })).toBeNull();
    expect(codeOf({ kind: "code" })).toBeNull();
  });
});
