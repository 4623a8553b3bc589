// Seeded simulated office days as statistics records: a morning peak, walk-ins and bookings, no-shows after
// three calls, transfers, people who leave, cancellations, tickets closed at the end of the day, desks with
// breaks. The same seed gives the same days; the roll-up tests and demo history can both use it.
import { zonedInstant } from "../queue/time.ts";
import type { BookingFact, DeskSpan, MessageFact, SiteDayFacts, VisitCall, VisitRecord } from "./records.ts";

/** mulberry32: a small, good enough seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulationSite {
  timeZone: string;
  /** Matter id → department id. */
  matters: Record<string, string>;
  /** Each desk, the clerk signed in at it (null: none known), and the matters it serves (absent: all). */
  desks: { id: string; clerk: string | null; matterIds?: readonly string[] }[];
}

/** The part of a local day the office takes tickets, in minutes after midnight (default 08:00–16:00). */
export interface SimulationHours {
  from: number;
  to: number;
}

const OFFICE_HOURS: SimulationHours = { from: 8 * 60, to: 16 * 60 };

export const SIMULATION_SITE: SimulationSite = {
  timeZone: "Europe/Warsaw",
  matters: { dowody: "obywatelskie", meldunek: "obywatelskie", prawo_jazdy: "komunikacja", rejestracja: "komunikacja" },
  desks: [
    { id: "s1", clerk: "a.nowak" },
    { id: "s2", clerk: "b.kowalska" },
    { id: "s3", clerk: "c.wisniewski" },
    { id: "s4", clerk: "d.wojcik" },
  ],
};

const MIN = 60_000;
const DAY_MS = 86_400_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
}

/** A visit-shaped wait: mostly a few minutes, sometimes long (whole minutes plus seconds). */
function waitMs(random: () => number, peak: boolean): number {
  const scale = peak ? 22 : 9;
  return Math.floor(-Math.log(1 - random()) * scale * MIN + random() * MIN);
}

/** The desks that serve `matterId` (every desk when none says so). */
function desksFor(site: SimulationSite, matterId: string): SimulationSite["desks"] {
  const serving = site.desks.filter((d) => d.matterIds === undefined || d.matterIds.includes(matterId));
  return serving.length > 0 ? serving : site.desks;
}

/** The range a simulated ticket was shown around its estimate, in the estimator's steps (no draw: the day stays as seeded). */
function shownRange(estimate: number): { low: number; high: number } {
  if (estimate <= 10) return { low: Math.floor(estimate * 0.6), high: Math.ceil(estimate * 1.4) + 2 };
  return { low: Math.floor((estimate * 0.75) / 5) * 5, high: Math.ceil((estimate * 1.3 + 3) / 5) * 5 };
}

/**
 * One simulated day at a site: `visits` tickets from the opening until half an hour before the close
 * (08:00 to 15:30 local by default), two of three in the morning peak (the first three hours, at most
 * two fifths of the day).
 */
export function simulateDay(
  day: string,
  visits: number,
  seed: number,
  site: SimulationSite = SIMULATION_SITE,
  hours: SimulationHours = OFFICE_HOURS,
): SiteDayFacts {
  const random = seededRandom(seed);
  const open = zonedInstant(day, hours.from, site.timeZone);
  const close = zonedInstant(day, hours.to, site.timeZone);
  const span = Math.max(30, hours.to - hours.from - 30);
  const peak = Math.min(180, span * 0.4);
  const matterIds = Object.keys(site.matters);
  const records: VisitRecord[] = [];
  const bookings: BookingFact[] = [];
  const messages: MessageFact[] = [];

  for (let i = 0; i < visits; i++) {
    // the morning peak: two of three tickets in the first three hours
    const offset = random() < 0.66 ? random() * peak * MIN : peak * MIN + random() * (span - peak) * MIN;
    const queuedAt = Math.floor(open + offset);
    const matterId = pick(random, matterIds);
    const desk = pick(random, desksFor(site, matterId));
    const booked = random() < 0.2;
    const channel = booked ? (random() < 0.5 ? "booking-auto" : "booking-kiosk") : random() < 0.9 ? "kiosk" : "clerk";
    const slotAt = booked ? queuedAt + Math.floor(random() * 10) * MIN : null;
    const wait = waitMs(random, offset < peak * MIN);
    const called = queuedAt + wait;
    const roll = random();
    const base = {
      ticketId: `${day}-${i}`,
      day,
      departmentId: site.matters[matterId] ?? "",
      matterId,
      channel,
      queuedAt,
      slotAt,
    } as const;
    const call = (at: number): VisitCall => ({ at, deskId: desk.id, clerk: random() < 0.02 ? null : desk.clerk });
    if (booked) {
      const madeAt = queuedAt - Math.floor(random() * 14 * DAY_MS);
      bookings.push({ matterId, madeAt, slotAt: slotAt ?? queuedAt, outcome: roll < 0.04 ? "cancelled" : "kept" });
      if (random() < 0.3) bookings.push({ matterId, madeAt, slotAt: slotAt ?? queuedAt, outcome: "missed" });
      messages.push({ channel: random() < 0.7 ? "sms" : "email", at: madeAt, status: random() < 0.05 ? "failed" : "sent" });
    }
    const estimateMinutes = Math.max(0, Math.round(wait / MIN + (random() - 0.5) * 12));
    const estimateRange = shownRange(estimateMinutes);
    if (roll < 0.04 && booked) {
      records.push({
        ...base,
        part: 0,
        estimateMinutes,
        estimateRange,
        calls: [],
        startedAt: null,
        finishedAt: null,
        deskId: null,
        clerk: null,
        outcome: "cancelled",
        endedAt: queuedAt + Math.floor(wait / 2),
      });
      continue;
    }
    if (roll < 0.07) {
      records.push({
        ...base,
        part: 0,
        estimateMinutes,
        estimateRange,
        calls: [],
        startedAt: null,
        finishedAt: null,
        deskId: null,
        clerk: null,
        outcome: "left",
        endedAt: called,
      });
      continue;
    }
    if (called >= close) {
      records.push({
        ...base,
        part: 0,
        estimateMinutes,
        estimateRange,
        calls: [],
        startedAt: null,
        finishedAt: null,
        deskId: null,
        clerk: null,
        outcome: "closed",
        endedAt: close,
      });
      continue;
    }
    if (roll < 0.12) {
      const calls = [call(called), call(called + 2 * MIN), call(called + 4 * MIN)];
      records.push({
        ...base,
        part: 0,
        estimateMinutes,
        estimateRange,
        calls,
        startedAt: null,
        finishedAt: null,
        deskId: desk.id,
        clerk: desk.clerk,
        outcome: "no-show",
        endedAt: called + 5 * MIN,
      });
      continue;
    }
    const startedAt = called + Math.floor(random() * 90_000);
    const finishedAt = startedAt + Math.floor((3 + random() * 22) * MIN);
    if (roll < 0.18) {
      records.push({
        ...base,
        part: 0,
        estimateMinutes,
        estimateRange,
        calls: [call(called)],
        startedAt,
        finishedAt,
        deskId: desk.id,
        clerk: desk.clerk,
        outcome: "transferred",
        endedAt: finishedAt,
      });
      const next = pick(random, matterIds);
      const nextDesk = pick(random, desksFor(site, next));
      const nextCalled = finishedAt + waitMs(random, false);
      const nextStart = nextCalled + Math.floor(random() * 60_000);
      const nextFinish = nextStart + Math.floor((2 + random() * 15) * MIN);
      records.push({
        ...base,
        part: 1,
        departmentId: site.matters[next] ?? "",
        matterId: next,
        queuedAt: finishedAt,
        slotAt: null,
        estimateMinutes: null,
        estimateRange: null,
        calls: [{ at: nextCalled, deskId: nextDesk.id, clerk: nextDesk.clerk }],
        startedAt: nextStart,
        finishedAt: nextFinish,
        deskId: nextDesk.id,
        clerk: nextDesk.clerk,
        outcome: "served",
        endedAt: nextFinish,
      });
      continue;
    }
    records.push({
      ...base,
      part: 0,
      estimateMinutes,
      estimateRange,
      calls: [call(called)],
      startedAt,
      finishedAt,
      deskId: desk.id,
      clerk: desk.clerk,
      outcome: "served",
      endedAt: finishedAt,
    });
  }

  const desks: DeskSpan[] = [];
  for (const d of site.desks) {
    let t = open - 10 * MIN;
    const breakAt = open + Math.floor((150 + random() * 120) * MIN);
    let tookBreak = false;
    while (t < close) {
      if (!tookBreak && t >= breakAt) {
        const to = t + Math.floor((10 + random() * 20) * MIN);
        desks.push({
          deskId: d.id,
          clerk: d.clerk,
          state: "break",
          reason: pick(random, ["break", "training", "other"] as const),
          from: t,
          to,
        });
        t = to;
        tookBreak = true;
        continue;
      }
      const state = random() < 0.75 ? "serving" : "idle";
      const to = Math.min(close, t + Math.floor((2 + random() * 25) * MIN));
      desks.push({ deskId: d.id, clerk: d.clerk, state, reason: null, from: t, to });
      t = to;
    }
  }
  return { visits: records, desks, bookings, messages };
}

/** Working days (Monday to Friday) from `from` for `count` calendar days, each simulated with its own seed. */
export function simulateDays(from: string, count: number, visitsPerDay: number, seed: number): { day: string; facts: SiteDayFacts }[] {
  const days: { day: string; facts: SiteDayFacts }[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY_MS);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const day = date.toISOString().slice(0, 10);
    const random = seededRandom(seed + i);
    const visits = Math.round(visitsPerDay * (0.8 + random() * 0.4));
    days.push({ day, facts: simulateDay(day, visits, seed * 1000 + i) });
  }
  return days;
}
