// A manager's configuration with an invalid value is refused with 400 and a stable code naming the
// field (VALIDATION_FAILED for the schema's own errors), never a 500, and leaves the site as it was
// (a new site is not created).
import { describe, expect, it } from "vitest";
import type { SiteConfigInput } from "../../protocol/config.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { api, expectError, freshSite, login, takeTicket, testSiteConfig } from "./helpers.ts";

async function put(siteId: string, token: string, config: SiteConfigInput): Promise<Response> {
  return api(`/api/v1/sites/${siteId}`, { method: "PUT", token, json: config });
}

async function expectRefused(res: Response, field: string, code: ErrorCode = "VALIDATION_FAILED"): Promise<void> {
  await expectError(res.clone(), 400, code);
  const { error } = (await res.json()) as { error: { message: string } };
  expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
}

async function listed(siteId: string): Promise<boolean> {
  const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: { id: string }[] };
  return sites.some((s) => s.id === siteId);
}

describe("PUT /api/v1/sites/{siteId} with invalid values", () => {
  it("a time zone that is no IANA zone: 400 at timeZone; the site keeps its configuration and keeps working", async () => {
    const { siteId, admin } = await freshSite();
    await expectRefused(
      await put(siteId, admin, testSiteConfig(siteId, { timeZone: "Mars/Olympus_Mons" })),
      "timeZone",
      "TIME_ZONE_UNKNOWN",
    );
    await expectRefused(await put(siteId, admin, testSiteConfig(siteId, { timeZone: "+01:00" })), "timeZone", "TIME_ZONE_UNKNOWN");
    expect((await takeTicket(siteId, admin, "rej")).status).toBe(201);
  });

  it("a new site with an invalid time zone is not created", async () => {
    const admin = await login("admin", "admin");
    const siteId = `t-tz-${Date.now().toString(36)}`;
    await expectRefused(await put(siteId, admin, testSiteConfig(siteId, { timeZone: "Europe/Warszawa" })), "timeZone", "TIME_ZONE_UNKNOWN");
    expect(await listed(siteId)).toBe(false);
  });

  it("hours past midnight, hours that end before they start, a duplicate desk id, a negative notice: 400 at the field, each with its code", async () => {
    const { siteId, admin } = await freshSite();
    const base = testSiteConfig(siteId);
    const hours = (mon: [string, string][]) => testSiteConfig(siteId, { openingHours: { ...base.openingHours, mon } });
    await expectRefused(await put(siteId, admin, hours([["08:00", "25:00"]])), "openingHours.mon.0.1");
    await expectRefused(await put(siteId, admin, hours([["16:00", "08:00"]])), "openingHours.mon.0", "HOURS_INVALID");
    const [d1, d2] = [base.desks[0]!, base.desks[1]!];
    await expectRefused(
      await put(siteId, admin, testSiteConfig(siteId, { desks: [d1, { ...d2, id: "d1" }] })),
      "desks.1.id",
      "DUPLICATE_ID",
    );
    await expectRefused(
      await put(siteId, admin, testSiteConfig(siteId, { booking: { ...base.booking, minNoticeMinutes: -10 } })),
      "booking.minNoticeMinutes",
    );
    // Nothing was taken: d2 is still there and serves "pj".
    expect((await api(`/api/v1/sites/${siteId}/desks/d2/call-next`, { method: "POST", token: admin, json: {} })).status).toBe(200);
  });
});
