// R5, the three-strike no-show rule, through the real Worker and site object: a clerk marks
// "Nie zgłosił się", serves the next client, the missed ticket is called again at the same desk,
// and after the third miss it is removed. Also the alarm's recall when the desk has nobody else.
import { evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AgentJob, CallView, ServerMessage } from "../../protocol/live.ts";
import {
  accountFor,
  act,
  eticketTokenOf,
  freshSite,
  issue,
  isView,
  LiveSocket,
  latest,
  siteObject,
  siteSql,
  storedState,
} from "./helpers.ts";

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as Record<string, unknown>) : {});
const calls = (m: ServerMessage) => (view(m).calls ?? []) as CallView[];

/** A site of its own, a clerk who works at d1, and the sockets a hall and a citizen would have open. */
async function setup() {
  const { siteId, admin } = await freshSite();
  const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
  const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${clerk}`);
  await display.waitFor((m) => m.type === "snapshot");
  return { siteId, admin, clerk, display };
}

describe("three-strike no-show (R5)", () => {
  it("a missed client is called again after the next service, twice, then removed for good", async () => {
    const { siteId, admin, clerk, display } = await setup();
    const r1 = await issue(siteId, clerk, "rej");
    const r2 = await issue(siteId, clerk, "rej");
    const r3 = await issue(siteId, clerk, "rej");
    expect([r1.number, r2.number, r3.number]).toEqual(["R001", "R002", "R003"]);
    const eticket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(r1)}/live`);
    await eticket.waitFor((m) => m.type === "snapshot" && view(m).status === "waiting");

    // First call of R001; nobody comes.
    let r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toMatchObject({ number: "R001", status: "called", misses: 0 });
    await display.waitFor((m) => isView(m) && calls(m)[0]?.number === "R001" && calls(m)[0]?.attempt === 1);
    const missedAt = Date.now();
    r = await act(siteId, "d1", "no-show", clerk);
    expect(r.ticket).toMatchObject({ id: r1.id, number: "R001", status: "missed", misses: 1, deskId: "d1" });
    expect(r.desk.ticket).toBeNull();
    expect(r.ticket!.recallAt).not.toBeNull();

    // The citizen's e-ticket says so, with when it will be called again (60 s at this site).
    const missed = await eticket.waitFor((m) => isView(m) && view(m).status === "missed");
    expect(view(missed)).toMatchObject({ number: "R001", status: "missed", misses: 1 });
    const recallAt = Date.parse(view(missed).recallAt as string);
    expect(recallAt - missedAt).toBeGreaterThan(50_000);
    expect(recallAt - missedAt).toBeLessThanOrEqual(61_000);

    // The clerk moves on to the next client...
    r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toMatchObject({ number: "R002", status: "called" });
    // ...and when that service ends, R001 is called again automatically, at the same desk.
    r = await act(siteId, "d1", "finish", clerk);
    expect(r.ticket).toMatchObject({ number: "R002", status: "served" });
    expect(r.desk.ticket).toMatchObject({ id: r1.id, number: "R001", status: "called", misses: 1, deskId: "d1" });
    await display.waitFor((m) => isView(m) && calls(m)[0]?.number === "R001" && calls(m)[0]?.attempt === 2 && calls(m)[0]?.deskId === "d1");
    await eticket.waitFor((m) => isView(m) && view(m).status === "called" && view(m).deskName === "Stanowisko 1");

    // Second miss: the next client, then the third call.
    r = await act(siteId, "d1", "no-show", clerk);
    expect(r.ticket).toMatchObject({ number: "R001", status: "missed", misses: 2 });
    r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toMatchObject({ number: "R003", status: "called" });
    r = await act(siteId, "d1", "start", clerk);
    expect(r.ticket).toMatchObject({ number: "R003", status: "serving" });
    r = await act(siteId, "d1", "finish", clerk);
    expect(r.desk.ticket).toMatchObject({ number: "R001", status: "called", misses: 2 });
    await display.waitFor((m) => isView(m) && calls(m)[0]?.number === "R001" && calls(m)[0]?.attempt === 3);

    // Third miss: removed from the queue.
    r = await act(siteId, "d1", "no-show", clerk);
    expect(r.ticket).toMatchObject({ number: "R001", status: "removed", misses: 3, recallAt: null });
    expect(r.desk.ticket).toBeNull();
    await eticket.waitFor((m) => isView(m) && view(m).status === "removed");

    // Nobody is left, and R001 is never called again.
    r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toBeNull();
    expect(r.desk.ticket).toBeNull();
    const r4 = await issue(siteId, clerk, "rej");
    expect(r4.number).toBe("R004");
    r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toMatchObject({ number: "R004" });
    r = await act(siteId, "d1", "finish", clerk);
    expect(r.desk.ticket).toBeNull();
    // Not even by the alarm.
    await runDurableObjectAlarm(siteObject(siteId));
    r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toBeNull();
    const stored = await storedState(siteId);
    expect(stored.tickets.find((t) => t.id === r1.id)).toMatchObject({ status: "removed", misses: 3, recall_at: null });
    expect(stored.timers.filter((t) => t.kind === "recall")).toEqual([]);

    // The hall saw every call, R001 three times with its attempt number.
    const hall = latest(display);
    expect(calls(hall).map((c) => [c.number, c.attempt])).toEqual([
      ["R004", 1],
      ["R001", 3],
      ["R003", 1],
      ["R001", 2],
      ["R002", 1],
      ["R001", 1],
    ]);
    expect(view(latest(eticket))).toMatchObject({ status: "removed", misses: 3 });

    // This site has voice: every call was also given to the speakers, in order.
    const agent = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    const jobs = view(await agent.waitFor((m) => m.type === "snapshot")).jobs as AgentJob[];
    const announced = jobs.filter((j) => j.kind === "announce");
    expect(announced.map((j) => j.kind === "announce" && [j.number, j.deskName, j.deskNumber])).toEqual([
      ["R001", "Stanowisko 1", 1],
      ["R002", "Stanowisko 1", 1],
      ["R001", "Stanowisko 1", 1],
      ["R003", "Stanowisko 1", 1],
      ["R001", "Stanowisko 1", 1],
      ["R004", "Stanowisko 1", 1],
    ]);
    expect(new Set(announced.map((j) => j.id)).size).toBe(announced.length);
    agent.close();
    eticket.close();
    display.close();
  });

  it("with nobody else at the desk, the alarm calls the missed ticket again once the recall is due, exactly once", async () => {
    const { siteId, admin, clerk, display } = await setup();
    const r1 = await issue(siteId, clerk, "rej");
    const eticket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(r1)}/live`);
    await eticket.waitFor((m) => m.type === "snapshot");
    await act(siteId, "d1", "call-next", clerk);
    const missed = await act(siteId, "d1", "no-show", clerk);
    expect(missed.ticket).toMatchObject({ status: "missed", misses: 1 });

    // A recall timer is stored for it, and the object's alarm is set.
    const stub = siteObject(siteId);
    let stored = await storedState(siteId);
    const timer = stored.timers.find((t) => t.key === `recall:${r1.id}`);
    expect(timer).toMatchObject({ kind: "recall", ref: r1.id });
    // The view shows whole seconds.
    expect(Math.floor(Number(timer!.due_at) / 1000) * 1000).toBe(Date.parse(missed.ticket!.recallAt!));

    // Not due yet: the alarm leaves it alone.
    await runDurableObjectAlarm(stub);
    stored = await storedState(siteId);
    expect(stored.tickets.find((t) => t.id === r1.id)).toMatchObject({ status: "missed", desk_id: "d1" });
    expect(stored.calls).toHaveLength(1);

    // Time passes: the recall is due (written the way the clock would have made it), and the object
    // starts afresh from its storage, as it would after sleeping through the wait.
    const past = Date.now() - 1_000;
    await siteSql(siteId, "UPDATE timers SET due_at = ? WHERE key = ?", past, `recall:${r1.id}`);
    await siteSql(siteId, "UPDATE tickets SET recall_at = ? WHERE id = ?", past, r1.id);
    await evictDurableObject(stub);
    expect(await runDurableObjectAlarm(stub)).toBe(true);

    stored = await storedState(siteId);
    expect(stored.tickets.find((t) => t.id === r1.id)).toMatchObject({ status: "called", desk_id: "d1", misses: 1, recall_at: null });
    expect(stored.desks.find((d) => d.id === "d1")).toMatchObject({ status: "open", ticket_id: r1.id });
    expect(stored.calls.map((c) => [c.number, c.attempt, c.reason])).toEqual([
      ["R001", 1, "call"],
      ["R001", 2, "auto-recall"],
    ]);
    expect(stored.timers.filter((t) => t.kind === "recall")).toEqual([]);
    // The hall and the citizen see it (sockets opened before the object slept).
    await display.waitFor((m) => isView(m) && calls(m)[0]?.number === "R001" && calls(m)[0]?.attempt === 2 && calls(m)[0]?.deskId === "d1");
    await eticket.waitFor((m) => isView(m) && view(m).status === "called" && view(m).deskName === "Stanowisko 1");
    const after = stored;

    // The alarm running again does nothing more...
    await runDurableObjectAlarm(stub);
    expect(await storedState(siteId)).toEqual(after);
    // ...nor does a second delivery of the same recall (alarms are at-least-once).
    await siteSql(siteId, "INSERT INTO timers (key, kind, due_at, ref) VALUES (?, 'recall', ?, ?)", `recall:${r1.id}`, past, r1.id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    stored = await storedState(siteId);
    expect(stored.calls).toEqual(after.calls);
    expect(stored.tickets).toEqual(after.tickets);
    expect(stored.desks).toEqual(after.desks);
    expect(stored.seq).toBe(after.seq);
    expect(stored.timers.filter((t) => t.kind === "recall")).toEqual([]);

    // One announcement per call: the first and the recall.
    const agent = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    const jobs = view(await agent.waitFor((m) => m.type === "snapshot")).jobs as AgentJob[];
    expect(jobs.filter((j) => j.kind === "announce").map((j) => j.kind === "announce" && [j.number, j.deskNumber])).toEqual([
      ["R001", 1],
      ["R001", 1],
    ]);
    agent.close();
    eticket.close();
    display.close();
  });

  it("a missed ticket is not called to a desk on a break; after the break it comes first", async () => {
    const { siteId, clerk } = await setup();
    const r1 = await issue(siteId, clerk, "rej");
    await issue(siteId, clerk, "rej");
    await act(siteId, "d1", "call-next", clerk);
    await act(siteId, "d1", "no-show", clerk);
    await act(siteId, "d1", "pause", clerk);
    const past = Date.now() - 1_000;
    await siteSql(siteId, "UPDATE timers SET due_at = ? WHERE key = ?", past, `recall:${r1.id}`);
    await siteSql(siteId, "UPDATE tickets SET recall_at = ? WHERE id = ?", past, r1.id);
    const stub = siteObject(siteId);
    await evictDurableObject(stub);
    await runDurableObjectAlarm(stub);
    let stored = await storedState(siteId);
    expect(stored.tickets.find((t) => t.id === r1.id)).toMatchObject({ status: "missed", desk_id: "d1" });
    expect(stored.desks.find((d) => d.id === "d1")).toMatchObject({ status: "paused", ticket_id: null });
    expect(stored.calls).toHaveLength(1);
    // Back from the break: the due recall goes before R002.
    await act(siteId, "d1", "resume", clerk);
    const r = await act(siteId, "d1", "call-next", clerk);
    expect(r.ticket).toMatchObject({ number: "R001", status: "called", misses: 1 });
    stored = await storedState(siteId);
    expect(stored.calls.map((c) => [c.number, c.attempt])).toEqual([
      ["R001", 1],
      ["R001", 2],
    ]);
  });
});
