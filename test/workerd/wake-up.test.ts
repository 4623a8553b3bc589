// A site object that wakes up reads its tickets' counts from SQLite and the tickets themselves only when a
// command or a view needs them (objects/site/day-tickets.ts): a walk-in after a wake-up is answered from the
// counts. They must be the counts of the tickets memory would hold, and what a citizen and the hall see must
// be the same as without the wake-up.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { TicketTally } from "../../objects/queue/tally.ts";
import { accept } from "../../objects/site/change.ts";
import type { CommitPath } from "../../objects/site/commit.ts";
import type { SiteMemory } from "../../objects/site/memory.ts";
import { QueueStore } from "../../objects/site/queue-store.ts";
import type { ServerMessage, WaitingCount } from "../../protocol/live.ts";
import { act, desk, freshSite, issue, isView, LiveSocket, siteObject, siteSql } from "./helpers.ts";

/** Everything a tally tells, as plain data. */
function told(t: TicketTally, day: string) {
  const sorted = <V>(m: ReadonlyMap<string, V>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    waiting: sorted(t.waiting),
    unassigned: sorted(t.waitingUnassigned),
    taken: sorted(t.takenOn(day) ?? new Map()),
    calls: sorted(t.calls).map(([matter, calls]) => [matter, sorted(calls)] as const),
    latestTakenAt: t.latestTakenAt,
  };
}

const waiting = (m: ServerMessage) =>
  isView(m) ? ((m.view as unknown as { waiting: WaitingCount[] }).waiting ?? []).map(({ matterId, count }) => ({ matterId, count })) : [];

/**
 * A morning with every kind of ticket a tally counts differently: waiting, sent back to wait for one desk,
 * called, missed, served, and two of yesterday's (one still waiting, kept in memory; one served, not).
 */
async function busyMorning() {
  const { siteId, admin } = await freshSite();
  const t = [];
  // P001 R001 R002 P002 R003 R004 P003 R005
  for (let i = 0; i < 8; i++) t.push(await issue(siteId, admin, i % 3 ? "rej" : "pj"));
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
  await act(siteId, "d1", "start", admin);
  await act(siteId, "d1", "finish", admin);
  const sent = await act(siteId, "d1", "call-next", admin);
  expect(sent.ticket?.number).toBe("R002");
  const res = await desk(siteId, "d1", "transfer", admin, { ticketId: sent.ticket?.id, deskId: "d2" });
  expect(res.status, await res.clone().text()).toBe(200);
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R003");
  await act(siteId, "d1", "no-show", admin);
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R004");
  const [{ value: day } = { value: "" }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as { value: string }[];
  await siteSql(siteId, "UPDATE tickets SET day = '2000-01-01' WHERE number IN ('R001', 'R005')");
  return { siteId, admin, day };
}

/** Whether the site object has read its tickets since it started (the object's own memory, private to the class). */
const ticketsRead = (siteId: string) =>
  runInDurableObject(siteObject(siteId), (instance: unknown) => (instance as { memory: SiteMemory }).memory.ticketsRead);

describe("a site object waking up", () => {
  it("counts the tickets in SQLite as memory counts them once it has read them", async () => {
    const { siteId, day } = await busyMorning();
    const [fromSql, fromTickets] = await runInDurableObject(siteObject(siteId), (_: unknown, state: DurableObjectState) => {
      const queue = new QueueStore(state.storage.sql);
      return [told(TicketTally.counted(day, queue.tallyCounts(day)), day), told(TicketTally.of(day, queue.loadTickets(day)), day)];
    });
    expect(fromSql).toEqual(fromTickets);
    // The morning is what it says. Waiting: P001 P002 P003; R002 (for desk d2) and yesterday's R005.
    expect(fromTickets.waiting).toEqual([
      ["pj", 3],
      ["rej", 2],
    ]);
    expect(fromTickets.unassigned).toEqual([
      ["pj", 3],
      ["rej", 1],
    ]);
    // Today's walk-ins (R001 and R005 are yesterday's); called and kept: R003 (missed) and R004.
    expect(fromTickets.taken).toEqual([
      ["P", 3],
      ["R", 3],
    ]);
    expect(fromTickets.calls.flatMap(([, calls]) => calls)).toHaveLength(2);
  });

  it("answers the first walk-in with the people ahead and the hall's counts of the queue before it", async () => {
    const { siteId, admin } = await busyMorning();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const before = waiting(await display.waitFor((m) => m.type === "snapshot"));
    display.close();
    const rejBefore = before.find((w) => w.matterId === "rej")?.count ?? 0;

    await evictDurableObject(siteObject(siteId));
    const next = await issue(siteId, admin, "rej");
    expect(next.number).toBe("R006");
    // Ahead: yesterday's R005, not R002 (it waits for desk d2 alone).
    expect(rejBefore).toBe(2);
    expect(next.waitingAhead).toBe(1);
    // …from the counts: the object has not read its tickets for it.
    expect(await ticketsRead(siteId)).toBe(false);

    const after = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    expect(waiting(await after.waitFor((m) => m.type === "snapshot"))).toEqual(
      before.map((w) => (w.matterId === "rej" ? { ...w, count: w.count + 1 } : w)),
    );
    after.close();
    // The tickets themselves are read when a desk calls: desk d2 calls the ticket sent to it.
    expect((await act(siteId, "d2", "call-next", admin)).ticket?.number).toBe("R002");
  });

  it("counts a change to a stored ticket once, when the command wrote it without reading the tickets", async () => {
    const { siteId, day } = await busyMorning();
    await evictDurableObject(siteObject(siteId));
    const waitingAfter = await runInDurableObject(siteObject(siteId), async (instance: unknown, state: DurableObjectState) => {
      // The object's own parts (private to the class): the commit path and the memory it writes to.
      const site = instance as { path: CommitPath; memory: SiteMemory };
      const queue = new QueueStore(state.storage.sql);
      const stored = queue.loadTickets(day).find((t) => t.number === "P002");
      if (!stored) throw new Error("P002 is not stored");
      // A ticket just taken needs none of the tickets read, nor does the same day; a change to a stored one
      // reads them before the write.
      site.memory.prepare({ tickets: [{ ticket: { ...stored, id: "tk_new", number: "P009" }, fresh: true }], day });
      expect(site.memory.ticketsRead).toBe(false);
      // A rule that takes P002 out of the queue from its stored row, not from memory's tickets.
      const removed = { tickets: [{ ticket: { ...stored, status: "removed" as const } }] };
      site.memory.prepare(removed);
      expect(site.memory.ticketsRead).toBe(true);
      const r = await site.path.commit(() => accept(null, removed));
      expect(r.ok).toBe(true);
      return [...(site.memory.queue.tally?.waiting ?? [])].sort(([a], [b]) => a.localeCompare(b));
    });
    expect(waitingAfter).toEqual([
      ["pj", 2],
      ["rej", 2],
    ]);
  });

  it("reads the tickets before a new day is written (it keeps those still open)", async () => {
    const { siteId } = await busyMorning();
    await evictDurableObject(siteObject(siteId));
    const read = await runInDurableObject(siteObject(siteId), (instance: unknown) => {
      const { memory } = instance as { memory: SiteMemory };
      const before = memory.ticketsRead;
      memory.prepare({ day: "2099-01-01" });
      return [before, memory.ticketsRead];
    });
    expect(read).toEqual([false, true]);
  });
});
