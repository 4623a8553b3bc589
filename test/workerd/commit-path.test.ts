// The commit path and the scheduler seen from outside: one seq per command that anyone can see, nothing
// for a command nobody sees, a seq never used twice across a restart, timers of an unknown kind kept without driving the alarm, and the outbox's
// timer renamed for what it is when an older store wakes up.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SEQ_BLOCK } from "../../objects/site/commit.ts";
import { act, freshSite, issue, queueOf, siteObject, siteSql } from "./helpers.ts";
import { book, dateIn, freeSlots } from "./sms-helpers.ts";

const alarmOf = (siteId: string) =>
  runInDurableObject(siteObject(siteId), (_i: unknown, state: DurableObjectState) => state.storage.getAlarm());

describe("one commit per command", () => {
  it("a ticket and a call each move seq by one; a booking's hold, which no screen shows, moves it not at all", async () => {
    const { siteId, admin } = await freshSite();
    const start = (await queueOf(siteId, admin)).seq;
    await issue(siteId, admin, "rej");
    expect((await queueOf(siteId, admin)).seq).toBe(start + 1);
    await act(siteId, "d1", "call-next", admin);
    expect((await queueOf(siteId, admin)).seq).toBe(start + 2);
    const slot = (await freeSlots(siteId, "rej", dateIn(1), dateIn(7)))[0]!;
    expect((await book(siteId, slot.start, "600 700 800")).status).toBe(202);
    expect((await queueOf(siteId, admin)).seq).toBe(start + 2);
    // A restart never goes back: seq starts again at the stored ceiling, past every seq sent before.
    await evictDurableObject(siteObject(siteId));
    const woken = (await queueOf(siteId, admin)).seq;
    expect(woken).toBeGreaterThanOrEqual(start + 2);
    await issue(siteId, admin, "rej");
    expect((await queueOf(siteId, admin)).seq).toBe(woken + 1);
  });

  it("stores seq once per block, and a restart after the block is passed starts past every seq used", async () => {
    const { siteId, admin } = await freshSite();
    const storedSeq = async () => Number((await siteSql(siteId, "SELECT value FROM meta WHERE key = 'seq'"))[0]?.value);
    await issue(siteId, admin, "rej");
    const first = (await queueOf(siteId, admin)).seq;
    // The site's first visible change (its configuration) reserved the block this ticket is in.
    const ceiling = await storedSeq();
    expect(ceiling).toBeGreaterThan(first);
    expect(ceiling).toBeLessThan(first + SEQ_BLOCK);
    // Commands inside the block do not write it again.
    await issue(siteId, admin, "rej");
    await act(siteId, "d1", "call-next", admin);
    expect((await queueOf(siteId, admin)).seq).toBe(first + 2);
    expect(await storedSeq()).toBe(ceiling);
    // At the ceiling (as after a thousand commands), the next command reserves the next block in its own write.
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'seq'", String(first + 2));
    await evictDurableObject(siteObject(siteId));
    expect((await queueOf(siteId, admin)).seq).toBe(first + 2);
    await issue(siteId, admin, "rej");
    expect((await queueOf(siteId, admin)).seq).toBe(first + 3);
    expect(await storedSeq()).toBe(first + 3 + SEQ_BLOCK - 1);
    await evictDurableObject(siteObject(siteId));
    expect((await queueOf(siteId, admin)).seq).toBe(first + 3 + SEQ_BLOCK - 1);
  });
});

describe("the scheduler", () => {
  it("keeps a timer of a kind it does not know, does not set the alarm for it, and still runs the others", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "no-show", admin);
    const past = Date.now() - 60_000;
    await siteSql(siteId, "INSERT INTO timers (key, kind, due_at, ref) VALUES ('later:1', 'from-a-newer-version', ?, NULL)", past);
    await siteSql(siteId, "UPDATE timers SET due_at = ? WHERE kind = 'recall'", past);
    await siteSql(siteId, "UPDATE tickets SET recall_at = ? WHERE status = 'missed'", past);
    await evictDurableObject(siteObject(siteId));

    // The recall is due: the alarm runs it; the unknown timer stays where it was.
    expect(await runDurableObjectAlarm(siteObject(siteId))).toBe(true);
    const q = await queueOf(siteId, admin);
    expect(q.tickets.find((t) => t.number === "R001")).toMatchObject({ status: "called", misses: 1 });
    expect(await siteSql(siteId, "SELECT key, kind, due_at FROM timers WHERE key = 'later:1'")).toEqual([
      { key: "later:1", kind: "from-a-newer-version", due_at: past },
    ]);
    // The alarm follows the known timers only (the end of the day), not the overdue unknown one.
    const alarm = await alarmOf(siteId);
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeGreaterThan(Date.now());
  });

  it("a timer whose handler fails is logged and tried again a minute later, without a tight alarm loop; the others still run", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "no-show", admin);
    const past = Date.now() - 60_000;
    // A booking row that cannot be read (its verification is not JSON) makes its join timer fail.
    await siteSql(
      siteId,
      "INSERT INTO bookings (id, matter_id, start_at, status, verification, hold_until, created_at) VALUES (?, 'rej', ?, 'confirmed', 'not json', 0, 0)",
      `${siteId}.broken`,
      past,
    );
    await siteSql(
      siteId,
      "INSERT INTO timers (key, kind, due_at, ref) VALUES ('join:broken', 'booking-join', ?, ?)",
      past,
      `${siteId}.broken`,
    );
    await siteSql(siteId, "UPDATE timers SET due_at = ? WHERE kind = 'recall'", past);
    await siteSql(siteId, "UPDATE tickets SET recall_at = ? WHERE status = 'missed'", past);
    await evictDurableObject(siteObject(siteId));

    const before = Date.now();
    expect(await runDurableObjectAlarm(siteObject(siteId))).toBe(true);
    // The recall ran although the join failed.
    expect((await queueOf(siteId, admin)).tickets.find((t) => t.number === "R001")).toMatchObject({ status: "called", misses: 1 });
    const [join] = await siteSql(siteId, "SELECT due_at FROM timers WHERE key = 'join:broken'");
    expect(Number(join?.due_at)).toBeGreaterThanOrEqual(before + 59_000);
    // The alarm waits for it (or the end of the day), not a few milliseconds.
    expect((await alarmOf(siteId))!).toBeGreaterThanOrEqual(before + 59_000);
  });

  it("an outbox timer stored under its old name 'sms' is renamed 'outbox' when the object wakes up", async () => {
    const { siteId } = await freshSite();
    const due = Date.now() + 3_600_000;
    await runInDurableObject(siteObject(siteId), (_i: unknown, state: DurableObjectState) => {
      state.storage.sql.exec("INSERT INTO timers (key, kind, due_at, ref) VALUES ('sms', 'sms', ?, NULL)", due);
      state.storage.sql.exec("UPDATE _schema SET version = 4");
    });
    await evictDurableObject(siteObject(siteId));
    expect(await siteSql(siteId, "SELECT key, kind, due_at FROM timers WHERE key IN ('sms', 'outbox')")).toEqual([
      { key: "outbox", kind: "outbox", due_at: due },
    ]);
  });
});
