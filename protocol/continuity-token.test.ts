import { describe, expect, it } from "vitest";
import { newLocalSecret, signLocalToken, verifyLocalToken } from "./continuity-token.ts";

const claims = { site: "koszalin-ratusz", role: "kiosk" as const, sub: "kiosk-1", device: "kiosk-1", exp: 2_000 };

describe("local tokens", () => {
  it("are accepted by the agent holding the same secret, for their site, until they expire", async () => {
    const secret = newLocalSecret();
    const token = await signLocalToken(secret, claims);
    expect(await verifyLocalToken(secret, token, "koszalin-ratusz", 1_999)).toEqual(claims);
    expect(await verifyLocalToken(secret, token, "koszalin-ratusz", 2_000)).toBeNull();
    expect(await verifyLocalToken(secret, token, "torun-urzad", 1_000)).toBeNull();
  });

  it("are refused when signed with another secret or changed after signing", async () => {
    const secret = newLocalSecret();
    const token = await signLocalToken(secret, claims);
    expect(await verifyLocalToken(newLocalSecret(), token, "koszalin-ratusz", 1_000)).toBeNull();
    const [, sig] = token.split(".");
    const forged = `${btoa(JSON.stringify({ ...claims, role: "manager" })).replace(/=+$/, "")}.${sig}`;
    expect(await verifyLocalToken(secret, forged, "koszalin-ratusz", 1_000)).toBeNull();
    for (const bad of ["", ".", "a.b.c", "!!.??", "x".repeat(2000)])
      expect(await verifyLocalToken(secret, bad, "koszalin-ratusz", 1_000)).toBeNull();
  });
});
