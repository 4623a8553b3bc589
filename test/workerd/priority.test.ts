// Priority service in the site object (issue 14): a priority ticket taken after two normal ones is called
// first ("first") or every second call ("alternate"), people ahead follow the same order, the flags are
// kept in SQLite, and a site without priority or without an interpreter refuses them with stable codes.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { ClerkView, ServerMessage } from "../../protocol/live.ts";
import type { StatisticsResponse } from "../../protocol/statistics.ts";
import { act, api, expectError, freshSite, isView, LiveSocket, queueOf, siteObject, siteSql, testSiteConfig } from "./helpers.ts";

const INTERPRETER = "https://pjm.example.pl/wideo/urzad-testowy";

function take(siteId: string, token: string, body: { matterId: string; priority?: unknown; interpreter?: unknown }): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token, json: body });
}

async function issued(
  siteId: string,
  token: string,
  body: { matterId: string; priority?: boolean; interpreter?: boolean },
): Promise<IssuedTicket> {
  const res = await take(siteId, token, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** The numbers desk d1 calls, one call-next and finish at a time. */
async function callAll(siteId: string, token: string, n: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await act(siteId, "d1", "call-next", token);
    numbers.push(r.ticket?.number ?? "-");
    await act(siteId, "d1", "finish", token);
  }
  return numbers;
}

describe("priority service", () => {
  it("mode first: a priority ticket taken after two normal ones has nobody ahead and is called first", async () => {
    const { siteId, admin } = await freshSite({ priority: { enabled: true, mode: "first" } });
    const n1 = await issued(siteId, admin, { matterId: "rej" });
    const n2 = await issued(siteId, admin, { matterId: "rej" });
    const p = await issued(siteId, admin, { matterId: "rej", priority: true });
    expect([n1.waitingAhead, n2.waitingAhead, p.waitingAhead]).toEqual([0, 1, 0]);
    expect(p.priority).toBe(true);
    expect(n1.priority).toBeUndefined();

    // The normal tickets now have the priority ticket ahead: the queue view and the e-tickets say so.
    const queue = await queueOf(siteId, admin);
    expect(queue.tickets.find((t) => t.id === p.id)?.priority).toBe(true);
    const eticket = async (t: IssuedTicket) => {
      const token = t.eticketUrl.split("/t/")[1]!;
      return ((await (await api(`/api/v1/etickets/${token}`)).json()) as { waitingAhead: number }).waitingAhead;
    };
    expect([await eticket(p), await eticket(n1), await eticket(n2)]).toEqual([0, 1, 2]);
    const eticketView = async (t: IssuedTicket) => (await api(`/api/v1/etickets/${t.eticketUrl.split("/t/")[1]!}`)).json();
    expect(await eticketView(p)).toMatchObject({ priority: true });
    expect(await eticketView(n1)).not.toHaveProperty("priority");

    expect(await callAll(siteId, admin, 3)).toEqual([p.number, n1.number, n2.number]);
  });

  it("mode alternate: every second call of the matter is a priority ticket while one waits", async () => {
    const { siteId, admin } = await freshSite({ priority: { enabled: true, mode: "alternate" } });
    const n1 = await issued(siteId, admin, { matterId: "rej" });
    const n2 = await issued(siteId, admin, { matterId: "rej" });
    const p1 = await issued(siteId, admin, { matterId: "rej", priority: true });
    const p2 = await issued(siteId, admin, { matterId: "rej", priority: true });
    const n3 = await issued(siteId, admin, { matterId: "rej" });
    // Order before any call: P1 N1 P2 N2 N3.
    expect([p1.waitingAhead, p2.waitingAhead, n3.waitingAhead]).toEqual([0, 2, 4]);
    expect(await callAll(siteId, admin, 2)).toEqual([p1.number, n1.number]);
    // After a normal call the priority ticket's turn: P2, then the normal ones.
    expect(await callAll(siteId, admin, 3)).toEqual([p2.number, n2.number, n3.number]);
  });

  it("mode alternate: a plain walk-in that takes the normal turn moves a waiting priority ticket's e-ticket", async () => {
    const { siteId, admin } = await freshSite({ priority: { enabled: true, mode: "alternate" } });
    await issued(siteId, admin, { matterId: "rej", priority: true });
    // The last call was a priority ticket's, so the next walk-in turn is a normal one.
    await callAll(siteId, admin, 1);
    const p = await issued(siteId, admin, { matterId: "rej", priority: true });
    const phone = await LiveSocket.open(`/api/v1/etickets/${p.eticketUrl.split("/t/")[1]!}/live`);
    const ahead = (m: ServerMessage) => (isView(m) ? (m.view as { waitingAhead: number }).waitingAhead : null);
    await phone.waitFor((m) => ahead(m) === 0);
    const n = await issued(siteId, admin, { matterId: "rej" });
    expect(n.waitingAhead).toBe(0);
    // The newcomer is called before it, and its phone is told at once.
    await phone.waitFor((m) => ahead(m) === 1);
    phone.close();
  });

  it("keeps the flags in SQLite and gives the clerk the interpreter link with the ticket", async () => {
    const { siteId, admin } = await freshSite({ priority: { enabled: true, mode: "first" }, interpreterUrl: INTERPRETER });
    const t = await issued(siteId, admin, { matterId: "rej", priority: true, interpreter: true });
    expect(t.interpreter).toBe(true);
    const rows = await siteSql(siteId, "SELECT priority, interpreter FROM ticket_flags WHERE ticket_id = ?", t.id);
    expect(rows).toEqual([{ priority: 1, interpreter: 1 }]);
    // An evicted object reads them back with the ticket.
    await evictDurableObject(siteObject(siteId));
    expect((await queueOf(siteId, admin)).tickets.find((x) => x.id === t.id)).toMatchObject({ priority: true, interpreter: true });

    const clerk = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${admin}`);
    const viewOf = (m: ServerMessage): ClerkView | null => (isView(m) && m.role === "clerk" ? (m.view as ClerkView) : null);
    const first = viewOf(await clerk.waitFor((m) => viewOf(m) !== null))!;
    expect(first.site.interpreterUrl).toBe(INTERPRETER);
    expect(first.waiting[0]).toMatchObject({ number: t.number, priority: true, interpreter: true });
    const called = await act(siteId, "d1", "call-next", admin);
    expect(called.ticket).toMatchObject({ number: t.number, priority: true, interpreter: true });
    clerk.close();

    // The statistics count it, once, with a normal ticket beside it.
    await issued(siteId, admin, { matterId: "rej" });
    const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
    const stats = await api(`/api/v1/sites/${siteId}/statistics?from=${day}&to=${day}`, { token: admin });
    expect(stats.status).toBe(200);
    const { totals } = (await stats.json()) as StatisticsResponse;
    expect(totals.arrived).toBe(2);
    expect(totals.priorityService).toEqual({ priority: 1, interpreter: 1 });
  });

  it("refuses a priority ticket where priority is off, an interpreter where the site has none, and flags that are not booleans", async () => {
    const { siteId, admin } = await freshSite();
    await expectError(await take(siteId, admin, { matterId: "rej", priority: true }), 409, "PRIORITY_UNAVAILABLE");
    await expectError(await take(siteId, admin, { matterId: "rej", interpreter: true }), 409, "INTERPRETER_UNAVAILABLE");
    await expectError(await take(siteId, admin, { matterId: "rej", priority: "tak" }), 400, "VALIDATION_FAILED");
    // Nothing was issued by the refusals; a normal ticket still is.
    expect((await queueOf(siteId, admin)).tickets).toEqual([]);
    expect((await issued(siteId, admin, { matterId: "rej", priority: false })).number).toBe("R001");
  });

  it("refuses an interpreter link that is not https, naming its field", async () => {
    const { siteId, admin } = await freshSite();
    const res = await api(`/api/v1/sites/${siteId}`, {
      method: "PUT",
      token: admin,
      json: testSiteConfig(siteId, { interpreterUrl: "http://pjm.example.pl" }),
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.message).toMatch(/^interpreterUrl: /);
  });
});
