// The daily open data through the real Worker and site object: a day played at a fresh site, then its
// per-matter aggregates as JSON and as CSV for Excel with Polish settings; no clerk and no citizen in either;
// bounded ranges, unknown sites, CORS and the 15-second cache.
import { describe, expect, it } from "vitest";
import type { OpenDataResponse } from "../../protocol/public-status.ts";
import { accountFor, api, desk, expectError, freshSite, issue } from "./helpers.ts";

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function ok(siteId: string, deskId: string, action: string, token: string, json?: unknown): Promise<void> {
  const res = await desk(siteId, deskId, action, token, json);
  expect(res.status, `${deskId} ${action}: ${await res.clone().text()}`).toBe(200);
}

/** A day: R001 served, R002 removed after three misses, P001 still waiting. */
async function playedDay(): Promise<string> {
  const { siteId } = await freshSite();
  const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
  const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1", "d2"] });
  await issue(siteId, kiosk, "rej");
  for (const a of ["call-next", "start", "finish"]) await ok(siteId, "d1", a, clerk);
  const b = await issue(siteId, kiosk, "rej");
  await ok(siteId, "d1", "call-next", clerk);
  await ok(siteId, "d1", "no-show", clerk);
  for (let i = 0; i < 2; i++) {
    await ok(siteId, "d1", "call", clerk, { ticketId: b.id });
    await ok(siteId, "d1", "no-show", clerk);
  }
  await issue(siteId, kiosk, "pj");
  return siteId;
}

describe("daily open data", () => {
  it("gives per day and matter arrived, served, no-shows, wait p50/p90 and the share within target; no person", async () => {
    const siteId = await playedDay();
    const d = today();
    const res = await api(`/api/v1/public/sites/${siteId}/open-data/daily?from=${dayAfter(d, -3)}&to=${d}`, {
      headers: { Origin: "https://dane.miasto.example" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=15");
    const text = await res.text();
    expect(text).not.toMatch(/t-clerk-|t-kiosk-|token|phone/);
    const data = JSON.parse(text) as OpenDataResponse;
    expect(data).toMatchObject({ siteId, from: dayAfter(d, -3), to: d, timeZone: "Europe/Warsaw" });
    expect(data.rows).toEqual([
      {
        date: d,
        matterId: "rej",
        matterName: "Rejestracja pojazdu",
        arrived: 2,
        served: 1,
        noShows: 1,
        waitP50: 0,
        waitP90: 0,
        withinTargetShare: 1,
      },
      {
        date: d,
        matterId: "pj",
        matterName: "Prawo jazdy",
        arrived: 1,
        served: 0,
        noShows: 0,
        waitP50: null,
        waitP90: null,
        withinTargetShare: null,
      },
    ]);
  });

  it("as CSV that opens in Excel with Polish settings: UTF-8 with BOM, semicolons, shares as percentages", async () => {
    const siteId = await playedDay();
    const d = today();
    const res = await api(`/api/v1/public/sites/${siteId}/open-data/daily?from=${d}&to=${d}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="dane-otwarte-${siteId}-${d}-${d}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Data;Id sprawy;Sprawa;Przybyło;Obsłużono;Nieobecni;Czekanie p50 (min);Czekanie p90 (min);W terminie (%)",
      `${d};rej;Rejestracja pojazdu;2;1;1;0;0;100`,
      `${d};pj;Prawo jazdy;1;0;0;;;`,
    ]);
    const en = await api(`/api/v1/public/sites/${siteId}/open-data/daily?from=${d}&to=${d}&format=csv&lang=en`);
    // (text() drops the byte-order mark as it decodes.)
    expect((await en.text()).split("\r\n")[0]).toBe(
      "Date;Matter id;Matter;Arrived;Served;No-shows;Wait p50 (min);Wait p90 (min);Within target (%)",
    );
  });

  it("refuses ranges over 366 days, backwards or not dates, and unknown sites, with stable codes", async () => {
    const { siteId } = await freshSite();
    const base = `/api/v1/public/sites/${siteId}/open-data/daily`;
    await expectError(await api(`${base}?from=2025-01-01&to=2026-01-02`), 400, "VALIDATION_FAILED");
    await expectError(await api(`${base}?from=2026-02-01&to=2026-01-01`), 400, "VALIDATION_FAILED");
    await expectError(await api(`${base}?from=2026-02-30&to=2026-03-01`), 400, "VALIDATION_FAILED");
    await expectError(await api(`${base}?from=x&to=y`), 400, "VALIDATION_FAILED");
    await expectError(await api(`${base}?from=2026-01-01&to=2026-01-02&format=xlsx`), 400, "VALIDATION_FAILED");
    await expectError(await api(`${base}`), 400, "VALIDATION_FAILED");
    expect((await api(`${base}?from=2025-01-01&to=2026-01-01`)).status).toBe(200);
    await expectError(await api("/api/v1/public/sites/no-such-office/open-data/daily?from=2026-01-01&to=2026-01-02"), 404, "UNKNOWN_SITE");
  });

  it("is cached for 15 seconds: a second reader gets the same answer", async () => {
    const siteId = await playedDay();
    const d = today();
    const url = `/api/v1/public/sites/${siteId}/open-data/daily?from=${d}&to=${d}`;
    const first = (await (await api(url)).json()) as OpenDataResponse;
    await issue(siteId, await accountFor("kiosk", [siteId], { deviceId: "k1" }), "pj");
    const second = (await (await api(url)).json()) as OpenDataResponse;
    expect(second.generatedAt).toBe(first.generatedAt);
    expect(second.rows).toEqual(first.rows);
  });
});
