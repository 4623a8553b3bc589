// The office-day simulator: deterministic, shaped like a real office's day, and run on the real queue rules.
import { describe, expect, it } from "vitest";
import { simulateDay } from "./day.ts";
import { planDay } from "./plan.ts";
import type { DayRecord } from "./record.ts";
import { dayShape, SHAPE_NAMES } from "./shapes.ts";

const days = new Map<string, DayRecord>();
function day(shape: (typeof SHAPE_NAMES)[number], seed = 11): DayRecord {
  const key = `${shape}/${seed}`;
  let d = days.get(key);
  if (!d) days.set(key, (d = simulateDay(shape, seed)));
  return d;
}

describe("simulateDay", () => {
  it("gives the same day, byte for byte, for the same seed, and another day for another seed", () => {
    const again = JSON.stringify(simulateDay("quiet", 11));
    expect(again).toBe(JSON.stringify(day("quiet")));
    expect(JSON.stringify(day("quiet", 12))).not.toBe(again);
  });

  it.each(SHAPE_NAMES)("ends every ticket of a %s day served, removed after three misses, or closed, with a real wait", (shape) => {
    const d = day(shape);
    expect(d.tickets.length).toBeGreaterThan(100);
    for (const t of d.tickets) {
      expect(["served", "removed", "closed"]).toContain(t.outcome);
      expect(t.waitMinutes).toBeGreaterThanOrEqual(0);
      if (t.outcome === "served" || t.outcome === "removed") expect(t.calledAt).not.toBeNull();
      if (t.calledAt !== null) expect(t.calledAt).toBeGreaterThanOrEqual(t.takenAt);
      expect(t.range.high).toBeGreaterThan(t.range.low);
    }
    // Numbers are unique per matter prefix: the real numbering.
    expect(new Set(d.tickets.map((t) => t.number)).size).toBe(d.tickets.length);
  });

  it("removes a ticket only on its third miss, and it happens: clients who left miss every call", () => {
    const d = day("monday-rush");
    const removed = d.tickets.filter((t) => t.outcome === "removed");
    expect(removed.length).toBeGreaterThan(5);
    for (const t of removed) expect(t.misses).toBe(3);
    // A client who stepped out misses once and is served on the recall.
    expect(d.tickets.some((t) => t.outcome === "served" && t.misses === 1)).toBe(true);
  });

  it("calls a booking that joined before any walk-in of its matter still waiting then", () => {
    const d = day("normal");
    const bookings = d.tickets.filter((t) => t.source === "booking");
    expect(bookings.length).toBeGreaterThan(10);
    let overtaken = 0;
    for (const b of bookings) {
      const bookingCalled = b.calledAt ?? Number.POSITIVE_INFINITY;
      for (const w of d.tickets) {
        if (w.source !== "walk-in" || w.matterId !== b.matterId || w.calledAt === null) continue;
        // No walk-in of the matter is called first while the booking waits.
        expect(w.calledAt > b.takenAt && w.calledAt < bookingCalled).toBe(false);
        if (w.takenAt < b.takenAt && w.calledAt > bookingCalled) overtaken++;
      }
    }
    // And bookings did go ahead of walk-ins who had come earlier.
    expect(overtaken).toBeGreaterThan(0);
  });

  it("has priority clients, transfers and breaks on an ordinary day", () => {
    const d = day("normal");
    expect(d.tickets.some((t) => t.priority)).toBe(true);
    expect(d.transfers).toBeGreaterThan(0);
    expect(d.tickets.some((t) => t.transferredTo !== null && t.outcome === "served")).toBe(true);
    for (const desk of d.desks) expect(desk.pauses).toBeGreaterThanOrEqual(1);
    // Some clerk pressed "finish" right after the start.
    expect(d.desks.reduce((s, x) => s + x.quickFinishes, 0)).toBeGreaterThan(0);
  });

  it("keeps a closed desk closed: it finishes fewer clients than its neighbours", () => {
    const closing = day("desk-closing");
    const pauses = closing.desks.map((x) => x.pauses);
    expect(Math.max(...pauses)).toBeGreaterThanOrEqual(1);
    const finished = closing.desks.map((x) => x.finished).sort((a, b) => a - b);
    // Closed from 10:30: at most a third of the busiest desk's clients.
    expect((finished[0] ?? 0) * 3).toBeLessThan(finished.at(-1) ?? 0);
  });
});

describe("planDay", () => {
  it("brings people in a morning peak and a lunch dip", () => {
    const shape = dayShape("normal");
    const perHalfHour = new Array<number>(shape.profile.length).fill(0);
    for (let seed = 1; seed <= 20; seed++) {
      const plan = planDay(shape, seed);
      for (const v of plan.visitors) {
        if (v.source !== "walk-in") continue;
        const i = Math.floor((v.at - plan.openAt) / (30 * 60_000));
        perHalfHour[i] = (perHalfHour[i] ?? 0) + 1;
      }
    }
    const at = (hhmm: string): number => {
      const [h, m] = hhmm.split(":").map(Number) as [number, number];
      return perHalfHour[(h * 60 + m - shape.open) / 30] ?? 0;
    };
    const peak = (at("09:30") + at("10:00")) / 2;
    const lunch = (at("12:30") + at("13:00")) / 2;
    const opening = at("08:00");
    const afternoon = at("14:00");
    expect(peak).toBeGreaterThan(1.8 * lunch);
    expect(peak).toBeGreaterThan(opening);
    expect(afternoon).toBeGreaterThan(lunch);
    expect(at("15:30")).toBeLessThan(lunch);
  });

  it("draws the Monday rush busier than a quiet day", () => {
    const walkIns = (name: (typeof SHAPE_NAMES)[number]): number =>
      planDay(dayShape(name), 3).visitors.filter((v) => v.source === "walk-in").length;
    expect(walkIns("monday-rush")).toBeGreaterThan(2 * walkIns("quiet"));
  });
});
