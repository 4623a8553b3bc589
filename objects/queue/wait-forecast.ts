// What the wait estimator needs to know about the office now, gathered from the queue and the calendar:
// the desk time open for a matter, the bookings still to join today, and when the office closes.
import type { DayHours } from "../../protocol/config.ts";
import { MAX_SAMPLES } from "./estimate.ts";
import type { Desk, QueueState, Ticket } from "./model.ts";
import type { DeskMatters } from "./order.ts";
import { localDate, localTime, zonedInstant } from "./time.ts";
import { estimateWaitRange, LINE_WINDOW_MINUTES, SHORTEST_MEASURED_MS, type WaitRange, type WaitRangeInput } from "./wait-range.ts";

/** The office at the moment a view is built. */
export interface Forecast {
  now: number;
  /** When the office closes today (the end of the open interval now runs in, else of the day), or null. */
  closesAt: number | null;
  /** Times (ms) at which today's bookings not yet joined become due, per matter. */
  bookingsDue: ReadonlyMap<string, readonly number[]>;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** The end of today's last open interval (a break in the day does not close the office), or null when closed. */
export function closingAt(hours: Readonly<DayHours>, now: number, timeZone: string): number | null {
  const last = hours.at(-1);
  if (!last) return null;
  const end = toMinutes(last[1]);
  if (localTime(now, timeZone).minutes >= end) return null;
  return zonedInstant(localDate(now, timeZone), end, timeZone);
}

/**
 * The desk time a matter has now: each open desk serving it counts 1/k when it serves k matters; the same
 * for the desks on a break. A ticket sent to one desk has that desk alone (its hand-overs go first there).
 */
export function deskShares(
  matterId: string,
  deskId: string | null,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
): { open: number; paused: number } {
  let open = 0;
  let paused = 0;
  for (const cfg of configs) {
    const share = deskId !== null ? (cfg.id === deskId ? 1 : 0) : cfg.matterIds.includes(matterId) ? 1 / cfg.matterIds.length : 0;
    if (share === 0) continue;
    if (desks.get(cfg.id)?.status === "open") open += share;
    else paused += share;
  }
  return { open, paused };
}

export interface RangeQuestion {
  matterId: string;
  deskId: string | null;
  ahead: number;
  serviceMinutes: number;
  observedMs: readonly number[];
  /** When the matter's tickets were called (ms), at least those of the last hour: how fast its line moves. */
  calledAt: readonly number[];
}

/** The calls of the last hour, per matter, from the day's tickets (a recalled ticket counts once, at its last call). */
export function lineCalls(tickets: Iterable<Ticket>, now: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of tickets) {
    if (t.calledAt === null || t.calledAt > now || t.calledAt <= now - LINE_WINDOW_MINUTES * 60_000) continue;
    const arr = out.get(t.matterId);
    if (arr) arr.push(t.calledAt);
    else out.set(t.matterId, [t.calledAt]);
  }
  return out;
}

/** A queue's calls of the last hour per matter (lineCalls): from its tally's calls when it has one. */
export function queueLineCalls(state: QueueState, now: number): Map<string, number[]> {
  if (!state.tally) return lineCalls(state.tickets.values(), now);
  const out = new Map<string, number[]>();
  for (const [matterId, calls] of state.tally.calls) {
    const arr = lastHour(calls.values(), now);
    if (arr.length) out.set(matterId, arr);
  }
  return out;
}

/**
 * One matter's calls of the last hour (queueLineCalls, for one line): from its tally's calls of that matter
 * alone, so a walk-in's forecast reads its own line's calls, not the whole day's.
 */
export function queueLineCallsOf(state: QueueState, matterId: string, now: number): number[] {
  if (!state.tally) return lineCalls(state.tickets.values(), now).get(matterId) ?? [];
  const calls = state.tally.calls.get(matterId);
  return calls ? lastHour(calls.values(), now) : [];
}

function lastHour(calls: Iterable<number>, now: number): number[] {
  const from = now - LINE_WINDOW_MINUTES * 60_000;
  const out: number[] = [];
  for (const at of calls) if (at <= now && at > from) out.push(at);
  return out;
}

/** Open desks serving the matter (or the one desk a ticket is sent to) with nobody called to them now. */
export function idleDesks(
  matterId: string,
  deskId: string | null,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
): number {
  let n = 0;
  for (const cfg of configs) {
    if (deskId !== null ? cfg.id !== deskId : !cfg.matterIds.includes(matterId)) continue;
    const d = desks.get(cfg.id);
    if (d?.status === "open" && d.ticketId === null) n++;
  }
  return n;
}

/** Everything of the estimator's input but the people ahead: the same for every ticket of a matter (and desk) in one view. */
export type LineForecast = Omit<WaitRangeInput, "ahead">;

/**
 * The office as one line (a matter, or a ticket sent to one desk) sees it now. A view works this out once
 * per line and asks for each ticket's range with its own `ahead` (the e-ticket flush asks for hundreds).
 */
export function lineForecast(
  q: Omit<RangeQuestion, "ahead">,
  forecast: Forecast,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
): LineForecast {
  const all = [...configs];
  const shares = deskShares(q.matterId, q.deskId, all, desks);
  const due = q.deskId !== null ? [] : (forecast.bookingsDue.get(q.matterId) ?? []);
  return {
    serviceMinutes: q.serviceMinutes,
    // The estimator keeps only the recent measured services: the same samples, picked once.
    observedMs: q.observedMs.filter((ms) => ms >= SHORTEST_MEASURED_MS).slice(-MAX_SAMPLES),
    deskShare: shares.open,
    pausedDeskShare: shares.paused,
    bookingsDueInMinutes: due
      .filter((at) => at >= forecast.now)
      .map((at) => (at - forecast.now) / 60_000)
      .sort((a, b) => a - b),
    minutesToClose: forecast.closesAt === null ? null : Math.max(0, (forecast.closesAt - forecast.now) / 60_000),
    calledMinutesAgo: q.calledAt.map((at) => (forecast.now - at) / 60_000),
    idleDesks: idleDesks(q.matterId, q.deskId, all, desks),
  };
}

/** The range shown for a ticket with `ahead` people before it, as the office stands in `forecast`. */
export function forecastRange(
  q: RangeQuestion,
  forecast: Forecast,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
): WaitRange {
  return estimateWaitRange({ ...lineForecast(q, forecast, configs, desks), ahead: q.ahead });
}
