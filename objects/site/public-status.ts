// A site's public status, built from memory in one pass: per matter whether a walk-in could take a ticket
// now, its open desks, people waiting, the numbers called and given out last, minutes of service per
// person and the wait range a ticket taken now would be shown. Read only, from memory and one keyed read of
// the day's cut-off overrides: the Worker caches the answer at the edge for 15 seconds, so this runs at most a
// few times a minute however many people read.
import type { PublicMatterStatus, PublicSiteStatus } from "../../protocol/public-status.ts";
import { openDesksFor } from "../queue/availability.ts";
import { calendarOf } from "../queue/calendar.ts";
import { walkInVerdict } from "../queue/intake.ts";
import type { Ticket } from "../queue/model.ts";
import { takenOn, waitingTally } from "../queue/tally.ts";
import { isoLocal, localTime } from "../queue/time.ts";
import { overriddenOn } from "./cut-off-overrides.ts";
import type { SiteRead } from "./draft.ts";
import { forecastAt } from "./forecast.ts";
import type { SiteIndex } from "./site-index.ts";
import { ViewBuilder } from "./views.ts";

/** Served visits of today a matter needs before its median replaces the configured minutes of service. */
const OBSERVED_ENOUGH = 3;

/** Minutes of service per person: today's median once enough were served, else the configured figure. */
export function serviceMinutesOf(configured: number, observedMs: readonly number[]): number {
  if (observedMs.length < OBSERVED_ENOUGH) return configured;
  const sorted = [...observedMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.max(1, Math.round(median / 60_000));
}

/** Per matter: the latest of today's tickets by a time (called, taken), or null. */
function latestBy(tickets: Iterable<Ticket>, day: string, at: (t: Ticket) => number | null): Map<string, Ticket> {
  const out = new Map<string, Ticket>();
  for (const t of tickets) {
    const when = at(t);
    if (t.day !== day || when === null) continue;
    const known = out.get(t.matterId);
    const knownAt = known ? at(known) : null;
    if (knownAt === null || when > knownAt) out.set(t.matterId, t);
  }
  return out;
}

/** The site's public status at `read.now`; null before the site is configured. */
export function publicStatus(
  read: Pick<SiteRead, "now" | "day" | "index" | "queue" | "durations" | "bookingsDue" | "cutOffOverrides">,
): PublicSiteStatus | null {
  const index: SiteIndex | null = read.index;
  if (!index) return null;
  const { config } = index;
  const { now, queue } = read;
  const views = new ViewBuilder(index, queue, read.durations, forecastAt(index, now, read.bookingsDue));
  const tickets = [...queue.tickets.values()];
  const waiting = waitingTally(queue).waiting;
  const taken = takenOn(queue, read.day);
  const lastCalled = latestBy(tickets, read.day, (t) => t.calledAt);
  const lastIssued = latestBy(tickets, read.day, (t) => t.takenAt);
  const site = {
    calendar: calendarOf(config),
    closedTemporarily: config.closure !== null,
    // A list, not an iterator: it is read once per matter.
    configs: [...index.desks.values()],
    desks: queue.desks,
  };
  const at = localTime(now, config.timeZone);
  // A matter closed for today by the closing cut-off is not open: the kiosk refuses it too.
  const overridden = overriddenOn(read.cutOffOverrides, read.day);
  const matters: PublicMatterStatus[] = config.departments.flatMap((d) =>
    d.matters.map((m) => {
      const open = walkInVerdict(site, at, m, taken, views.cutOff(m.id, overridden.has(m.id))) === null;
      const status: PublicMatterStatus = {
        id: m.id,
        name: m.name,
        departmentId: d.id,
        departmentName: d.name,
        prefix: m.prefix,
        open,
        openDesks: openDesksFor(m.id, index.desks.values(), queue.desks),
        waiting: waiting.get(m.id) ?? 0,
        lastCalled: lastCalled.get(m.id)?.number ?? null,
        lastIssued: lastIssued.get(m.id)?.number ?? null,
        serviceMinutes: serviceMinutesOf(m.serviceMinutes, read.durations.get(m.id) ?? []),
        waitRange: open ? views.newTicketRange(m.id) : null,
      };
      if (m.nameEn) status.nameEn = m.nameEn;
      if (m.nameUk) status.nameUk = m.nameUk;
      return status;
    }),
  );
  const iso = isoLocal(now, config.timeZone);
  return {
    siteId: config.id,
    name: config.name,
    city: config.city,
    address: config.address,
    timeZone: config.timeZone,
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    generatedAt: now,
    matters,
  };
}
