// Everything about a day that is drawn before it starts, from its seed: who comes when and for what,
// who has booked, who will give up waiting, and how each clerk works and when they take a break.
import { zonedInstant } from "../queue/time.ts";
import { DESKS, MATTERS, PEOPLE, type SimMatter, TIME_ZONE } from "./office.ts";
import { Prng } from "./prng.ts";
import type { DayShape } from "./shapes.ts";

const MIN = 60_000;
const HALF_HOUR = 30;

export interface Visitor {
  /** When the ticket is taken (walk-in) or the booking joins the queue (its slot). */
  at: number;
  matterId: string;
  source: "walk-in" | "booking";
  priority: boolean;
  /** When the client gives up and leaves (null: waits as long as it takes). */
  leavesAt: number | null;
  /** Misses the first call (stepped out), back for the recall. */
  awayAtFirstCall: boolean;
  /** A booked client who never comes. */
  neverComes: boolean;
}

export interface Clerk {
  deskId: string;
  /** Multiplies every service time of this clerk (below 1: faster). */
  speed: number;
  /** How often this clerk presses "finish" seconds after the call and serves the client without the system. */
  quickFinish: number;
  /** Pauses in time order: when due (the clerk takes it once the client at hand is done), and for how long; null minutes: closed for the day. */
  breaks: { at: number; minutes: number | null }[];
}

export interface DayPlan {
  openAt: number;
  closeAt: number;
  /** Walk-ins and bookings in time order. */
  visitors: Visitor[];
  clerks: Clerk[];
}

function matterWeights(): { item: SimMatter; weight: number }[] {
  return MATTERS.map((m) => ({ item: m, weight: m.share }));
}

/** Walk-ins by a non-homogeneous Poisson process: each half hour at the profile's rate. */
function walkIns(shape: DayShape, openAt: number, closeAt: number, rng: Prng): Visitor[] {
  const total = shape.profile.reduce((s, w) => s + w, 0);
  const out: Visitor[] = [];
  const matters = matterWeights();
  shape.profile.forEach((weight, i) => {
    const from = openAt + i * HALF_HOUR * MIN;
    const to = Math.min(closeAt, from + HALF_HOUR * MIN);
    const perMs = (shape.walkIns * weight) / total / (HALF_HOUR * MIN);
    if (perMs <= 0) return;
    for (let at = from + rng.exponential(1 / perMs); at < to; at += rng.exponential(1 / perMs)) {
      const patience = rng.logNormal(PEOPLE.patience.medianMinutes, PEOPLE.patience.sigma) * MIN;
      out.push({
        at: Math.round(at),
        matterId: rng.weighted(matters).id,
        source: "walk-in",
        priority: rng.chance(PEOPLE.priority),
        leavesAt: Math.round(at + patience),
        awayAtFirstCall: rng.chance(PEOPLE.awayAtFirstCall),
        neverComes: false,
      });
    }
  });
  return out;
}

/** Booked visits: slots every 20 minutes from 09:00 to an hour before closing, drawn without repeats. */
function bookings(shape: DayShape, rng: Prng): Visitor[] {
  const bookable = MATTERS.filter((m) => m.bookable);
  const slots: { minute: number; matterId: string }[] = [];
  for (let minute = 9 * 60; minute <= shape.close - 60; minute += 20) for (const m of bookable) slots.push({ minute, matterId: m.id });
  const out: Visitor[] = [];
  for (let i = 0; i < shape.bookings && slots.length > 0; i++) {
    const [slot] = slots.splice(Math.floor(rng.next() * slots.length), 1);
    if (!slot) break;
    out.push({
      at: zonedInstant(shape.date, slot.minute, TIME_ZONE),
      matterId: slot.matterId,
      source: "booking",
      priority: false,
      leavesAt: null,
      awayAtFirstCall: rng.chance(PEOPLE.awayAtFirstCall),
      neverComes: rng.chance(PEOPLE.bookingNoShow),
    });
  }
  return out;
}

/**
 * Clerks: speeds spread around the norm; one clerk presses "finish" right after the call more often than
 * not and another now and then. Each takes a 15-minute break between 10:00 and 13:30, some a second short
 * one in the afternoon; on a day with a closing desk, one of the citizens' or vehicles' first desks closes.
 */
function clerks(shape: DayShape, rng: Prng): Clerk[] {
  const hurried = Math.floor(rng.next() * DESKS.length);
  const sometimes = (hurried + 1 + Math.floor(rng.next() * (DESKS.length - 1))) % DESKS.length;
  const closingDesk = shape.closing ? (["d1", "d2", "d5", "d6"][Math.floor(rng.next() * 4)] ?? "d1") : null;
  return DESKS.map((d, i) => {
    const breaks: Clerk["breaks"] = [];
    const at = (minute: number): number => zonedInstant(shape.date, minute, TIME_ZONE);
    breaks.push({ at: at(rng.between(10 * 60, 13.5 * 60)), minutes: 15 });
    if (rng.chance(0.3)) breaks.push({ at: at(rng.between(14 * 60, shape.close - 45)), minutes: 10 });
    if (shape.closing && d.id === closingDesk) {
      const closesAt = at(shape.closing.atMinute);
      const kept = breaks.filter((b) => b.at < closesAt);
      kept.push({ at: closesAt, minutes: null });
      breaks.splice(0, breaks.length, ...kept);
    }
    return {
      deskId: d.id,
      speed: rng.logNormal(1, 0.15),
      quickFinish: i === hurried ? 0.6 : i === sometimes ? 0.2 : 0.02,
      breaks: breaks.sort((a, b) => a.at - b.at),
    };
  });
}

export function planDay(shape: DayShape, seed: number): DayPlan {
  const openAt = zonedInstant(shape.date, shape.open, TIME_ZONE);
  const closeAt = zonedInstant(shape.date, shape.close, TIME_ZONE);
  const visitors = [...walkIns(shape, openAt, closeAt, new Prng(seed, "walk-ins")), ...bookings(shape, new Prng(seed, "bookings"))];
  visitors.sort((a, b) => a.at - b.at || (a.source === b.source ? 0 : a.source === "booking" ? -1 : 1));
  return { openAt, closeAt, visitors, clerks: clerks(shape, new Prng(seed, "clerks")) };
}
