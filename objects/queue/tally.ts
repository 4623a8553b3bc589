// Counts over a queue's tickets that every hall view, kiosk and walk-in asks for: waiting per matter, walk-ins
// waiting for any desk per matter (the line a new ticket joins the end of), the day's walk-ins per number
// prefix (the daily caps), when each line's tickets were called (how fast it moves) and the latest taking
// time. The site keeps them as its tickets change rather than going through thousands of tickets at every
// change; anything without a tally counts them once (waitingTally, takenOn, queueLineCalls, aheadInQueue).
import { prefixOf, walkInsByPrefix } from "./intake.ts";
import type { QueueState, Ticket } from "./model.ts";
import { aheadOf, type PriorityOrder } from "./order.ts";

type Counts = Map<string, number>;

/**
 * What a tally counts, counted over a set of tickets without them (TicketTally.counted): waiting per matter,
 * of them waiting for any desk, the day's walk-ins per number prefix (prefixOf), every called ticket as
 * [matter, ticket id, called at], and the latest taking time (null for no ticket).
 */
export interface TallyCounts {
  waiting: Iterable<readonly [string, number]>;
  unassigned: Iterable<readonly [string, number]>;
  taken: Iterable<readonly [string, number]>;
  called: Iterable<readonly [string, string, number]>;
  latestTaken: number | null;
}

function add(counts: Counts, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

export class TicketTally {
  /** The local day whose walk-ins `taken` counts. */
  readonly day: string;
  private readonly waitingByMatter: Counts;
  private readonly unassignedByMatter: Counts;
  private readonly takenByPrefix: Counts;
  /** Per matter, every ticket called and when (ticket id → ms), whatever the time: the lines' calls are read from it. */
  private calledByMatter: Map<string, Map<string, number>>;
  /**
   * The matters whose calls this tally may change in place. A copy has its own map of matters but shares
   * each matter's calls with the tally it came from until either changes them: then that matter's are copied.
   */
  private ownedCalls: Set<string> | "all" = "all";
  /** The latest taking time of any ticket counted (it only grows: a ticket's taking time never changes). */
  private latestTaken: number;

  // (Plain fields, not parameter properties: the print agent runs the queue rules in Node, which only strips types.)
  private constructor(
    day: string,
    waiting: Counts,
    unassigned: Counts,
    taken: Counts,
    called: Map<string, Map<string, number>>,
    latestTaken: number,
  ) {
    this.day = day;
    this.waitingByMatter = waiting;
    this.unassignedByMatter = unassigned;
    this.takenByPrefix = taken;
    this.calledByMatter = called;
    this.latestTaken = latestTaken;
  }

  /** The counts of `tickets`, counted once. */
  static of(day: string, tickets: Iterable<Ticket>): TicketTally {
    const tally = new TicketTally(day, new Map(), new Map(), new Map(), new Map(), Number.NEGATIVE_INFINITY);
    for (const t of tickets) tally.count(t, 1);
    return tally;
  }

  /** A tally from counts made elsewhere (SQLite counts a stored day's tickets without reading them: TallyCounts). */
  static counted(day: string, c: TallyCounts): TicketTally {
    const called = new Map<string, Map<string, number>>();
    for (const [matterId, id, at] of c.called) {
      let calls = called.get(matterId);
      if (!calls) called.set(matterId, (calls = new Map()));
      calls.set(id, at);
    }
    return new TicketTally(
      day,
      new Map(c.waiting),
      new Map(c.unassigned),
      new Map(c.taken),
      called,
      c.latestTaken ?? Number.NEGATIVE_INFINITY,
    );
  }

  private count(t: Ticket, by: 1 | -1): void {
    if (t.status === "waiting") {
      add(this.waitingByMatter, t.matterId, by);
      if (t.deskId === null) add(this.unassignedByMatter, t.matterId, by);
    }
    if (t.day === this.day && t.source === "walk-in") add(this.takenByPrefix, prefixOf(t.number), by);
    if (t.calledAt !== null) {
      let calls = this.calledByMatter.get(t.matterId);
      if (this.ownedCalls !== "all" && !this.ownedCalls.has(t.matterId)) {
        calls = new Map(calls);
        this.calledByMatter.set(t.matterId, calls);
        this.ownedCalls.add(t.matterId);
      } else if (!calls) this.calledByMatter.set(t.matterId, (calls = new Map()));
      if (by === 1) calls.set(t.id, t.calledAt);
      else calls.delete(t.id);
    }
    if (by === 1 && t.takenAt > this.latestTaken) this.latestTaken = t.takenAt;
  }

  /** In place: `after` replaces `before` (undefined for a new ticket). Only the holder of the tickets calls it. */
  update(before: Ticket | undefined, after: Ticket): void {
    if (before) this.count(before, -1);
    this.count(after, 1);
  }

  /** A copy with `changes` made (each ticket's earlier row, or undefined, and its new one). */
  with(changes: Iterable<readonly [Ticket | undefined, Ticket]>): TicketTally {
    const next = new TicketTally(
      this.day,
      new Map(this.waitingByMatter),
      new Map(this.unassignedByMatter),
      new Map(this.takenByPrefix),
      new Map(this.calledByMatter),
      this.latestTaken,
    );
    // Each matter's calls are shared (a walk-in changes none): whichever tally changes them next copies them first.
    next.ownedCalls = new Set();
    this.ownedCalls = new Set();
    for (const [before, after] of changes) next.update(before, after);
    return next;
  }

  /** Tickets waiting per matter (the hall screens' counts). */
  get waiting(): ReadonlyMap<string, number> {
    return this.waitingByMatter;
  }

  /** Tickets waiting for any desk of the matter (not sent to one desk): a new walk-in has them all ahead. */
  get waitingUnassigned(): ReadonlyMap<string, number> {
    return this.unassignedByMatter;
  }

  /** Per matter, when each of its tickets was last called (ticket id → ms), whatever the time. */
  get calls(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    return this.calledByMatter;
  }

  /** The latest taking time of any ticket counted (a new ticket taken later is behind all of them). */
  get latestTakenAt(): number {
    return this.latestTaken;
  }

  /** Walk-in tickets taken on `day` per prefix (walkInsByPrefix), or null when this tally counts another day. */
  takenOn(day: string): ReadonlyMap<string, number> | null {
    return day === this.day ? this.takenByPrefix : null;
  }
}

/** A queue's waiting counts: its tally's, or its tickets counted now. */
export function waitingTally(state: QueueState): TicketTally {
  return state.tally ?? TicketTally.of("", state.tickets.values());
}

/** A queue's walk-ins taken on `day` per prefix: its tally's, or its tickets counted now. */
export function takenOn(state: QueueState, day: string): ReadonlyMap<string, number> {
  return state.tally?.takenOn(day) ?? walkInsByPrefix(day, state.tickets.values());
}

/**
 * People ahead of a ticket in its line (aheadOf). A plain walk-in taken after every ticket of a queue with a
 * tally, where priority tickets do not alternate with the others, stands behind everyone waiting for any
 * desk of its matter: the tally's count, without going through the day's tickets.
 */
export function aheadInQueue(t: Ticket, state: QueueState, order: PriorityOrder = "off"): number {
  const { tally } = state;
  if (
    tally &&
    t.status === "waiting" &&
    t.source === "walk-in" &&
    t.deskId === null &&
    t.priority !== true &&
    order !== "alternate" &&
    t.takenAt > tally.latestTakenAt
  )
    return tally.waitingUnassigned.get(t.matterId) ?? 0;
  return aheadOf(t, state.tickets.values(), order);
}
