// POST /api/v1/sites/:siteId/continuity/replay: the site's agent replays its offline log when the link
// returns. Each entry is applied exactly once, in order; changes made online meanwhile are settled by the
// written rules (objects/continuity/reconcile.ts); the offline tickets count once in the statistics, and
// their e-ticket links work.
import { describe, expect, it } from "vitest";
import type { ETicketView } from "../../protocol/api.ts";
import type { ContinuityTicket, OfflineDeskAction, ReplayResponse } from "../../protocol/continuity.ts";
import type { StatisticsResponse } from "../../protocol/statistics.ts";
import { agentView, continuityAgent, offlineIssue, offlineService, replay, row } from "./continuity-helpers.ts";
import { api, desk, expectError, freshSite, issue, queueOf, siteSql, siteVisits } from "./helpers.ts";

const MIN = 60_000;

async function replayed(res: Response): Promise<ReplayResponse> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ReplayResponse;
}

describe("replaying the offline log", () => {
  it("applies each entry exactly once: the same batch twice, an overlapping batch, a gap and bad bodies store nothing", async () => {
    const { siteId, admin } = await freshSite();
    const { socket, token, replica } = await continuityAgent(siteId);
    const at = Date.now() - 30 * MIN;
    const issued = offlineIssue(siteId, replica.day, 1, "R500", "rej", at);
    const { entries: service } = offlineService(row(issued.ticket), 2, at + 2 * MIN);
    const [call, start, finish] = service as [OfflineDeskAction, OfflineDeskAction, OfflineDeskAction];

    expect(await replayed(await replay(siteId, token, { entries: [issued, call, start] }))).toEqual({
      replayedThrough: 3,
      applied: 3,
      conflicts: [],
    });
    // The answer was lost and the agent sends the batch again: nothing more happens.
    expect(await replayed(await replay(siteId, token, { entries: [issued, call, start] }))).toEqual({
      replayedThrough: 3,
      applied: 0,
      conflicts: [],
    });
    // A batch overlapping the last one: only what is new is applied.
    expect(await replayed(await replay(siteId, token, { entries: [start, finish] }))).toEqual({
      replayedThrough: 4,
      applied: 1,
      conflicts: [],
    });

    // A gap: entry 5 never arrived.
    const later = offlineIssue(siteId, replica.day, 6, "R501", "rej", at + 10 * MIN);
    await expectError(await replay(siteId, token, { entries: [later] }), 409, "REPLAY_OUT_OF_ORDER");
    // Entries of one request that do not follow each other, a malformed entry, an empty batch.
    const five = offlineIssue(siteId, replica.day, 5, "R502", "rej", at + 9 * MIN);
    const seven = offlineIssue(siteId, replica.day, 7, "R503", "rej", at + 11 * MIN);
    await expectError(await replay(siteId, token, { entries: [five, seven] }), 400, "VALIDATION_FAILED");
    await expectError(await replay(siteId, token, { entries: [{ type: "issue", seq: 5 }] }), 400, "VALIDATION_FAILED");
    await expectError(await replay(siteId, token, { entries: [] }), 400, "VALIDATION_FAILED");
    // Only the agent replays.
    await expectError(await replay(siteId, admin, { entries: [five] }), 403, "FORBIDDEN");

    // Stored once: one ticket, one call, the log applied through 4.
    expect(await siteSql(siteId, "SELECT number, status, kiosk_id FROM tickets")).toEqual([
      { number: "R500", status: "served", kiosk_id: "k1" },
    ]);
    expect(await siteSql(siteId, "SELECT number, desk_id FROM calls")).toEqual([{ number: "R500", desk_id: "d1" }]);
    expect(await siteSql(siteId, "SELECT replayed_through FROM continuity_agents")).toEqual([{ replayed_through: 4 }]);
    // No print job (it was printed) and no announcement (it was announced).
    expect(await siteSql(siteId, "SELECT kind FROM jobs")).toEqual([]);
    // The agent's replica says how far its log is applied.
    await socket.waitFor((m) => agentView(m)?.continuity?.replayedThrough === 4);

    // The statistics of the day count the offline ticket once, at its real times (called 2 minutes after it was taken).
    const stats = await api(`/api/v1/sites/${siteId}/statistics?from=${replica.day}&to=${replica.day}`, { token: admin });
    const { totals, byClerk } = (await stats.json()) as StatisticsResponse;
    expect(totals).toMatchObject({ arrived: 1, served: 1, open: 0 });
    expect(totals.waitMinutes.p50).toBe(2);
    expect(byClerk.map((c) => c.id)).toEqual(["urzednik-offline"]);

    // The paper's e-ticket link works from the cloud.
    const eticket = await api(`/api/v1/etickets/${issued.ticket.token}`);
    expect(eticket.status).toBe(200);
    expect((await eticket.json()) as ETicketView).toMatchObject({ number: "R500", status: "served" });

    // The next entry in order is applied.
    expect(await replayed(await replay(siteId, token, { entries: [five] }))).toMatchObject({ replayedThrough: 5, applied: 1 });
    socket.close();
  });

  it("settles what changed online meanwhile by the written rules", async () => {
    const { siteId, admin } = await freshSite();
    const [p1, p2, p3] = [await issue(siteId, admin, "pj"), await issue(siteId, admin, "pj"), await issue(siteId, admin, "pj")];
    // P4 waits online untouched until the hall serves it offline: its visit's first part is still in its ticket's row.
    const p4 = await issue(siteId, admin, "pj");
    const { socket, token, replica } = await continuityAgent(siteId);
    const rowOf = (id: string): ContinuityTicket => {
      const t = replica.tickets.find((t) => t.id === id);
      if (!t) throw new Error(`no ${id} in the replica`);
      return t;
    };

    // While the office is cut off, the cloud goes on: P1 and P2 are removed after three misses at d2,
    // and P3 is called to d2.
    for (const t of [p1, p2]) {
      for (let i = 0; i < 3; i++) {
        expect((await desk(siteId, "d2", "call", admin, { ticketId: t.id })).status).toBe(200);
        expect((await desk(siteId, "d2", "no-show", admin)).status).toBe(200);
      }
    }
    expect((await desk(siteId, "d2", "call", admin, { ticketId: p3.id })).status).toBe(200);

    // In the hall, earlier: P1 called to d1 (nobody came), P2 called, served and finished at d1, P3 called to d1.
    const at = Date.now() - 20 * MIN;
    const p1Call = offlineService(rowOf(p1.id), 1, at).entries[0] as OfflineDeskAction;
    const p2Service = offlineService(rowOf(p2.id), 2, at + MIN).entries;
    const p3Call = { ...(offlineService(rowOf(p3.id), 5, at + 10 * MIN).entries[0] as OfflineDeskAction) };

    // The online end of a ticket only called offline stands, and the desk the hall left at it is freed.
    expect(await replayed(await replay(siteId, token, { entries: [p1Call] }))).toEqual({
      replayedThrough: 1,
      applied: 1,
      conflicts: [
        { seq: 1, ticketId: p1.id, rule: "ended-online-stands" },
        { seq: 1, ticketId: p1.id, rule: "desk-freed" },
      ],
    });
    let q = await queueOf(siteId, admin);
    expect(q.tickets.map((t) => t.id)).not.toContain(p1.id);
    expect(q.desks.find((d) => d.id === "d1")?.ticket).toBeNull();
    // Its offline call is not recorded (the cloud's three calls are).
    expect(await siteSql(siteId, "SELECT count(*) AS n FROM calls WHERE ticket_id = ? AND desk_id = 'd1'", p1.id)).toEqual([{ n: 0 }]);

    // A ticket ended online but served offline: the service happened.
    const r2 = await replayed(await replay(siteId, token, { entries: p2Service }));
    expect(r2.conflicts).toEqual([
      { seq: 2, ticketId: p2.id, rule: "ended-online-stands" },
      { seq: 2, ticketId: p2.id, rule: "desk-freed" },
      { seq: 3, ticketId: p2.id, rule: "served-offline-wins" },
    ]);
    expect(await siteSql(siteId, "SELECT status, desk_id FROM tickets WHERE id = ?", p2.id)).toEqual([{ status: "served", desk_id: "d1" }]);

    // Called online and offline while still in the queue: the hall's state wins, and d2 lets it go.
    expect((await replayed(await replay(siteId, token, { entries: [p3Call] }))).conflicts).toEqual([
      { seq: 5, ticketId: p3.id, rule: "hall-wins" },
    ]);
    q = await queueOf(siteId, admin);
    expect(q.tickets.find((t) => t.id === p3.id)).toMatchObject({ status: "called", deskId: "d1" });
    expect(q.desks.find((d) => d.id === "d1")?.ticket?.id).toBe(p3.id);
    expect(q.desks.find((d) => d.id === "d2")?.ticket).toBeNull();

    // Served offline, never touched online: one visit, served at d1, with the wait shown when it was issued.
    const p4Service = offlineService(rowOf(p4.id), 6, at + 12 * MIN).entries;
    expect((await replayed(await replay(siteId, token, { entries: p4Service }))).conflicts).toEqual([]);
    const p4Visits = (await siteVisits(siteId)).filter((v) => v.ticketId === p4.id);
    expect(p4Visits.map((v) => [v.part, v.outcome, v.deskId, v.calls.length, v.estimateMinutes])).toEqual([
      [0, "served", "d1", 1, p4.estimatedWaitMinutes],
    ]);

    // The day's statistics: four tickets; P1 a no-show (its online end stood), P2 and P4 served offline, P3 still open.
    const stats = await api(`/api/v1/sites/${siteId}/statistics?from=${replica.day}&to=${replica.day}`, { token: admin });
    expect(((await stats.json()) as StatisticsResponse).totals).toMatchObject({ arrived: 4, served: 2, noShows: 1, open: 1 });
    socket.close();
  });
});
