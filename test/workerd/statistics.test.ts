// A day through the real site object, then its statistics through the API: walk-ins served, one removed
// after three misses, one transferred and served at its new matter, one still waiting, a training break,
// a booking. Every count is checked against the day as it was played; the CSV opens with Polish Excel's
// settings; when the day ends, its stored roll-up answers exactly as the live figures did; a manager of
// another organisation reads nothing; the organisation's form lists its sites side by side.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { OrganisationStatisticsResponse, StatisticsResponse } from "../../protocol/statistics.ts";
import { zoneAtTen } from "../site-config.ts";
import { accountFor, api, desk, expectError, freshSite, issue, login, siteObject, siteSql, TEST_ORG } from "./helpers.ts";
import { bookAndConfirm, freeSlots } from "./sms-helpers.ts";

const today = (timeZone = "Europe/Warsaw") => new Intl.DateTimeFormat("sv-SE", { timeZone }).format(new Date());
const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function statistics(siteId: string, token: string, query: string): Promise<StatisticsResponse> {
  const res = await api(`/api/v1/sites/${siteId}/statistics?${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as StatisticsResponse;
}

async function ok(siteId: string, deskId: string, action: string, token: string, json?: unknown): Promise<void> {
  const res = await desk(siteId, deskId, action, token, json);
  expect(res.status, `${deskId} ${action}: ${await res.clone().text()}`).toBe(200);
}

describe("statistics of a day", () => {
  it("count what happened, by matter and desk; export as CSV; the end-of-day roll-up answers as the live figures did", async () => {
    // Where it is mid-morning: late in the evening the first free slot is tomorrow's, and the live day
    // must not end while the test plays it.
    const zone = zoneAtTen();
    const { siteId, admin } = await freshSite({ timeZone: zone });
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1", "d2"] });

    // A: served at desk 1.
    await issue(siteId, kiosk, "rej");
    for (const a of ["call-next", "start", "finish"]) await ok(siteId, "d1", a, clerk);
    // B: three misses, removed.
    const b = await issue(siteId, kiosk, "rej");
    await ok(siteId, "d1", "call-next", clerk);
    await ok(siteId, "d1", "no-show", clerk);
    for (let i = 0; i < 2; i++) {
      await ok(siteId, "d1", "call", clerk, { ticketId: b.id });
      await ok(siteId, "d1", "no-show", clerk);
    }
    // C: called at desk 1, sent on to "Prawo jazdy", served at desk 2.
    const c = await issue(siteId, kiosk, "rej");
    await ok(siteId, "d1", "call-next", clerk);
    await ok(siteId, "d1", "transfer", clerk, { ticketId: c.id, matterId: "pj" });
    for (const a of ["call-next", "start", "finish"]) await ok(siteId, "d2", a, clerk);
    // D: still waiting. Desk 2 goes on a training break and back.
    await issue(siteId, kiosk, "pj");
    await ok(siteId, "d2", "pause", clerk, { reason: "training" });
    await ok(siteId, "d2", "resume", clerk);
    // A booking for the first free slot.
    const slot = (await freeSlots(siteId, "rej", today(zone), dayAfter(today(zone), 6)))[0]!;
    await bookAndConfirm(siteId, slot.start, "600100200");
    const last = slot.start.slice(0, 10);

    const s = await statistics(siteId, admin, `from=${today(zone)}&to=${last}`);
    expect(s.totals).toMatchObject({ arrived: 4, served: 2, noShows: 1, cancelled: 0, open: 1, transferred: 1 });
    // Every wait of this fast day is under a minute: nearest-rank on whole minutes.
    expect(s.totals.waitMinutes).toEqual({ p50: 0, p90: 0, max: 0 });
    expect(s.totals.withinTargetShare).toBe(1);
    expect(s.totals.bookings).toMatchObject({ made: 1, cancelled: 0, kept: 0 });
    const matter = (id: string) => s.byMatter.find((m) => m.id === id);
    expect(matter("rej")).toMatchObject({ name: "Rejestracja pojazdu", arrived: 3, served: 1, noShows: 1 });
    expect(matter("pj")).toMatchObject({ name: "Prawo jazdy", arrived: 1, served: 1 });
    expect(s.byDesk.find((d) => d.id === "d1")).toMatchObject({ name: "Stanowisko 1", served: 1 });
    expect(s.byDesk.find((d) => d.id === "d2")).toMatchObject({ name: "Stanowisko 2", served: 1 });
    expect(s.byClerk.map((r) => r.id)).toEqual([expect.stringMatching(/^t-clerk-/)]);
    // Nothing personal in the answer: no name, no phone number.
    expect(JSON.stringify(s)).not.toMatch(/Kowalski|600100200/);

    // The CSV, as Polish Excel reads it.
    const csv = await api(`/api/v1/sites/${siteId}/statistics?from=${today(zone)}&to=${last}&format=csv`, { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with its byte-order mark, which tells Excel the encoding.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(";");
    expect(text).toContain("\r\n");

    // The day ends: it is rolled up, and the roll-up answers as the live figures did.
    const day = today(zone);
    const before = await statistics(siteId, admin, `from=${day}&to=${day}`);
    const yesterday = dayAfter(day, -1);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    for (const table of ["tickets", "counters"]) await siteSql(siteId, `UPDATE ${table} SET day = ?`, yesterday);
    await siteSql(siteId, "UPDATE visits SET day = ?, record = json_set(record, '$.day', ?)", yesterday, yesterday);
    await evictDurableObject(siteObject(siteId));
    await issue(siteId, kiosk, "rej");
    const rows = await siteSql(siteId, "SELECT day FROM day_aggregates");
    expect(rows.map((r) => r.day)).toEqual([yesterday]);
    // Every ticket of the ended day has its visit in rows of its own now; none keeps a first part in its row.
    expect(await siteSql(siteId, "SELECT id FROM tickets WHERE day = ? AND pending_visit IS NOT NULL", yesterday)).toEqual([]);
    const after = await statistics(siteId, admin, `from=${yesterday}&to=${yesterday}`);
    // The visits' figures are the same; D, still waiting, was closed by the end of the day. (The booking
    // and the desks' time stay on the clock's today: this test moved only the visits' day.)
    const visitFigures = (t: StatisticsResponse["totals"]) => {
      const { arrived, served, noShows, cancelled, transferred, waitMinutes, serviceMinutes, withinTargetShare, estimateError } = t;
      return { arrived, served, noShows, cancelled, transferred, waitMinutes, serviceMinutes, withinTargetShare, estimateError };
    };
    expect(visitFigures(after.totals)).toEqual(visitFigures(before.totals));
    expect(before.totals).toMatchObject({ open: 1, closed: 0 });
    expect(after.totals).toMatchObject({ open: 0, closed: 1 });
    expect(after.byMatter.map((m) => [m.id, m.arrived, m.served, m.noShows])).toEqual(
      before.byMatter.map((m) => [m.id, m.arrived, m.served, m.noShows]),
    );
  });

  it("refuses bad ranges, other organisations' managers, and lists an organisation's sites side by side", async () => {
    const { siteId, admin } = await freshSite();
    await expectError(
      await api(`/api/v1/sites/${siteId}/statistics?from=2026-11-30&to=2026-11-01`, { token: admin }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/statistics?from=2025-01-01&to=2026-11-30`, { token: admin }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/statistics?from=2026-02-30&to=2026-03-01`, { token: admin }),
      400,
      "VALIDATION_FAILED",
    );
    const stranger = await login("koszalin-admin", "demo");
    await expectError(
      await api(`/api/v1/sites/${siteId}/statistics?from=${today()}&to=${today()}`, { token: stranger }),
      403,
      "SITE_FORBIDDEN",
    );
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    await expectError(await api(`/api/v1/sites/${siteId}/statistics?from=${today()}&to=${today()}`, { token: kiosk }), 403, "FORBIDDEN");

    const org = await api(`/api/v1/statistics?org=${TEST_ORG}&from=${today()}&to=${today()}`, { token: admin });
    expect(org.status).toBe(200);
    const body = (await org.json()) as OrganisationStatisticsResponse;
    expect(body.sites.map((x) => x.siteId)).toContain(siteId);
    await expectError(
      await api(`/api/v1/statistics?org=${TEST_ORG}&from=${today()}&to=${today()}`, { token: stranger }),
      403,
      "ORGANISATION_FORBIDDEN",
    );
  });

  it("statistics older than the site keeps them (5 years by default) are deleted when a day ends; younger ones stay", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    const day = today();
    const yearsAgo = (n: number) => `${Number(day.slice(0, 4)) - n}${day.slice(4)}`;
    const old = dayAfter(yearsAgo(5), -1);
    const young = yearsAgo(4);
    for (const d of [old, young]) {
      await siteSql(siteId, "INSERT INTO day_aggregates (day, version, aggregate) VALUES (?, 1, '{}')", d);
      await siteSql(siteId, "INSERT INTO visits (ticket_id, part, day, record) VALUES (?, 0, ?, '{}')", `t-${d}`, d);
    }
    // A new day begins.
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", dayAfter(day, -1));
    await evictDurableObject(siteObject(siteId));
    await issue(siteId, admin, "rej");
    const kept = (table: string) => siteSql(siteId, `SELECT day FROM ${table} WHERE day < ? ORDER BY day`, dayAfter(day, -1));
    expect((await kept("day_aggregates")).map((r) => r.day)).toEqual([young]);
    expect((await kept("visits")).map((r) => r.day)).toEqual([young]);
  });
});
