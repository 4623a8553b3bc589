import { describe, expect, it } from "vitest";
import { isE164, messageProblem } from "./provider.ts";

describe("isE164", () => {
  it("accepts + and 8-15 digits without a leading zero", () => {
    expect(isE164("+48501234567")).toBe(true);
    expect(isE164("+4930123456")).toBe(true);
    expect(isE164("+123456789012345")).toBe(true);
  });

  it("refuses national, spaced, too short or too long numbers", () => {
    for (const n of ["501234567", "0048501234567", "+48 501 234 567", "+0501234567", "+1234567", "+1234567890123456", "", "+48abc"]) {
      expect(isE164(n)).toBe(false);
    }
  });
});

describe("messageProblem", () => {
  it("passes a sendable message", () => {
    expect(messageProblem({ to: "+48501234567", body: "x", reference: "m1" })).toBeNull();
  });

  it("names a bad recipient and an empty body", () => {
    expect(messageProblem({ to: "501234567", body: "x", reference: "m1" })).toBe('recipient is not an E.164 number: "501234567"');
    expect(messageProblem({ to: "+48501234567", body: "", reference: "m1" })).toBe("empty message body");
  });
});
