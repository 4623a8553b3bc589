// The written rules by which the site object applies one entry of its agent's offline log to the queue as
// the cloud has it now. The entry is not decided again: the agent's rules ran in the hall, and the person
// called offline is the one who came to the desk. What the cloud changed meanwhile is settled so:
// - a ticket ended online (cancelled, removed) and only called or missed offline: the online end stands
//   (`ended-online-stands`); its offline calls are not recorded;
// - a ticket ended online but served (or being served) offline: the service happened, the offline record
//   wins (`served-offline-wins`);
// - a ticket changed online and offline while still in the queue (called again online after the hall's
//   last call of it): the hall's state wins (`hall-wins`);
// - a desk the agent left pointing at a ticket whose online end stands is freed (`desk-freed`);
// - a booking that joined online while the office was cut off is simply in the cloud's queue: the entry
//   does not name it, so it keeps its place by its reserved time.
// An entry is also held to what the site knows (ReplayBounds): a walk-in of an unknown matter, of a day far
// off, numbered outside the agent's block or with an e-ticket secret not of this site or already given is
// not inserted; an offline row never renames a ticket (its day, number, source and times of joining stay the
// cloud's) and names no unknown matter or desk; a call names its ticket's number at a known desk.
// Pure: it reads tickets through `ticketOf` and returns the rows to write.
import type { ConflictRule, ContinuityTicket, OfflineDeskAction, OfflineEntry, OfflineIssue } from "../../protocol/continuity.ts";
import { assertNever } from "../../protocol/live-wire.ts";
import type { CallEvent, Desk, Ticket } from "../queue/model.ts";
import { isActive } from "../queue/model.ts";

export interface Conflict {
  seq: number;
  ticketId: string;
  rule: ConflictRule;
}

/** What one entry writes: ticket rows (a new one with the kiosk that printed it), desks, calls, the wait shown at issue. */
export interface AppliedEntry {
  tickets: { ticket: Ticket; kioskId: string | null }[];
  desks: Desk[];
  calls: CallEvent[];
  estimates: { ticketId: string; minutes: number; low: number; high: number }[];
  conflicts: Conflict[];
}

/** What the site knows that bounds the entries of its agent's log. */
export interface ReplayBounds {
  /** The numbers an offline walk-in of this day and matter may carry (the agent's block; null: none may be issued). */
  numbers(day: string, matterId: string): { first: number; last: number } | null;
  /** The matter's number prefix (undefined: no such matter). */
  prefixOf(matterId: string): string | undefined;
  hasDesk(deskId: string): boolean;
  /** Whether an e-ticket secret is of this site and not yet any ticket's. */
  tokenFree(token: string): boolean;
}

/** How one offline row of a known ticket is settled: the row to write (null: the cloud's stands) and the rule, if one applied. */
export interface Settled {
  ticket: Ticket | null;
  rule: ConflictRule | null;
}

/** The ticket as the agent recorded it, with what only the cloud holds (its e-ticket secret, its flags). */
function laidOver(current: Ticket, row: ContinuityTicket): Ticket {
  const { priority: _p, interpreter: _i, ...rest } = row;
  return {
    ...rest,
    // What the ticket is stays the cloud's: the hall changes only where it is in the queue.
    id: current.id,
    day: current.day,
    number: current.number,
    source: current.source,
    takenAt: current.takenAt,
    reservedAt: current.reservedAt,
    token: current.token,
    ...(current.priority ? { priority: true } : {}),
    ...(current.interpreter ? { interpreter: true } : {}),
  };
}

function sameState(a: Ticket, b: ContinuityTicket): boolean {
  return (
    a.status === b.status &&
    a.deskId === b.deskId &&
    a.matterId === b.matterId &&
    a.misses === b.misses &&
    a.recallAt === b.recallAt &&
    a.calledAt === b.calledAt &&
    a.startedAt === b.startedAt &&
    a.finishedAt === b.finishedAt
  );
}

/** The cloud called or started the ticket after the hall last did: it moved online while the office was cut off. */
function movedOnline(current: Ticket, row: ContinuityTicket): boolean {
  return (current.calledAt ?? -1) > (row.calledAt ?? -1) || (current.startedAt ?? -1) > (row.startedAt ?? -1);
}

/** One offline row of a ticket against the cloud's row of it (undefined: the cloud does not know it, nothing to write). */
export function settle(current: Ticket | undefined, row: ContinuityTicket): Settled {
  if (!current || sameState(current, row)) return { ticket: null, rule: null };
  if (!isActive(current)) {
    const servedOffline = (row.status === "served" || row.status === "serving") && current.status !== "served";
    return servedOffline ? { ticket: laidOver(current, row), rule: "served-offline-wins" } : { ticket: null, rule: "ended-online-stands" };
  }
  return { ticket: laidOver(current, row), rule: movedOnline(current, row) ? "hall-wins" : null };
}

/** Whether an offline walk-in is one the agent could have issued: a new waiting ticket of a known matter, numbered from its block. */
export function issuable(t: OfflineIssue["ticket"], bounds: ReplayBounds): boolean {
  const prefix = bounds.prefixOf(t.matterId);
  const range = bounds.numbers(t.day, t.matterId);
  if (prefix === undefined || !range) return false;
  const m = /^([A-Z]{1,2})(\d{3,6})$/.exec(t.number);
  const n = Number(m?.[2]);
  if (m?.[1] !== prefix || n < range.first || n > range.last) return false;
  const fresh =
    t.source === "walk-in" &&
    t.status === "waiting" &&
    t.reservedAt === null &&
    t.deskId === null &&
    t.misses === 0 &&
    t.recallAt === null &&
    t.calledAt === null &&
    t.startedAt === null &&
    t.finishedAt === null;
  return fresh && bounds.tokenFree(t.token);
}

/** How long before its entry a row's call, start or end may lie (one office day, and more). */
const ROW_SPAN_MS = 24 * 3_600_000;

/**
 * Whether an offline row names only what the site knows (its matter, and the desk it is at: an ended row's
 * desk may have gone since) and its times read as one service (called, started, finished in that order, none
 * after its entry nor a day before it): the statistics and the wait estimates learn from them.
 */
function known(row: ContinuityTicket, at: number, bounds: ReplayBounds): boolean {
  const atDesk = row.status === "called" || row.status === "serving";
  const times = [row.calledAt, row.startedAt, row.finishedAt].filter((t): t is number => t !== null);
  const inOrder = times.every((t, i) => t <= at && t >= at - ROW_SPAN_MS && (i === 0 || t >= (times[i - 1] ?? 0)));
  return inOrder && bounds.prefixOf(row.matterId) !== undefined && (row.deskId === null || !atDesk || bounds.hasDesk(row.deskId));
}

/** An offline walk-in: inserted as the agent issued and printed it (nothing when the cloud already has it, or it could not have been issued). */
function applyIssue(entry: OfflineIssue, ticketOf: (id: string) => Ticket | undefined, bounds: ReplayBounds): AppliedEntry {
  const empty: AppliedEntry = { tickets: [], desks: [], calls: [], estimates: [], conflicts: [] };
  if (ticketOf(entry.ticket.id) || !issuable(entry.ticket, bounds)) return empty;
  const { priority, interpreter, ...row } = entry.ticket;
  const ticket: Ticket = { ...row, ...(priority ? { priority: true } : {}), ...(interpreter ? { interpreter: true } : {}) };
  return {
    ...empty,
    tickets: [{ ticket, kioskId: entry.kioskId }],
    estimates: [{ ticketId: ticket.id, ...entry.estimate }],
  };
}

/** An offline desk command: the rows it recorded, each settled against the cloud's. */
function applyDesk(entry: OfflineDeskAction, ticketOf: (id: string) => Ticket | undefined, bounds: ReplayBounds): AppliedEntry {
  const tickets: AppliedEntry["tickets"] = [];
  const conflicts: Conflict[] = [];
  const standing = new Set<string>();
  const written = new Map<string, Ticket>();
  for (const row of entry.tickets) {
    if (!known(row, entry.at, bounds)) continue;
    const s = settle(ticketOf(row.id), row);
    if (s.ticket) {
      tickets.push({ ticket: s.ticket, kioskId: null });
      written.set(s.ticket.id, s.ticket);
    }
    if (s.rule === "ended-online-stands") standing.add(row.id);
    if (s.rule) conflicts.push({ seq: entry.seq, ticketId: row.id, rule: s.rule });
  }
  const endedOnline = (id: string): boolean => {
    if (standing.has(id)) return true;
    if (written.has(id)) return false;
    const t = ticketOf(id);
    return t !== undefined && !isActive(t);
  };
  const ticketNow = (id: string): Ticket | undefined => written.get(id) ?? ticketOf(id);
  const desks = entry.desks.map((d): Desk => {
    // A desk is not left holding a ticket the site does not know.
    if (d.ticketId !== null && !ticketNow(d.ticketId)) return { ...d, ticketId: null };
    if (d.ticketId === null || !endedOnline(d.ticketId)) return d;
    conflicts.push({ seq: entry.seq, ticketId: d.ticketId, rule: "desk-freed" });
    return { ...d, ticketId: null };
  });
  const calls = entry.calls.filter(
    (c) => !standing.has(c.ticketId) && ticketNow(c.ticketId)?.number === c.number && bounds.hasDesk(c.deskId),
  );
  return { tickets, desks, calls, estimates: [], conflicts };
}

/** One entry of the offline log applied to the queue as `ticketOf` reads it. */
export function applyEntry(entry: OfflineEntry, ticketOf: (id: string) => Ticket | undefined, bounds: ReplayBounds): AppliedEntry {
  switch (entry.type) {
    case "issue":
      return applyIssue(entry, ticketOf, bounds);
    case "desk":
      return applyDesk(entry, ticketOf, bounds);
    default:
      return assertNever(entry);
  }
}

/** Whether the entries of one request follow each other by seq (1, 2, 3…), as the agent logged them. */
export function consecutive(entries: readonly { seq: number }[]): boolean {
  return entries.every((e, i) => i === 0 || e.seq === (entries[i - 1]?.seq ?? 0) + 1);
}

/**
 * The entries of a request still to apply after `through` (the highest seq applied): null when the first of
 * them is not the next one (an earlier entry is missing).
 */
export function unapplied<E extends { seq: number }>(entries: readonly E[], through: number): E[] | null {
  const rest = entries.filter((e) => e.seq > through);
  if (rest.length && rest[0]?.seq !== through + 1) return null;
  return rest;
}

/**
 * Desks of the cloud that still point at a ticket the replay moved elsewhere or ended (the hall's state
 * won over an online call): freed, so no two desks hold one ticket. `rows` are the tickets the replay
 * writes, `replayed` the desks it writes itself.
 */
export function desksLeftBehind(desks: Iterable<Desk>, rows: ReadonlyMap<string, Ticket>, replayed: ReadonlySet<string>): Desk[] {
  const out: Desk[] = [];
  for (const d of desks) {
    if (replayed.has(d.id) || d.ticketId === null) continue;
    const t = rows.get(d.ticketId);
    if (t && (t.deskId !== d.id || !isActive(t) || t.status === "waiting" || t.status === "missed")) out.push({ ...d, ticketId: null });
  }
  return out;
}
