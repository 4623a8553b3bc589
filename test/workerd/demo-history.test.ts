// The demo's history: the demo sites come with 60 days of simulated past visits, so the statistics have
// charts at once. Over the last 30 days of a Toruń office every day it was open has arrivals and every day
// it was closed (weekends, public holidays) none; loading again adds nothing.
import { describe, expect, it } from "vitest";
import { DEMO_SITES, demoClerks } from "../../objects/directory/demo-data.ts";
import { calendarOf, hoursOn } from "../../objects/queue/calendar.ts";
import { SiteConfig } from "../../protocol/config.ts";
import type { StatisticsResponse } from "../../protocol/statistics.ts";
import { api, login, siteObject, siteSql } from "./helpers.ts";

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
const daysBefore = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe("demo history", () => {
  it("gives every open day of the last month visits and every closed day none; a second load adds nothing", async () => {
    const token = await login("torun-admin", "demo");
    const siteId = "torun-wsa";
    const config = SiteConfig.parse(DEMO_SITES.find((s) => s.id === siteId));
    const from = daysBefore(today(), 30);
    const to = daysBefore(today(), 1);
    const res = await api(`/api/v1/sites/${siteId}/statistics?from=${from}&to=${to}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    const s = (await res.json()) as StatisticsResponse;

    const arrivedOn = new Map(s.byPeriod.map((r) => [r.period, r.arrived]));
    const calendar = calendarOf(config);
    let open = 0;
    for (let n = 30; n >= 1; n--) {
      const day = daysBefore(today(), n);
      if (hoursOn(calendar, day).length > 0) {
        open++;
        expect(arrivedOn.get(day) ?? 0, `${day} was open`).toBeGreaterThan(0);
      } else expect(arrivedOn.get(day) ?? 0, `${day} was closed`).toBe(0);
    }
    expect(open).toBeGreaterThan(15);
    expect(s.totals.arrived).toBeGreaterThan(open * 50);
    expect(s.totals.served).toBeGreaterThan(0);
    expect(s.totals.noShows).toBeGreaterThan(0);
    // The clerks are the site's own demo accounts.
    expect(s.byClerk.map((r) => r.id)).toEqual([...new Set(Object.values(demoClerks(siteId)))]);

    const count = async () => (await siteSql(siteId, "SELECT COUNT(*) AS n FROM visits"))[0]?.n;
    const before = await count();
    const again = await siteObject(siteId).loadHistory({ days: 60, clerks: demoClerks(siteId) });
    expect(again).toMatchObject({ ok: true, value: { workingDays: 0, closedDays: 0, visits: 0 } });
    expect(await count()).toBe(before);
    const res2 = await api(`/api/v1/sites/${siteId}/statistics?from=${from}&to=${to}`, { token });
    expect(((await res2.json()) as StatisticsResponse).totals).toEqual(s.totals);
  });
});
