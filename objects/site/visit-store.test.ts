// A waiting ticket's first visit part, kept in its ticket's row in a few dozen bytes, reads back as the
// very record the commit path made (objects/site/visit-store.ts).
import { describe, expect, it } from "vitest";
import type { Ticket } from "../queue/model.ts";
import type { VisitChannel } from "../statistics/records.ts";
import { visitUpdates } from "../statistics/visit-log.ts";
import { keepable, keptPart, keptPartText } from "./visit-store.ts";

const channels: VisitChannel[] = ["kiosk", "booking-kiosk", "booking-auto", "clerk"];

function waiting(i: number): Ticket {
  const takenAt = Date.UTC(2026, 11, 2, 8, 0) + i * 61_000;
  return {
    ...(i % 3 === 0 ? { priority: true } : {}),
    ...(i % 5 === 0 ? { interpreter: true } : {}),
    id: `tk_${i}`,
    token: `s.${i}`,
    day: "2026-12-02",
    number: `R${i}`,
    matterId: i % 2 ? "pj" : "rej",
    source: i % 4 === 1 ? "booking" : "walk-in",
    status: "waiting",
    takenAt,
    reservedAt: i % 4 === 1 ? takenAt + 5 * 60_000 : null,
    deskId: i % 7 === 0 ? "d2" : null,
    misses: 0,
    recallAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
  };
}

describe("a first part kept in its ticket's row", () => {
  it("reads back whole, flags, slot, desk and the range shown (or none) included, in under 80 bytes", () => {
    for (let i = 0; i < 200; i++) {
      const t = waiting(i);
      const [first] = visitUpdates(undefined, t, undefined, [], {
        now: t.takenAt,
        clerk: null,
        departmentOf: (m) => (m === "pj" ? "wk" : "wsa"),
        channel: channels[i % 4]!,
        estimate: i % 6 === 0 ? null : i % 40,
        range: i % 6 === 0 ? null : { low: i % 40, high: (i % 40) + 10 },
      });
      expect(first && keepable(first)).toBe(true);
      const text = keptPartText(first!);
      expect(text.length).toBeLessThan(80);
      expect(keptPart(t.id, t.day, text)).toEqual(first);
    }
  });

  it("is kept only while nothing has moved it: a called, started or ended part is not", () => {
    const t = waiting(1);
    const ctx = { now: t.takenAt, clerk: "urzednik1", departmentOf: () => "wk", channel: "kiosk" as const, estimate: 5, range: null };
    const [first] = visitUpdates(undefined, t, undefined, [], ctx);
    const call = { ticketId: t.id, number: t.number, deskId: "d1", at: t.takenAt + 60_000, attempt: 1, reason: "call" as const };
    const [called] = visitUpdates(t, { ...t, status: "called", deskId: "d1", calledAt: call.at }, first, [call], ctx);
    const [ended] = visitUpdates(t, { ...t, status: "closed", finishedAt: t.takenAt + 1 }, first, [], ctx);
    expect([first, called, ended].map((p) => p !== undefined && keepable(p))).toEqual([true, false, false]);
  });
});
