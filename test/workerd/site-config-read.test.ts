// GET /api/v1/sites/{siteId}/config: the manager page's editor reads a site's whole configuration as it
// was stored; only managers of that site may, and a refused change leaves what is read unchanged.
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { accountFor, api, expectError, freshSite, testSiteConfig } from "./helpers.ts";

const read = (siteId: string, token?: string) => api(`/api/v1/sites/${siteId}/config`, token ? { token } : {});

describe("GET /api/v1/sites/{siteId}/config", () => {
  it("gives a manager of the site the configuration as stored, defaults filled in, devices and privacy notice included", async () => {
    const { siteId, admin } = await freshSite({ voice: false });
    const res = await read(siteId, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const config = await res.json();
    expect(config).toEqual(SiteConfig.parse(testSiteConfig(siteId, { voice: false })));
    expect(config).toMatchObject({ devices: [{ id: "k1", kind: "kiosk" }], booking: { minNoticeMinutes: 60 }, voice: false });

    // A manager of only this site reads it too; what they send back is what they read next.
    const own = await accountFor("manager", [siteId]);
    const changed = { ...(config as object), name: "Urząd po zmianie" };
    expect((await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: own, json: changed })).status).toBe(200);
    expect(await (await read(siteId, own)).json()).toEqual(changed);
  });

  it("refuses a manager of another site (403 SITE_FORBIDDEN), a clerk of the site (403 FORBIDDEN) and no token (401)", async () => {
    const { siteId } = await freshSite();
    const other = await freshSite();
    await expectError(await read(siteId, await accountFor("manager", [other.siteId])), 403, "SITE_FORBIDDEN");
    await expectError(await read(siteId, await accountFor("clerk", [siteId])), 403, "FORBIDDEN");
    await expectError(await read(siteId, await accountFor("kiosk", [siteId], { deviceId: "k1" })), 403, "FORBIDDEN");
    await expectError(await read(siteId), 401, "UNAUTHENTICATED");
  });

  it("answers 404 UNKNOWN_SITE for a site that does not exist, and 400 for an id that cannot be one", async () => {
    const { admin } = await freshSite();
    await expectError(await read(`t-none-${Date.now().toString(36)}`, admin), 404, "UNKNOWN_SITE");
    await expectError(await read("Not_An_Id", admin), 400, "VALIDATION_FAILED");
  });

  it("after a refused change reads the configuration as it was", async () => {
    const { siteId, admin } = await freshSite();
    const before = await (await read(siteId, admin)).json();
    const bad = testSiteConfig(siteId, {
      name: "Nie zapisze się",
      desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["nie-ma"] }],
    });
    await expectError(await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: bad }), 400, "UNKNOWN_REFERENCE");
    expect(await (await read(siteId, admin)).json()).toEqual(before);
  });
});
