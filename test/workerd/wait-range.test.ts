// The wait shown as a range through the real Worker and site object: the issued ticket, the e-ticket
// (narrowing as the turn nears), the hall view's range for a ticket taken now, a booking due soon that
// lengthens a walk-in's wait, and the visit record that keeps the range shown.
import { evictDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { ETicketView, IssuedTicket } from "../../protocol/api.ts";
import type { DisplayView } from "../../protocol/live.ts";
import type { StatisticsResponse } from "../../protocol/statistics.ts";
import { zoneAtTen } from "../site-config.ts";
import { accountFor, act, api, eticketTokenOf, freshSite, issue, LiveSocket, latest, siteObject, siteSql, siteVisits } from "./helpers.ts";

const middle = (r: { low: number; high: number }) => Math.round((r.low + r.high) / 2);
// Every site here is where it is mid-morning: near its closing every range ends at closing time.
const midMorning = () => ({ timeZone: zoneAtTen() });
const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: zoneAtTen() }).format(new Date());

async function eticket(t: IssuedTicket): Promise<ETicketView> {
  const res = await api(`/api/v1/etickets/${eticketTokenOf(t)}`);
  expect(res.status).toBe(200);
  return ETicketView.parse(await res.json());
}

describe("the wait as a range", () => {
  // The first request of a run seeds the demo directory (PBKDF2 for every account): within the hook's time, not a test's.
  beforeAll(async () => {
    expect((await api("/api/v1/sites")).status).toBe(200);
  });

  it("the OpenAPI document describes estimatedWait on the issued ticket and the e-ticket", async () => {
    const doc = JSON.stringify(await (await api("/api/openapi.json")).json());
    expect(doc).toContain('"estimatedWait"');
    expect(doc).toContain("withinRangeShare");
  });

  it("the issued ticket and its e-ticket carry estimatedWait with low ≤ middle ≤ high; the e-ticket's narrows as the turn nears", async () => {
    const { siteId } = await freshSite(midMorning());
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    for (let i = 0; i < 4; i++) await issue(siteId, kiosk, "rej");
    const mine = IssuedTicket.parse(await issue(siteId, kiosk, "rej"));
    const { low, high } = mine.estimatedWait;
    expect(low).toBeLessThanOrEqual(mine.estimatedWaitMinutes);
    expect(mine.estimatedWaitMinutes).toBeLessThanOrEqual(high);
    expect(mine.estimatedWaitMinutes).toBe(middle(mine.estimatedWait));
    expect(high).toBeGreaterThan(low);

    const before = await eticket(mine);
    expect(before.estimatedWait).toEqual(mine.estimatedWait);
    expect(before.estimatedWaitMinutes).toBe(mine.estimatedWaitMinutes);

    // Three of the four ahead are called and served: the range is shorter and no wider.
    for (let i = 0; i < 3; i++) for (const a of ["call-next", "start", "finish"]) await act(siteId, "d1", a, clerk);
    const nearer = await eticket(mine);
    expect(nearer.waitingAhead).toBe(1);
    const r = nearer.estimatedWait!;
    expect(r.high).toBeLessThan(high);
    expect(r.high - r.low).toBeLessThanOrEqual(high - low);
    expect(r.low).toBeLessThanOrEqual(nearer.estimatedWaitMinutes!);
    expect(nearer.estimatedWaitMinutes!).toBeLessThanOrEqual(r.high);

    // Called: no wait is shown any more.
    await act(siteId, "d1", "call-next", clerk);
    await act(siteId, "d1", "finish", clerk);
    await act(siteId, "d1", "call-next", clerk);
    const called = await eticket(mine);
    expect(called.status).toBe("called");
    expect(called.estimatedWait).toBeNull();
  });

  it("the hall view gives each matter its people waiting and the range a ticket taken now is shown", async () => {
    const { siteId, admin } = await freshSite(midMorning());
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    for (let i = 0; i < 3; i++) await issue(siteId, kiosk, "rej");
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await display.waitFor((m) => m.type === "snapshot");
    const rej = (latest(display) as { view: DisplayView }).view.waiting.find((w) => w.matterId === "rej");
    display.close();
    expect(rej?.count).toBe(3);
    const next = await issue(siteId, kiosk, "rej");
    expect(rej?.range).toEqual(next.estimatedWait);
  });

  it("a booking due in 5 minutes lengthens a walk-in's range (read again from SQLite after the object restarts)", async () => {
    const plain = await freshSite(midMorning());
    const booked = await freshSite(midMorning());
    const now = Date.now();
    await siteSql(
      booked.siteId,
      `INSERT INTO bookings (id, matter_id, start_at, status, verification, hold_until, created_at, confirmed_at)
       VALUES ('b-soon', 'rej', ?, 'confirmed', '{}', ?, ?, ?)`,
      now + 5 * 60_000,
      now,
      now,
      now,
    );
    await evictDurableObject(siteObject(booked.siteId));
    const walkIns = async (siteId: string) => {
      const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
      for (let i = 0; i < 3; i++) await issue(siteId, kiosk, "rej");
      return issue(siteId, kiosk, "rej");
    };
    const without = await walkIns(plain.siteId);
    const withBooking = await walkIns(booked.siteId);
    expect(middle(withBooking.estimatedWait)).toBeGreaterThan(middle(without.estimatedWait));
    expect(withBooking.estimatedWait.high).toBeGreaterThan(without.estimatedWait.high);
  });

  it("the visit record keeps the range shown at issue, and the statistics count the wait inside it", async () => {
    const { siteId, admin } = await freshSite(midMorning());
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const t = await issue(siteId, kiosk, "rej");
    const visit = (await siteVisits(siteId)).find((v) => v.ticketId === t.id);
    expect(visit?.estimateRange).toEqual({ low: t.estimatedWait.low, high: t.estimatedWait.high });

    // Called at once: a wait of 0 minutes, inside a range from 0.
    expect(t.estimatedWait.low).toBe(0);
    await act(siteId, "d1", "call-next", clerk);
    const res = await api(`/api/v1/sites/${siteId}/statistics?from=${today()}&to=${today()}`, { token: admin });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as StatisticsResponse;
    expect(stats.byMatter.find((m) => m.id === "rej")?.withinRangeShare).toBe(1);
    expect(stats.totals.withinRangeShare).toBe(1);
    const csv = await (
      await api(`/api/v1/sites/${siteId}/statistics?from=${today()}&to=${today()}&format=csv&table=byMatter`, { token: admin })
    ).text();
    expect(csv).toContain("Oczekiwanie w podanym zakresie (%)");
    expect(
      csv
        .split("\r\n")
        .find((line) => line.startsWith("rej;"))
        ?.split(";")
        .at(-1),
    ).toBe("100");
  });
});
