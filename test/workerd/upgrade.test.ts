// A configuration stored by an earlier version (without fields added since) still loads, with their defaults.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PublicSite } from "../../protocol/api.ts";
import { invalidateSites } from "../../worker/sites.ts";
import { api, freshSite, issue, registryObject, siteObject } from "./helpers.ts";

/** The configuration as the first version stored it: no privacy, booking extras, holidays switch or booking fields on matters. */
function firstVersion(config: Record<string, unknown>): Record<string, unknown> {
  const { privacy: _p, closedOnPublicHolidays: _h, ...rest } = config;
  const booking = rest.booking as Record<string, unknown>;
  const departments = (rest.departments as { matters: Record<string, unknown>[] }[]).map((d) => ({
    ...d,
    matters: d.matters.map(({ bookingDesks: _b, slotMinutes: _s, ...m }) => m),
  }));
  return { ...rest, departments, booking: { horizonDays: booking.horizonDays, checkIn: booking.checkIn } };
}

describe("configurations stored by an earlier version", () => {
  it("load with the defaults of newer fields, in the site object and in the public list", async () => {
    const { siteId, admin } = await freshSite();
    const site = siteObject(siteId);
    await runInDurableObject(site, (_i: unknown, state: DurableObjectState) => {
      const raw = state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'config'").one().value;
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'config'", JSON.stringify(firstVersion(JSON.parse(raw))));
    });
    // The registry lists sites from the configuration it keeps of each.
    const reg = registryObject();
    await runInDurableObject(reg, (_i: unknown, state: DurableObjectState) => {
      const raw = state.storage.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", siteId).one().config;
      state.storage.sql.exec("UPDATE sites SET config = ? WHERE id = ?", JSON.stringify(firstVersion(JSON.parse(raw))), siteId);
    });
    await evictDurableObject(site);
    await evictDurableObject(reg);
    invalidateSites();

    const t = await issue(siteId, admin, "rej");
    expect(t.number).toBe("R001");
    const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: PublicSite[] };
    const listed = sites.find((s) => s.id === siteId);
    expect(listed?.privacy.controller).toBe("Urząd Miasta");
    expect(listed?.booking.checkInEarlyMinutes).toBe(10);
    expect(listed?.departments[0]?.matters[0]?.bookable).toBe(true);
  });
});
