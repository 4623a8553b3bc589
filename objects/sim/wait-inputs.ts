// The two estimators' inputs for a waiting ticket, computed as a site object does from what it knows:
// people ahead by the real queue order, the open desks of the matter (a desk shared by k matters counting
// 1/k for the range), the desks on a break, bookings of the matter still to join, the time to closing and
// the day's observed service durations.
import { openDesksFor } from "../queue/availability.ts";
import type { EstimateInput } from "../queue/estimate.ts";
import type { Desk, QueueState, Ticket } from "../queue/model.ts";
import type { DeskMatters } from "../queue/order.ts";
import type { WaitRangeInput } from "../queue/wait-range.ts";

/** What the site knows at a moment, besides the queue itself. */
export interface SiteKnowledge {
  now: number;
  configs: readonly DeskMatters[];
  state: QueueState;
  serviceMinutes: (matterId: string) => number;
  /** Served tickets' durations of the day per matter (finishedAt − startedAt), oldest first. */
  durations: ReadonlyMap<string, readonly number[]>;
  /** Booked visits of the day not yet in the queue: their matter and the instant they join. */
  upcomingBookings: readonly { matterId: string; at: number }[];
  /** When the office closes today. */
  closeAt: number;
  /** Instants of the first calls of the day's tickets, per matter they were called for. */
  firstCalls: ReadonlyMap<string, readonly number[]>;
}

/** How far back the line's calls are handed to the estimator. */
export const CALLS_WINDOW_MS = 60 * 60_000;

/** Desks of a matter in a status, each counting 1/k when it serves k matters. */
export function deskShareFor(
  matterId: string,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
  status: Desk["status"],
): number {
  let share = 0;
  for (const cfg of configs) {
    if (cfg.matterIds.includes(matterId) && desks.get(cfg.id)?.status === status) share += 1 / cfg.matterIds.length;
  }
  return share;
}

function isIdle(desk: Desk | undefined): boolean {
  return desk !== undefined && desk.status === "open" && desk.ticketId === null;
}

export function waitInputs(site: SiteKnowledge, t: Ticket, ahead: number): { range: WaitRangeInput; single: EstimateInput } {
  const observedMs = site.durations.get(t.matterId) ?? [];
  const serviceMinutes = site.serviceMinutes(t.matterId);
  const pinned = t.deskId !== null ? site.configs.filter((c) => c.id === t.deskId) : site.configs;
  const matterOf = (c: DeskMatters): DeskMatters => (t.deskId !== null ? { id: c.id, matterIds: [t.matterId] } : c);
  const configs = pinned.map(matterOf);
  // A booked ticket is ordered by its reserved time: bookings still to come join behind it.
  const bookingsDueInMinutes =
    t.source === "booking"
      ? []
      : site.upcomingBookings.filter((b) => b.matterId === t.matterId && b.at >= site.now).map((b) => (b.at - site.now) / 60_000);
  return {
    range: {
      ahead,
      serviceMinutes,
      observedMs,
      deskShare: deskShareFor(t.matterId, configs, site.state.desks, "open"),
      pausedDeskShare: deskShareFor(t.matterId, configs, site.state.desks, "paused"),
      bookingsDueInMinutes,
      minutesToClose: Math.max(0, (site.closeAt - site.now) / 60_000),
      calledMinutesAgo: (site.firstCalls.get(t.matterId) ?? [])
        .filter((at) => at <= site.now && at > site.now - CALLS_WINDOW_MS)
        .map((at) => (site.now - at) / 60_000),
      idleDesks: configs.filter((c) => c.matterIds.includes(t.matterId) && isIdle(site.state.desks.get(c.id))).length,
    },
    single: { ahead, serviceMinutes, openDesks: openDesksFor(t.matterId, configs, site.state.desks), observedMs },
  };
}
