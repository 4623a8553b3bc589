// GET /api/v1/sites/:siteId/continuity: where the site's agent answers on the office's network, and a local
// token signed with the site's local secret, for the kiosks, screens, clerks and managers of that site only.
import { describe, expect, it } from "vitest";
import type { ContinuityInfo } from "../../protocol/continuity.ts";
import { verifyLocalToken } from "../../protocol/continuity-token.ts";
import { continuityAgent, LOCAL_URL } from "./continuity-helpers.ts";
import { accountFor, api, expectError, freshSite } from "./helpers.ts";

async function info(siteId: string, token: string): Promise<ContinuityInfo> {
  const res = await api(`/api/v1/sites/${siteId}/continuity`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ContinuityInfo;
}

describe("the continuity route", () => {
  it("gives each hall role a local token the agent accepts, with the agent's address", async () => {
    const { siteId } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    // Before any agent serves continuity: no address, a token all the same.
    const before = await info(siteId, kiosk);
    expect(before.localUrl).toBeNull();

    const { socket, replica } = await continuityAgent(siteId);
    const secret = replica.localSecret;
    const now = Date.now();
    const k = await info(siteId, kiosk);
    const after = Date.now();
    expect(k.localUrl).toBe(LOCAL_URL);
    const kc = await verifyLocalToken(secret, k.token, siteId, now);
    expect(kc).toMatchObject({ site: siteId, role: "kiosk", device: "k1" });
    // The token made before the agent came is signed with the same secret.
    expect(await verifyLocalToken(secret, before.token, siteId, now)).toMatchObject({ role: "kiosk" });
    // Valid for 36 hours.
    expect(kc?.exp).toBe(Date.parse(k.expiresAt));
    expect(kc?.exp).toBeGreaterThanOrEqual(now + 36 * 3_600_000);
    expect(kc?.exp).toBeLessThanOrEqual(after + 36 * 3_600_000);

    for (const role of ["display", "clerk", "manager"] as const) {
      const token = await accountFor(role, [siteId], role === "clerk" ? { deskIds: ["d1"] } : {});
      const got = await info(siteId, token);
      const claims = await verifyLocalToken(secret, got.token, siteId, Date.now());
      expect(claims, role).toMatchObject({ site: siteId, role });
      expect(claims?.device).toBeUndefined();
      expect(claims?.sub).toMatch(/^t-/);
      // A clerk kept to some desks in the cloud is kept to them by the agent too; a manager is not.
      expect(claims?.desks, role).toEqual(role === "clerk" ? ["d1"] : undefined);
    }
    // Not for another site, and not with another secret.
    expect(await verifyLocalToken(secret, k.token, "inna-placowka", now)).toBeNull();
    socket.close();
  });

  it("is refused to the agent, to callers without a token, and across sites", async () => {
    const { siteId } = await freshSite();
    const other = await freshSite();
    await expectError(await api(`/api/v1/sites/${siteId}/continuity`), 401, "UNAUTHENTICATED");
    await expectError(await api(`/api/v1/sites/${siteId}/continuity`, { token: await accountFor("agent", [siteId]) }), 403, "FORBIDDEN");
    const elsewhere = await accountFor("manager", [other.siteId]);
    await expectError(await api(`/api/v1/sites/${siteId}/continuity`, { token: elsewhere }), 403, "SITE_FORBIDDEN");
    const kioskElsewhere = await accountFor("kiosk", [other.siteId], { deviceId: "k1" });
    await expectError(await api(`/api/v1/sites/${siteId}/continuity`, { token: kioskElsewhere }), 403, "SITE_FORBIDDEN");
  });
});
