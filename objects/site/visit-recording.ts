// How a committed change moves the visit records of the tickets it writes (objects/statistics/visit-log.ts,
// a plain function), inside the commit's transaction and before the ticket rows are written: each ticket
// is compared with what memory held of it until now. A ticket the change issued that is still waiting
// keeps its first part in its own row (objects/site/visit-store.ts): such parts are returned for the
// ticket rows instead of written. Replayed offline steps write every part, since a later step reads it back.
import type { SiteConfig } from "../../protocol/config.ts";
import { isActive, type Ticket } from "../queue/model.ts";
import type { VisitChannel, VisitRecord } from "../statistics/records.ts";
import { visitUpdates } from "../statistics/visit-log.ts";
import type { Change, ReplayedStep, TicketWrite } from "./change.ts";
import { keepable, type VisitStore } from "./visit-store.ts";

/** No first parts kept in tickets' rows. */
const NONE_KEPT: ReadonlyMap<string, VisitRecord> = new Map();

/** How a ticket came, for its visit's first part. */
function channelOf(write: TicketWrite, c: Change, config: SiteConfig | undefined): VisitChannel {
  if (write.ticket.source === "booking") return config?.booking.checkIn === "kiosk" ? "booking-kiosk" : "booking-auto";
  return write.kioskId || !c.actor ? "kiosk" : "clerk";
}

/**
 * Moves on the visit of each ticket the change writes, `before` giving the ticket as it was. Returns the
 * first parts to keep in their tickets' rows (by ticket id) when `keepFresh`; writes every other part.
 */
export function recordVisits(
  visits: VisitStore,
  c: Change,
  now: number,
  config: SiteConfig | undefined,
  before: (write: TicketWrite) => Ticket | undefined,
  keepFresh: boolean,
): ReadonlyMap<string, VisitRecord> {
  if (!c.tickets?.length) return NONE_KEPT;
  const kept = new Map<string, VisitRecord>();
  const departments = new Map<string, string>();
  for (const d of config?.departments ?? []) for (const m of d.matters) departments.set(m.id, d.id);
  const estimates = new Map((c.estimates ?? []).map((e) => [e.ticketId, e]));
  for (const write of c.tickets) {
    const { ticket, fresh } = write;
    const shown = estimates.get(ticket.id);
    const rows = visitUpdates(before(write), ticket, fresh ? undefined : visits.latest(ticket.id), c.calls ?? [], {
      now,
      clerk: c.actor ?? null,
      departmentOf: (m) => departments.get(m) ?? "",
      channel: channelOf(write, c, config),
      estimate: shown?.minutes ?? null,
      range: shown ? { low: shown.low, high: shown.high } : null,
    });
    // Only a ticket still waiting, never called: its next change (at the latest the day's end) gives the part its row.
    const [first] = rows;
    if (keepFresh && fresh && first && rows.length === 1 && keepable(first)) kept.set(ticket.id, first);
    else for (const r of rows) visits.put(r);
  }
  return kept;
}

/**
 * Replayed offline actions, one after the other: each moves the visits at its own time, by its own clerk.
 * `current` gives a ticket as memory holds it before the replay.
 */
export function recordReplayed(
  visits: VisitStore,
  steps: readonly ReplayedStep[],
  c: Change,
  config: SiteConfig | undefined,
  current: (id: string) => Ticket | undefined,
): void {
  const seen = new Map<string, Ticket>();
  const before = (id: string): Ticket | undefined => seen.get(id) ?? current(id);
  for (const step of steps) {
    // A visit the cloud ended meanwhile whose ticket the hall served (the offline record wins) is open again.
    for (const { ticket } of step.tickets) {
      const was = before(ticket.id);
      const part = was && !isActive(was) && ticket.status !== was.status ? visits.latest(ticket.id) : undefined;
      if (part && part.outcome !== "open") visits.put({ ...part, outcome: "open", endedAt: null });
    }
    const stepChange: Change = { tickets: step.tickets, calls: step.calls, estimates: step.estimates, actor: step.actor };
    recordVisits(visits, stepChange, step.at, config, (w) => before(w.ticket.id), false);
    for (const { ticket } of step.tickets) seen.set(ticket.id, ticket);
  }
}
