// Counts over a queue's tickets that every hall view, kiosk and walk-in asks for: waiting per matter, walk-ins
// waiting for any desk per matter (the line a new ticket joins the end of), and the day's walk-ins per
// number prefix (the daily caps). The site keeps them as its tickets change rather than counting thousands
// of tickets at every change; anything without a tally counts them once (tallyOf).
import { prefixOf, walkInsByPrefix } from "./intake.ts";
import type { QueueState, Ticket } from "./model.ts";

type Counts = Map<string, number>;

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

  // (Plain fields, not parameter properties: the print agent runs the queue rules in Node, which only strips types.)
  private constructor(day: string, waiting: Counts, unassigned: Counts, taken: Counts) {
    this.day = day;
    this.waitingByMatter = waiting;
    this.unassignedByMatter = unassigned;
    this.takenByPrefix = taken;
  }

  /** The counts of `tickets`, counted once. */
  static of(day: string, tickets: Iterable<Ticket>): TicketTally {
    const tally = new TicketTally(day, new Map(), new Map(), new Map());
    for (const t of tickets) tally.count(t, 1);
    return tally;
  }

  private count(t: Ticket, by: 1 | -1): void {
    if (t.status === "waiting") {
      add(this.waitingByMatter, t.matterId, by);
      if (t.deskId === null) add(this.unassignedByMatter, t.matterId, by);
    }
    if (t.day === this.day && t.source === "walk-in") add(this.takenByPrefix, prefixOf(t.number), by);
  }

  /** In place: `after` replaces `before` (undefined for a new ticket). Only the holder of the tickets calls it. */
  update(before: Ticket | undefined, after: Ticket): void {
    if (before) this.count(before, -1);
    this.count(after, 1);
  }

  /** A copy with `changes` made (each ticket's earlier row, or undefined, and its new one). */
  with(changes: Iterable<readonly [Ticket | undefined, Ticket]>): TicketTally {
    const next = new TicketTally(this.day, new Map(this.waitingByMatter), new Map(this.unassignedByMatter), new Map(this.takenByPrefix));
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
