// Every visit is recorded by the real site object in the same transaction as the change it describes:
// a kiosk walk-in served at a desk by its clerk, a ticket removed after three misses, a transfer that
// ends one part of a visit and begins the next, a ticket a clerk entered, and the estimate shown at issue.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SITE_MIGRATIONS } from "../../objects/site/schema.ts";
import { accountFor, desk, freshSite, issue, LiveSocket, siteObject, siteSql, siteVisits } from "./helpers.ts";

describe("visit records", () => {
  it("follow each ticket through the day, part by part, with desk, clerk and outcome", async () => {
    const { siteId, admin } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1", "d2"] });

    // A walk-in at the kiosk, served at desk 1.
    const a = await issue(siteId, kiosk, "rej");
    for (const action of ["call-next", "start", "finish"]) expect((await desk(siteId, "d1", action, clerk)).status).toBe(200);

    // Another misses three calls and is removed.
    const b = await issue(siteId, kiosk, "rej");
    expect((await desk(siteId, "d1", "call-next", clerk)).status).toBe(200);
    expect((await desk(siteId, "d1", "no-show", clerk)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect((await desk(siteId, "d1", "call", clerk, { ticketId: b.id })).status).toBe(200);
      expect((await desk(siteId, "d1", "no-show", clerk)).status).toBe(200);
    }

    // A third is entered by the manager, called at desk 1 and sent on to "Prawo jazdy".
    const c = await issue(siteId, admin, "rej");
    expect((await desk(siteId, "d1", "call-next", clerk)).status).toBe(200);
    expect((await desk(siteId, "d1", "transfer", clerk, { ticketId: c.id, matterId: "pj" })).status).toBe(200);

    const all = await siteVisits(siteId);
    const of = (id: string) => all.filter((v) => v.ticketId === id);
    const [served] = of(a.id);
    expect(served).toMatchObject({
      part: 0,
      matterId: "rej",
      departmentId: "wk",
      channel: "kiosk",
      estimateMinutes: a.estimatedWaitMinutes,
      deskId: "d1",
      outcome: "served",
    });
    expect(served!.calls).toHaveLength(1);
    expect(served!.clerk).toMatch(/^t-clerk-/);
    expect(served!.startedAt).not.toBeNull();
    expect(served!.finishedAt).not.toBeNull();

    const [noShow] = of(b.id);
    expect(noShow!.outcome).toBe("no-show");
    expect(noShow!.calls).toHaveLength(3);

    expect(of(c.id).map((v) => [v.part, v.matterId, v.channel, v.outcome])).toEqual([
      [0, "rej", "clerk", "transferred"],
      [1, "pj", "clerk", "open"],
    ]);
    // Nothing personal: a visit holds ids, times and user names of staff only.
    expect(JSON.stringify(all)).not.toMatch(/@|\+48|token/);
  });

  it("a walk-in's first part is written with its ticket: seen while it waits, after an eviction too, and once when it is called", async () => {
    const { siteId } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const a = await issue(siteId, kiosk, "rej");
    const b = await issue(siteId, kiosk, "pj");
    // Nothing has moved them: no visit rows of their own, yet the statistics see both waiting, as shown at issue.
    expect(await siteSql(siteId, "SELECT ticket_id FROM visits")).toEqual([]);
    await evictDurableObject(siteObject(siteId));
    const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
    const visitsOf = async () => {
      const r = await siteObject(siteId).statisticsFacts(day, day);
      if (!r.ok) throw new Error(r.code);
      return r.value.facts.visits.map((v) => [
        v.ticketId,
        v.part,
        v.matterId,
        v.outcome,
        v.calls.length,
        v.estimateMinutes,
        v.estimateRange,
      ]);
    };
    const shown = (t: typeof a) => [t.estimatedWaitMinutes, { low: t.estimatedWait.low, high: t.estimatedWait.high }];
    expect(await visitsOf()).toEqual([
      [a.id, 0, "rej", "open", 0, ...shown(a)],
      [b.id, 0, "pj", "open", 0, ...shown(b)],
    ]);

    // A is called: its first part gets its row, with what was shown at issue, and is counted once.
    expect((await desk(siteId, "d1", "call", clerk, { ticketId: a.id })).status).toBe(200);
    expect(await siteSql(siteId, "SELECT ticket_id, part FROM visits")).toEqual([{ ticket_id: a.id, part: 0 }]);
    // The ticket's row keeps no copy of it; B's still holds B's.
    const kept = await siteSql(siteId, "SELECT id FROM tickets WHERE pending_visit IS NOT NULL");
    expect(kept.map((r) => r.id)).toEqual([b.id]);
    expect(await visitsOf()).toEqual([
      [a.id, 0, "rej", "open", 1, ...shown(a)],
      [b.id, 0, "pj", "open", 0, ...shown(b)],
    ]);
  });

  it("a store made before first parts were kept in tickets' rows counts its visits once after the upgrade", async () => {
    const { siteId } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const old = await issue(siteId, kiosk, "rej");
    // The store as version 18 left it: the walk-in's first part in a visit row, no column for it in the ticket's.
    const [first] = await siteVisits(siteId);
    if (!first) throw new Error("no visit");
    const { estimateRange, ...record } = first;
    await siteSql(
      siteId,
      "INSERT INTO visits (ticket_id, part, day, record, estimate_low, estimate_high) VALUES (?, 0, ?, ?, ?, ?)",
      old.id,
      first.day,
      JSON.stringify(record),
      estimateRange?.low ?? null,
      estimateRange?.high ?? null,
    );
    await siteSql(siteId, "ALTER TABLE tickets DROP COLUMN pending_visit");
    await siteSql(siteId, "UPDATE _schema SET version = 18");
    await evictDurableObject(siteObject(siteId));

    const next = await issue(siteId, kiosk, "rej");
    expect((await desk(siteId, "d1", "call", clerk, { ticketId: old.id })).status).toBe(200);
    expect((await siteSql(siteId, "SELECT version FROM _schema"))[0]?.version).toBe(SITE_MIGRATIONS.length);
    const all = await siteVisits(siteId);
    expect(all.map((v) => [v.ticketId, v.part, v.calls.length, v.estimateMinutes])).toEqual([
      [old.id, 0, 1, old.estimatedWaitMinutes],
      [next.id, 0, 0, next.estimatedWaitMinutes],
    ]);
  });

  it("a day's facts: what the desk did (a clerk's console open, a training break), the visits, read back for a range of days", async () => {
    const { siteId } = await freshSite();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const console1 = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${clerk}`);
    await console1.waitFor((m) => m.type === "snapshot");
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    await issue(siteId, kiosk, "rej");
    for (const action of ["call-next", "start", "finish"]) expect((await desk(siteId, "d1", action, clerk)).status).toBe(200);
    expect((await desk(siteId, "d1", "pause", clerk, { reason: "training" })).status).toBe(200);
    expect((await desk(siteId, "d1", "resume", clerk)).status).toBe(200);
    console1.close();

    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
    const r = await siteObject(siteId).statisticsFacts(today, today);
    if (!r.ok) throw new Error(r.code);
    const { facts } = r.value;
    expect(facts.visits.map((v) => v.outcome)).toEqual(["served"]);
    const d1 = facts.desks.filter((s) => s.deskId === "d1");
    expect(d1.some((s) => s.state === "serving")).toBe(true);
    expect(d1.find((s) => s.state === "break")).toMatchObject({ reason: "training" });
    expect(d1.every((s) => s.clerk === null || s.clerk.startsWith("t-clerk-"))).toBe(true);
    expect(d1.some((s) => s.clerk?.startsWith("t-clerk-"))).toBe(true);
    expect(facts.bookings).toEqual([]);
  });
});
