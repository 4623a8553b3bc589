// The site object may be evicted at any moment (deploys, idle time, a move to another machine):
// it must come back from its SQLite storage with nothing lost, and its hibernated sockets must
// keep working. And at the end of the local day, yesterday's open tickets are closed.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ETicketView, IssuedTicket } from "../../protocol/api.ts";
import type { CallView, ServerMessage, WaitingCount } from "../../protocol/live.ts";
import {
  act,
  api,
  desk,
  eticketTokenOf,
  expectError,
  freshSite,
  issue,
  isView,
  LiveSocket,
  siteObject,
  siteSql,
  storedState,
} from "./helpers.ts";

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as Record<string, unknown>) : {});
const calls = (m: ServerMessage) => (view(m).calls ?? []) as CallView[];
const seqOf = (m: ServerMessage) => ("seq" in m ? m.seq : -1);
/** The hall view's people waiting per matter (without the wait range each also carries). */
const counts = (waiting: unknown) => (waiting as WaitingCount[]).map(({ matterId, count, open }) => ({ matterId, count, open }));

async function eticket(ticket: IssuedTicket): Promise<ETicketView> {
  const res = await api(`/api/v1/etickets/${eticketTokenOf(ticket)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ETicketView;
}

/**
 * A site in the middle of a morning: R001 missed at d1 (recall pending), R002 at d1,
 * R003 and P001 waiting, d2 on a break.
 */
async function midMorning() {
  const { siteId, admin } = await freshSite();
  const [r1, r2, r3, p1] = [
    await issue(siteId, admin, "rej"),
    await issue(siteId, admin, "rej"),
    await issue(siteId, admin, "rej"),
    await issue(siteId, admin, "pj"),
  ] as [IssuedTicket, IssuedTicket, IssuedTicket, IssuedTicket];
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
  expect((await act(siteId, "d1", "no-show", admin)).ticket).toMatchObject({ number: "R001", status: "missed" });
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R002");
  expect((await act(siteId, "d2", "pause", admin)).desk.status).toBe("paused");
  return { siteId, admin, r1, r2, r3, p1, stub: siteObject(siteId) };
}

const alarmOf = (stub: DurableObjectStub) => runInDurableObject(stub, (_i: unknown, state: DurableObjectState) => state.storage.getAlarm());

describe("eviction", () => {
  it("an evicted site object comes back with every ticket, number, desk state and recall timer", async () => {
    const { siteId, admin, r1, r2, r3, p1, stub } = await midMorning();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const clerk = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${admin}`);
    const displayBefore = view(await display.waitFor((m) => m.type === "snapshot"));
    const clerkBefore = view(await clerk.waitFor((m) => m.type === "snapshot"));
    const eticketsBefore = await Promise.all([r1, r2, r3, p1].map(eticket));
    const before = await storedState(siteId);
    const alarmBefore = await alarmOf(stub);
    expect(before.timers.find((t) => t.key === `recall:${r1.id}`)).toBeDefined();
    expect(alarmBefore).not.toBeNull();
    display.close();
    clerk.close();

    await evictDurableObject(stub);

    // Storage is the same, and waking up changed nothing in it; the views' seq starts at the stored ceiling, past the last one sent.
    const woken = await storedState(siteId);
    expect({ ...woken, seq: before.seq }).toEqual(before);
    expect(woken.seq).toBe(Number(before.meta.seq));
    expect(woken.seq).toBeGreaterThan(before.seq);
    expect(await alarmOf(stub)).toBe(alarmBefore);
    // Every e-ticket shows the same as before: R001 missed with its recall time, R002 called, the rest waiting.
    expect(await Promise.all([r1, r2, r3, p1].map(eticket))).toEqual(eticketsBefore);
    expect(eticketsBefore.map((e) => e.status)).toEqual(["missed", "called", "waiting", "waiting"]);
    expect(eticketsBefore[0]!.recallAt).toBeDefined();
    // New sockets get the same picture.
    const display2 = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const clerk2 = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${admin}`);
    const snap = await display2.waitFor((m) => m.type === "snapshot");
    expect(seqOf(snap)).toBe(Number(before.meta.seq));
    expect(view(snap)).toEqual(displayBefore);
    expect(view(await clerk2.waitFor((m) => m.type === "snapshot"))).toEqual(clerkBefore);
    expect((clerkBefore.missed as { number: string }[]).map((t) => t.number)).toEqual(["R001"]);

    // The paused desk is still on its break, the called client still at d1.
    await expectError(await desk(siteId, "d2", "call-next", admin), 409, "DESK_PAUSED");
    await expectError(await desk(siteId, "d1", "call-next", admin), 409, "DESK_BUSY");
    // Numbers continue where they were.
    expect((await issue(siteId, admin, "rej")).number).toBe("R004");
    expect((await issue(siteId, admin, "pj")).number).toBe("P002");
    // The missed ticket is still set aside for d1: it comes back when R002's service ends.
    const fin = await act(siteId, "d1", "finish", admin);
    expect(fin.ticket).toMatchObject({ number: "R002", status: "served" });
    expect(fin.desk.ticket).toMatchObject({ number: "R001", status: "called", misses: 1 });
    await display2.waitFor((m) => isView(m) && calls(m)[0]?.number === "R001" && calls(m)[0]?.attempt === 2);
    expect((await act(siteId, "d2", "resume", admin)).desk.status).toBe("open");
    expect((await act(siteId, "d2", "call-next", admin)).ticket?.number).toBe("P001");
    display2.close();
    clerk2.close();
  });

  it("sockets connected before the eviction keep getting updates afterwards (hibernation)", async () => {
    const { siteId, admin, r3, stub } = await midMorning();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const citizen = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(r3)}/live`);
    const deskScreen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=desk:d1&access_token=${admin}`);
    const lastSeq = seqOf(await display.waitFor((m) => m.type === "snapshot"));
    await citizen.waitFor((m) => m.type === "snapshot" && view(m).status === "waiting");
    await deskScreen.waitFor((m) => m.type === "snapshot" && view(m).number === "R002");

    await evictDurableObject(stub);

    // A new ticket reaches the hall screen that was open all along.
    const r4 = await issue(siteId, admin, "rej");
    expect(r4.number).toBe("R004");
    const seen = await display.waitFor((m) => isView(m) && seqOf(m) > lastSeq);
    expect(counts(view(seen).waiting)).toContainEqual({ matterId: "rej", count: 2, open: true });
    // R002 done, R001 (missed) recalled and missed again, then R003 is called: the citizen's page follows.
    await act(siteId, "d1", "finish", admin);
    await deskScreen.waitFor((m) => isView(m) && view(m).number === "R001");
    await act(siteId, "d1", "no-show", admin);
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R003");
    await citizen.waitFor((m) => isView(m) && view(m).status === "called" && view(m).deskName === "Stanowisko 1");
    await deskScreen.waitFor((m) => isView(m) && view(m).number === "R003");
    await display.waitFor((m) => isView(m) && calls(m)[0]?.number === "R003");
    // Seq never goes back across the eviction.
    const seqs = display.messages.filter(isView).map(seqOf);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    // The hibernated socket still answers "resync" with a snapshot of the present.
    await evictDurableObject(stub);
    const count = display.messages.length;
    display.ws.send(JSON.stringify({ type: "resync" }));
    const snap = await display.waitFor((m) => m.type === "snapshot" && display.messages.indexOf(m) >= count);
    expect(view(snap).desks).toContainEqual({ id: "d1", name: "Stanowisko 1", status: "open", number: "R003" });
    expect(view(snap).desks).toContainEqual({ id: "d2", name: "Stanowisko 2", status: "paused", number: null });
    display.close();
    citizen.close();
    deskScreen.close();
  });
});

/** Makes the site's stored "today" and this morning's tickets and numbers belong to yesterday. */
async function makeItYesterday(siteId: string): Promise<string> {
  const [row] = await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'");
  const today = String(row!.value);
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
  // Tickets and counters carry the day they were taken on: the same day as the site's "today" then.
  await siteSql(siteId, "UPDATE tickets SET day = ?", yesterday);
  await siteSql(siteId, "UPDATE counters SET day = ?", yesterday);
  return yesterday;
}

describe("end of the day", () => {
  it("the first ticket of a new day closes yesterday's open tickets, frees the desks and numbers from R001", async () => {
    const { siteId, admin, r3, stub } = await midMorning();
    const citizen = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(r3)}/live`);
    await citizen.waitFor((m) => m.type === "snapshot" && view(m).status === "waiting");
    const yesterday = await makeItYesterday(siteId);
    await evictDurableObject(stub);

    const fresh = await issue(siteId, admin, "rej");
    expect(fresh.number).toBe("R001");
    expect(fresh.waitingAhead).toBe(0);
    expect((await issue(siteId, admin, "pj")).number).toBe("P001");

    // Yesterday's open tickets are closed; the one at the desk counts as served. (Their e-ticket links
    // work only until two hours after midnight: eticket-expiry.test.ts.)
    const stored = await storedState(siteId);
    expect(stored.meta.day).not.toBe(yesterday);
    expect(stored.tickets.filter((t) => t.day === yesterday).map((t) => [t.number, t.status])).toEqual([
      ["R001", "closed"],
      ["R002", "served"],
      ["R003", "closed"],
      ["P001", "closed"],
    ]);
    expect(stored.timers.filter((t) => t.kind === "recall")).toEqual([]);
    // Both desks are free and open again; only today's tickets wait.
    expect(stored.desks).toEqual([
      { id: "d1", status: "open", ticket_id: null },
      { id: "d2", status: "open", ticket_id: null },
    ]);
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const snap = view(await display.waitFor((m) => m.type === "snapshot"));
    expect(counts(snap.waiting)).toEqual([
      { matterId: "rej", count: 1, open: true },
      { matterId: "pj", count: 1, open: true },
    ]);
    expect((snap.desks as { number: string | null; status: string }[]).map((d) => [d.status, d.number])).toEqual([
      ["open", null],
      ["open", null],
    ]);
    // Numbers restart at R001: yesterday's last call is not "now calling" on the new day's screens.
    expect(snap.calls).toEqual([]);
    // Yesterday's missed R001 is not recalled: call-next takes today's R001.
    const called = await act(siteId, "d1", "call-next", admin);
    expect(called.ticket).toMatchObject({ id: fresh.id, number: "R001", misses: 0 });

    // The citizen whose page stayed open overnight sees the ticket closed.
    await citizen.waitFor((m) => isView(m) && view(m).status === "closed");
    citizen.close();
    display.close();
  });

  it("the end-of-day alarm closes the day on its own, with no request", async () => {
    const { siteId, admin, stub } = await midMorning();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await display.waitFor((m) => m.type === "snapshot");
    await makeItYesterday(siteId);
    await evictDurableObject(stub);
    expect(await runDurableObjectAlarm(stub)).toBe(true);

    await display.waitFor(
      (m) =>
        isView(m) &&
        JSON.stringify(view(m).desks) ===
          JSON.stringify([
            { id: "d1", name: "Stanowisko 1", status: "open", number: null },
            { id: "d2", name: "Stanowisko 2", status: "open", number: null },
          ]) &&
        JSON.stringify(counts(view(m).waiting)) ===
          JSON.stringify([
            { matterId: "rej", count: 0, open: true },
            { matterId: "pj", count: 0, open: true },
          ]) &&
        JSON.stringify(view(m).calls) === "[]",
    );
    const stored = await storedState(siteId);
    expect(stored.tickets.filter((t) => ["waiting", "called", "serving", "missed"].includes(String(t.status)))).toEqual([]);
    // The next day's end is scheduled.
    const eod = stored.timers.find((t) => t.kind === "end-of-day");
    expect(Number(eod?.due_at)).toBeGreaterThan(Date.now());
    expect(await alarmOf(stub)).toBe(Number(eod?.due_at));
    expect((await issue(siteId, admin, "rej")).number).toBe("R001");
    display.close();
  });
});
