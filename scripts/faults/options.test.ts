import { describe, expect, it } from "vitest";
import { DEFAULT_OUTAGE_MINUTES, faultOptions } from "./options.mjs";

const names = ["ticket-burst", "call-burst", "internet-cut"];

describe("npm run faults options", () => {
  it("runs every row with the default outage when given nothing", () => {
    expect(faultOptions([], names)).toEqual({ only: names, outageMinutes: DEFAULT_OUTAGE_MINUTES });
  });

  it("--only picks rows (repeated or comma-separated) and keeps the matrix's order", () => {
    expect(faultOptions(["--only", "internet-cut", "--only=ticket-burst"], names).only).toEqual(["ticket-burst", "internet-cut"]);
    expect(faultOptions(["--only", "call-burst,ticket-burst"], names).only).toEqual(["ticket-burst", "call-burst"]);
  });

  it("--outage-minutes takes a number of minutes", () => {
    expect(faultOptions(["--outage-minutes", "10"], names).outageMinutes).toBe(10);
    expect(faultOptions(["--outage-minutes=0.5"], names).outageMinutes).toBe(0.5);
  });

  it("refuses an unknown row, an unknown option and a bad length", () => {
    expect(() => faultOptions(["--only", "nope"], names)).toThrow(/unknown row "nope"/);
    expect(() => faultOptions(["--fast"], names)).toThrow(/unknown option/);
    expect(() => faultOptions(["--outage-minutes", "ten"], names)).toThrow(/not a number/);
    expect(() => faultOptions(["--outage-minutes"], names)).toThrow(/needs a value/);
  });
});
