// When the closing cut-off comes with nothing else happening (ViewBuilder.nextCutOffAt, the site's cut-off
// timer): a matter's last-ticket time at its minute, the forecast the moment a ticket could no longer be
// served before closing, for a priority ticket from its own place; none once closed or lifted.
import { describe, expect, it } from "vitest";
import { SiteConfig, type SiteConfigInput } from "../../protocol/config.ts";
import type { Ticket } from "../queue/model.ts";
import { ticket } from "../queue/test-fixtures.ts";
import { forecastAt } from "./forecast.ts";
import { indexSite } from "./site-index.ts";
import { ViewBuilder } from "./views.ts";

/** Monday 2026-11-23 at a Warsaw wall-clock time (CET, UTC+1). */
const warsaw = (hhmm: string, seconds = 0): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return Date.UTC(2026, 10, 23, h - 1, m, seconds);
};
const weekday = [["08:00", "16:00"]] as [string, string][];

function siteConfig(matter: Partial<SiteConfigInput["departments"][number]["matters"][number]> = {}, over: Partial<SiteConfigInput> = {}) {
  return SiteConfig.parse({
    id: "ct",
    city: "Toruń",
    name: "Urząd",
    address: "ul. Próbna 1",
    voice: false,
    openingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    closedOnPublicHolidays: false,
    departments: [{ id: "p", name: "Wydział", matters: [{ id: "rej", name: "Rejestracja", prefix: "R", serviceMinutes: 10, ...matter }] }],
    desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "auto" },
    ...over,
  });
}

/** A walk-in waiting for "rej". */
const waiting = (id: string, takenAt: number): Ticket => ticket(id, "rej", takenAt);

function nextAt(config: SiteConfig, now: number, tickets: Ticket[] = [], overridden: ReadonlySet<string> = new Set()): number | null {
  const index = indexSite(config);
  const state = {
    tickets: new Map(tickets.map((t) => [t.id, t])),
    desks: new Map([["d1", { id: "d1", status: "open" as const, ticketId: null }]]),
  };
  return new ViewBuilder(index, state, new Map(), forecastAt(index, now, new Map())).nextCutOffAt(overridden);
}

describe("nextCutOffAt", () => {
  it("comes at the minute of the last-ticket time when that is sooner than the forecast's", () => {
    expect(nextAt(siteConfig({ lastTicketAt: "14:30" }), warsaw("14:10", 20))).toBe(warsaw("14:30"));
  });

  it("with nobody waiting, comes just after 15:50 for a 10-minute matter closing at 16:00 (a service ending at 16:00 is given)", () => {
    const at = nextAt(siteConfig(), warsaw("15:00", 30));
    expect(at).toBe(warsaw("15:50") + 1);
    // Right then the forecast refuses, and there is no cut-off left to come.
    expect(nextAt(siteConfig(), at!)).toBeNull();
  });

  it("comes sooner with people waiting; a priority ticket, called first, has its own later moment", () => {
    const tickets = [waiting("R001", warsaw("14:00")), waiting("R002", warsaw("14:01"))];
    const normal = nextAt(siteConfig(), warsaw("14:30"), tickets)!;
    expect(normal).toBeLessThan(warsaw("15:50"));
    const withPriority = siteConfig({}, { priority: { enabled: true, mode: "first" } });
    expect(nextAt(withPriority, warsaw("14:30"), tickets)).toBe(normal);
    // Once normal tickets are refused, the priority ticket's moment is what is left to come.
    expect(nextAt(withPriority, normal, tickets)).toBe(warsaw("15:50") + 1);
  });

  it("has none for a matter whose cut-off a manager lifted, nor for an office open until midnight", () => {
    expect(nextAt(siteConfig({ lastTicketAt: "14:30" }), warsaw("14:10"), [], new Set(["rej"]))).toBeNull();
    const allDay = [["00:00", "24:00"]] as [string, string][];
    const open = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    expect(nextAt(siteConfig({}, { openingHours: open }), warsaw("14:10"))).toBeNull();
  });
});
