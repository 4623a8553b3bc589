// Priority service in the views (issue 14): the mark travels with a priority ticket to the console, the
// hall's calls and desks, the desk screen and the e-ticket, never the reason; the kiosk learns the groups
// and the mode while priority is on, and that an interpreter is at hand; the console gets the link; and
// the people ahead follow the site's priority order.
import { describe, expect, it } from "vitest";
import { SiteConfig, type SiteConfigInput } from "../../protocol/config.ts";
import type { Desk, Ticket } from "../queue/model.ts";
import { ticket as fixture } from "../queue/test-fixtures.ts";
import { hallSite } from "./hall-site.ts";
import { indexSite } from "./site-index.ts";
import { ViewBuilder } from "./views.ts";

const allDay = [["00:00", "24:00"]] as [string, string][];
const DAY = "2026-11-30";
const INTERPRETER = "https://tlumacz.example.pl/wideo";

function siteConfig(over: Partial<SiteConfigInput> = {}): SiteConfig {
  return SiteConfig.parse({
    id: "prio",
    city: "Toruń",
    name: "Punkt",
    address: "ul. Próbna 1",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    departments: [{ id: "p", name: "Punkt", matters: [{ id: "info", name: "Informacja", prefix: "N", serviceMinutes: 5 }] }],
    desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["info"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "auto" },
    ...over,
  });
}

/** A walk-in for "info" on DAY. */
const ticket = (id: string, takenAt: number, over: Partial<Ticket> = {}): Ticket => fixture(id, "info", takenAt, { day: DAY, ...over });

function views(config: SiteConfig, tickets: Ticket[], desks: Desk[]): ViewBuilder {
  return new ViewBuilder(
    indexSite(config),
    { tickets: new Map(tickets.map((t) => [t.id, t])), desks: new Map(desks.map((d) => [d.id, d])) },
    new Map(),
    { now: 0, closesAt: null, bookingsDue: new Map() },
  );
}

describe("priority service in the views", () => {
  const on = siteConfig({ priority: { enabled: true, mode: "alternate" }, interpreterUrl: INTERPRETER });
  const called = ticket("N001", 1, { status: "called", deskId: "d1", calledAt: 10, priority: true, interpreter: true });
  const waiting = [ticket("N002", 2), ticket("N003", 3, { priority: true })];
  const desks: Desk[] = [{ id: "d1", status: "open", ticketId: "N001" }];

  it("marks a priority ticket on the console, the hall's call and desk, the desk screen and the e-ticket", () => {
    const v = views(on, [called, ...waiting], desks);
    expect(v.ticket(called)).toMatchObject({ priority: true, interpreter: true });
    expect(v.ticket(waiting[0]!)).not.toHaveProperty("priority");
    const display = v.display([{ ticketId: "N001", number: "N001", deskId: "d1", at: 10, attempt: 1, reason: "call" }], [], DAY);
    expect(display.calls[0]).toMatchObject({ number: "N001", priority: true });
    expect(display.desks[0]).toMatchObject({ number: "N001", priority: true });
    expect(v.deskScreen("d1")).toMatchObject({ number: "N001", priority: true });
    expect(v.eticket(waiting[1]!)).toMatchObject({ priority: true });
    expect(v.eticket(waiting[0]!)).not.toHaveProperty("priority");
  });

  it("tells the kiosk the groups and the mode, and the console the interpreter link", () => {
    const v = views(on, [called, ...waiting], desks);
    const site = hallSite(indexSite(on), DAY);
    expect(site.priority?.mode).toBe("alternate");
    expect(site.priority?.groups[0]).toEqual({ name: "Kobiety w ciąży", nameEn: "Pregnant women", nameUk: "Вагітні жінки" });
    expect(site.interpreter).toBe(true);
    expect(v.clerk("d1", DAY)?.site.interpreterUrl).toBe(INTERPRETER);
  });

  it("offers nothing of it while priority is off and there is no interpreter, and orders by time taken", () => {
    const v = views(siteConfig(), [called, ...waiting], desks);
    const site = hallSite(indexSite(siteConfig()), DAY);
    expect(site).not.toHaveProperty("priority");
    expect(site).not.toHaveProperty("interpreter");
    expect(v.clerk("d1", DAY)?.site).not.toHaveProperty("interpreterUrl");
    expect(v.waitingAhead(waiting[1]!)).toBe(1);
  });

  it("counts people ahead in the site's priority order: after a priority call, a normal ticket is next", () => {
    const v = views(on, [called, ...waiting], desks);
    expect(v.waitingAhead(waiting[0]!)).toBe(0);
    expect(v.waitingAhead(waiting[1]!)).toBe(1);
    expect(v.clerk("d1", DAY)?.waiting.map((t) => t.number)).toEqual(["N002", "N003"]);
  });
});
