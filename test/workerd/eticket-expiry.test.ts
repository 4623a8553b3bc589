// E-ticket links expire: a ticket's link works through its day and two hours after the local midnight
// that ends it, then answers 410 ETICKET_ENDED (page and socket alike); at the next day's end the token
// of a ticket of an earlier day is replaced, so the link can never match again, while the rest of the
// row stays for statistics. The days are moved back with SQL, the clock is the real one.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
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
});
