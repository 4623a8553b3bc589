// Call order: which waiting ticket a desk takes next, and how many people are ahead of a ticket.
//
// Priority tickets (issue 14) within one matter's line, by the site's priority mode:
// - bookings due keep their place first, by their reserved time: a priority ticket never takes a booked
//   citizen's time, it goes ahead of walk-ins only;
// - "first": every priority walk-in before every normal walk-in, each group by the time taken;
// - "alternate": walk-in calls of the matter alternate, a priority ticket every second call when one
//   waits: after a normal walk-in call (or none yet today) a priority ticket is next, after a priority
//   call a normal one; when one group is empty the other follows in its order;
// - "off" (priority service turned off): the flag does not change the order.
// Tickets handed to one desk (transfers, which were called once already) put priority first in any
// mode but "off". People-ahead counts follow exactly the order "call next" takes.
import type { PriorityMode } from "../../protocol/config.ts";
import type { Ticket } from "./model.ts";

/** How a site's queue treats priority tickets: not at all, or by its mode. */
export type PriorityOrder = "off" | PriorityMode;

/** The order of a site's priority settings. */
export function priorityOrderOf(priority: { enabled: boolean; mode: PriorityMode }): PriorityOrder {
  return priority.enabled ? priority.mode : "off";
}

export interface DeskMatters {
  id: string;
  /** Matters served, in the desk's order of preference. */
  matterIds: readonly string[];
}

/**
 * Sort key within one matter's queue. A booking becomes a ticket only once it is
 * due (at its time, or at check-in), so every booked ticket here is due and goes
 * first, by
 * its reserved time; walk-ins follow by the time they took the ticket
 * (a transferred ticket keeps its original time).
 */
function queueKey(t: Ticket): [number, number] {
  return t.source === "booking" && t.reservedAt !== null ? [0, t.reservedAt] : [1, t.takenAt];
}

/**
 * The running part of a ticket's number (R012 → 12). Tickets taken in the same millisecond (two kiosks at
 * once, or a burst the object takes in one turn) go in the order they were numbered, not by their random ids.
 */
function serialOf(t: Ticket): number {
  const m = /\d+$/.exec(t.number);
  return m ? Number(m[0]) : 0;
}

export function compareInMatter(a: Ticket, b: Ticket): number {
  const [ga, ta] = queueKey(a);
  const [gb, tb] = queueKey(b);
  return ga - gb || ta - tb || a.takenAt - b.takenAt || serialOf(a) - serialOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a waiting ticket is in this desk's queue at all. */
export function deskMayTake(desk: DeskMatters, t: Ticket): boolean {
  if (t.status !== "waiting") return false;
  if (t.deskId !== null) return t.deskId === desk.id;
  return desk.matterIds.includes(t.matterId);
}

/**
 * The waiting tickets a desk may call, in the order "call next" takes them:
 * the desk's matters in its order of preference (a ticket transferred to this
 * very desk counts as its first preference), within a matter its line order
 * (compareInMatter, and priority by the site's order).
 */
export function deskQueue(desk: DeskMatters, tickets: Iterable<Ticket>, order: PriorityOrder = "off"): Ticket[] {
  const all = [...tickets];
  const rank = (t: Ticket): number => (t.deskId === desk.id ? -1 : desk.matterIds.indexOf(t.matterId));
  const groups = new Map<number, Ticket[]>();
  for (const t of all) {
    if (!deskMayTake(desk, t)) continue;
    const r = rank(t);
    let arr = groups.get(r);
    if (!arr) groups.set(r, (arr = []));
    arr.push(t);
  }
  const next = order === "alternate" ? priorityNextByMatter(all) : null;
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([r, line]) => lineOrder(line, r === -1 ? handOverOrder(order) : order, next?.get(line[0]?.matterId ?? "") ?? true));
}

/** Hand-overs to one desk mix matters and were called once already: priority first unless the site has it off. */
function handOverOrder(order: PriorityOrder): PriorityOrder {
  return order === "off" ? "off" : "first";
}

function isPriorityWalkIn(t: Ticket): boolean {
  return t.priority === true && !(t.source === "booking" && t.reservedAt !== null);
}

function isBookingDue(t: Ticket): boolean {
  return t.source === "booking" && t.reservedAt !== null;
}

/**
 * For "alternate": per matter, whether its next walk-in call is a priority ticket's turn, from the
 * latest walk-in call of the matter (a ticket no longer waiting, by its call time): true unless that
 * call was of a priority ticket. A matter without calls starts with priority.
 */
export function priorityNextByMatter(tickets: Iterable<Ticket>): Map<string, boolean> {
  const latest = new Map<string, Ticket>();
  for (const t of tickets) {
    if (t.calledAt === null || t.status === "waiting" || isBookingDue(t)) continue;
    const seen = latest.get(t.matterId);
    if (!seen || (seen.calledAt ?? 0) < t.calledAt) latest.set(t.matterId, t);
  }
  const next = new Map<string, boolean>();
  for (const [matterId, t] of latest) next.set(matterId, t.priority !== true);
  return next;
}

/**
 * One line's waiting tickets in call order: bookings due first, then walk-ins as the priority order
 * says; `priorityNext`: in "alternate", whether a priority ticket has the next walk-in turn.
 */
export function lineOrder(line: readonly Ticket[], order: PriorityOrder, priorityNext: boolean): Ticket[] {
  const sorted = [...line].sort(compareInMatter);
  if (order === "off") return sorted;
  const booked = sorted.filter(isBookingDue);
  const priority = sorted.filter((t) => !isBookingDue(t) && isPriorityWalkIn(t));
  const normal = sorted.filter((t) => !isBookingDue(t) && !isPriorityWalkIn(t));
  if (order === "first") return [...booked, ...priority, ...normal];
  const [lead, other] = priorityNext ? [priority, normal] : [normal, priority];
  const walkIns: Ticket[] = [];
  for (let i = 0; i < Math.max(lead.length, other.length); i++) {
    for (const t of [lead[i], other[i]]) if (t) walkIns.push(t);
  }
  return [...booked, ...walkIns];
}

/** Tickets a desk put aside after "Nie zgłosił się", earliest recall first. */
export function missedAtDesk(deskId: string, tickets: Iterable<Ticket>): Ticket[] {
  const out: Ticket[] = [];
  for (const t of tickets) if (t.status === "missed" && t.deskId === deskId) out.push(t);
  return out.sort((a, b) => (a.recallAt ?? 0) - (b.recallAt ?? 0) || compareInMatter(a, b));
}

/** The line a waiting ticket stands in: its matter's, or the one desk's it was handed to. */
function lineOf(t: Ticket): string {
  return t.deskId !== null ? `desk:${t.deskId}` : `matter:${t.matterId}`;
}

/**
 * People ahead of every waiting ticket, computed in one pass: tickets of the
 * same matter (or, for a ticket sent to one desk, of that desk's hand-overs)
 * that "call next" takes before it (lineOrder).
 */
export function waitingAheadAll(tickets: Iterable<Ticket>, order: PriorityOrder = "off"): Map<string, number> {
  const all = [...tickets];
  const lines = new Map<string, Ticket[]>();
  for (const t of all) {
    if (t.status !== "waiting") continue;
    const line = lineOf(t);
    let arr = lines.get(line);
    if (!arr) lines.set(line, (arr = []));
    arr.push(t);
  }
  const next = order === "alternate" ? priorityNextByMatter(all) : null;
  const ahead = new Map<string, number>();
  for (const [key, arr] of lines) {
    const handOver = key.startsWith("desk:");
    const ordered = lineOrder(arr, handOver ? handOverOrder(order) : order, next?.get(arr[0]?.matterId ?? "") ?? true);
    ordered.forEach((t, i) => ahead.set(t.id, i));
  }
  return ahead;
}

/**
 * People ahead of one waiting ticket in its line: what waitingAheadAll gives it, in one pass without
 * sorting (counts of the bookings due, priority and normal walk-ins before it and in all).
 */
export function aheadOf(t: Ticket, tickets: Iterable<Ticket>, order: PriorityOrder = "off"): number {
  const handOver = t.deskId !== null;
  const mode = handOver ? handOverOrder(order) : order;
  let plain = 0;
  let booked = 0;
  const before = { priority: 0, normal: 0 };
  const total = { priority: 0, normal: 0 };
  const latest = { at: -1, priority: false };
  for (const x of tickets) {
    if (
      mode === "alternate" &&
      !handOver &&
      x.matterId === t.matterId &&
      x.calledAt !== null &&
      x.status !== "waiting" &&
      !isBookingDue(x)
    ) {
      if (x.calledAt > latest.at) {
        latest.at = x.calledAt;
        latest.priority = x.priority === true;
      }
    }
    if (x.status !== "waiting" || x.id === t.id || x.deskId !== t.deskId) continue;
    if (!handOver && x.matterId !== t.matterId) continue;
    const earlier = compareInMatter(x, t) < 0;
    if (earlier) plain++;
    if (isBookingDue(x)) {
      booked++;
      continue;
    }
    const group = isPriorityWalkIn(x) ? "priority" : "normal";
    total[group]++;
    if (earlier) before[group]++;
  }
  if (mode === "off" || isBookingDue(t)) return plain;
  const own = isPriorityWalkIn(t) ? "priority" : "normal";
  const other = own === "priority" ? "normal" : "priority";
  const k = before[own];
  if (mode === "first") return booked + k + (own === "priority" ? 0 : total.priority);
  const leads = (own === "priority") === (latest.at < 0 || !latest.priority);
  return booked + k + Math.min(leads ? k : k + 1, total[other]);
}

/**
 * People ahead of a walk-in ticket of the matter that would be taken `now` (not in the queue yet), in the
 * order "call next" would take it: a priority one in its own place by the site's order (behind the
 * bookings due and the priority tickets already waiting, ahead of normal walk-ins in "first"), a normal
 * one behind the line.
 */
export function aheadOfNewWalkIn(
  matterId: string,
  priority: boolean,
  now: number,
  tickets: Iterable<Ticket>,
  order: PriorityOrder = "off",
): number {
  const newcomer: Ticket = {
    // The largest number and id: taken in the same millisecond as another, it still stands behind it.
    id: "\uffff",
    token: "",
    day: "",
    number: String(Number.MAX_SAFE_INTEGER),
    matterId,
    source: "walk-in",
    status: "waiting",
    takenAt: now,
    reservedAt: null,
    ...(priority ? { priority: true } : {}),
    deskId: null,
    misses: 0,
    recallAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
  };
  return aheadOf(newcomer, tickets, order);
}
