// E-ticket links expire: a ticket's link works through its day and two hours after the local midnight
// that ends it, then answers 410 ETICKET_ENDED (page and socket alike); at the next day's end the token
// of a ticket of an earlier day is replaced, so the link can never match again, while the rest of the
// row stays for statistics. The days are moved back with SQL, the clock is the real one.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { QueueStore, TICKET_LINKS_ENDED_KEY } from "../../objects/site/queue-store.ts";
import type { IssuedTicket } from "../../protocol/api.ts";
import { api, eticketTokenOf, expectError, freshSite, issue, siteObject, siteSql } from "./helpers.ts";

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function siteDay(siteId: string): Promise<string> {
  const [row] = await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'");
  return String(row!.value);
}

const eticketOf = (t: IssuedTicket) => api(`/api/v1/etickets/${eticketTokenOf(t)}`);
const socketOf = (t: IssuedTicket) => api(`/api/v1/etickets/${eticketTokenOf(t)}/live`, { headers: { Upgrade: "websocket" } });

describe("e-ticket links expire", () => {
  it("a ticket of a day that ended more than two hours ago answers 410 ETICKET_ENDED, and its socket is refused", async () => {
    const { siteId, admin } = await freshSite();
    const old = await issue(siteId, admin, "rej");
    // The site and the ticket are two days back; the next request closes that day.
    const today = await siteDay(siteId);
    const twoDaysAgo = addDays(today, -2);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", twoDaysAgo);
    await siteSql(siteId, "UPDATE tickets SET day = ?", twoDaysAgo);
    await siteSql(siteId, "UPDATE counters SET day = ?", twoDaysAgo);
    await evictDurableObject(siteObject(siteId));
    const fresh = await issue(siteId, admin, "rej");

    await expectError(await eticketOf(old), 410, "ETICKET_ENDED");
    await expectError(await socketOf(old), 410, "ETICKET_ENDED");
    // Today's ticket of the same site works.
    const res = await eticketOf(fresh);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ number: fresh.number, status: "waiting" });
  });

  it("at the end of the day the tokens of earlier days' tickets are replaced; the rows keep what statistics need", async () => {
    const { siteId, admin } = await freshSite();
    const older = await issue(siteId, admin, "rej");
    const yesterdays = await issue(siteId, admin, "pj");
    const today = await siteDay(siteId);
    const [yesterday, twoDaysAgo] = [addDays(today, -1), addDays(today, -2)];
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE tickets SET day = ? WHERE id = ?", twoDaysAgo, older.id);
    await siteSql(siteId, "UPDATE tickets SET day = ? WHERE id = ?", yesterday, yesterdays.id);
    await siteSql(siteId, "UPDATE counters SET day = ?", yesterday);
    await evictDurableObject(siteObject(siteId));
    // The first ticket of today ends yesterday (through the commit path, as the end-of-day alarm does).
    await issue(siteId, admin, "rej");

    const rows = await siteSql(
      siteId,
      "SELECT id, token, day, number, matter_id, status, taken_at FROM tickets WHERE id IN (?, ?)",
      older.id,
      yesterdays.id,
    );
    const row = (id: string) => rows.find((r) => r.id === id)!;
    // The ticket of two days ago: no token of a link any more, the rest as it was.
    expect(row(older.id)).toMatchObject({
      token: `ended:${older.id}`,
      day: twoDaysAgo,
      number: older.number,
      matter_id: "rej",
      status: "closed",
    });
    expect(row(older.id).taken_at).toEqual(expect.any(Number));
    // Its link no longer names any ticket: an unknown e-ticket, page and socket.
    await expectError(await eticketOf(older), 404, "UNKNOWN_ETICKET");
    await expectError(await socketOf(older), 404, "UNKNOWN_ETICKET");
    // Yesterday's ticket keeps its token until the next day's end (the grace after midnight).
    expect(row(yesterdays.id).token).toBe(eticketTokenOf(yesterdays));
  });

  it("each night ends the links of the days since the last night, and reads no older ticket again", async () => {
    const { siteId, admin } = await freshSite();
    const [a, b, c] = [await issue(siteId, admin, "rej"), await issue(siteId, admin, "rej"), await issue(siteId, admin, "pj")];
    const today = await siteDay(siteId);
    const [yesterday, twoDaysAgo, threeDaysAgo] = [addDays(today, -1), addDays(today, -2), addDays(today, -3)];
    await siteSql(siteId, "UPDATE tickets SET day = ? WHERE id = ?", threeDaysAgo, a.id);
    await siteSql(siteId, "UPDATE tickets SET day = ? WHERE id = ?", twoDaysAgo, b.id);
    await siteSql(siteId, "UPDATE tickets SET day = ? WHERE id = ?", yesterday, c.id);
    const tokens = async () =>
      Object.fromEntries((await siteSql(siteId, "SELECT id, token FROM tickets")).map((r) => [r.id as string, r.token as string]));
    const bound = async () => (await siteSql(siteId, "SELECT value FROM meta WHERE key = ?", TICKET_LINKS_ENDED_KEY))[0]?.value;
    // The night that ends the day two days ago, then the night that ends yesterday: each the site's first request after it.
    const night = async (ending: string) => {
      await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", ending);
      await siteSql(siteId, "UPDATE OR REPLACE counters SET day = ?", ending);
      await evictDurableObject(siteObject(siteId));
      await issue(siteId, admin, "rej");
    };
    await night(twoDaysAgo);
    expect(await bound()).toBe(twoDaysAgo);
    let now = await tokens();
    expect([now[a.id], now[b.id], now[c.id]]).toEqual([`ended:${a.id}`, eticketTokenOf(b), eticketTokenOf(c)]);
    await night(yesterday);
    expect(await bound()).toBe(yesterday);
    now = await tokens();
    expect([now[a.id], now[b.id], now[c.id]]).toEqual([`ended:${a.id}`, `ended:${b.id}`, eticketTokenOf(c)]);
  });

  it("a night reads the last day's tickets, not every ticket the site has kept", async () => {
    const { siteId, admin } = await freshSite();
    const first = await issue(siteId, admin, "rej");
    const today = await siteDay(siteId);
    // Sixty days of twenty tickets each, their links ended on their nights, and the last day's still live.
    await siteSql(
      siteId,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
       INSERT INTO tickets (id, token, day, number, matter_id, source, status, taken_at)
       SELECT 'old-' || i, CASE WHEN i <= 20 THEN 'live-' || i ELSE 'ended:old-' || i END,
              date(?, '-' || ((i - 1) / 20 + 1) || ' days'), 'R' || i, 'rej', 'walk-in', 'closed', taken_at
       FROM n, (SELECT taken_at FROM tickets WHERE id = ?)`,
      today,
      first.id,
    );
    const yesterday = addDays(today, -1);
    const night = (from: string | null) =>
      runInDurableObject(siteObject(siteId), (_i: unknown, state: DurableObjectState) =>
        state.storage.transactionSync(() => {
          const read = new QueueStore(state.storage.sql).endTicketLinks(today, from);
          const live = state.storage.sql.exec("SELECT COUNT(*) AS n FROM tickets WHERE token LIKE 'live-%'").one().n;
          state.storage.sql.exec("UPDATE tickets SET token = 'live-' || substr(id, 5) WHERE day = ?", yesterday);
          return { read, live };
        }),
      );
    // From the last night's bound: yesterday's twenty links end, and about as many rows are read.
    const bounded = await night(yesterday);
    expect(bounded.live).toBe(0);
    expect(bounded.read).toBeLessThan(100);
    // With no bound (the first night after an upgrade) the same night reads all 1,200 past tickets.
    const unbounded = await night(null);
    expect(unbounded.live).toBe(0);
    expect(unbounded.read).toBeGreaterThanOrEqual(1200);
  });
});
