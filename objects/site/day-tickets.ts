// The tickets a site holds in memory (today's, and earlier days' still open), read from SQLite at the first
// look rather than when the object starts: a wake-up with thousands of tickets today answers a walk-in, which
// needs only the tickets' counts (objects/queue/tally.ts, counted in SQLite), without building them all.
import type { Ticket } from "../queue/model.ts";

/**
 * A map of tickets that reads them at its first look. Until then a `set` is dropped: memory follows only what
 * was written, so the rows read later hold it. The holder changes a ticket already stored only once they are
 * read (SiteMemory.prepare), so what it knows of a ticket before a change is never the change itself.
 */
export class DayTickets implements ReadonlyMap<string, Ticket> {
  private map: Map<string, Ticket> | null;
  private readonly reader: () => Iterable<Ticket>;

  // (Plain fields, not parameter properties: SiteMemory's tests run in Node, which only strips types.)
  private constructor(map: Map<string, Ticket> | null, read: () => Iterable<Ticket>) {
    this.map = map;
    this.reader = read;
  }

  /** Tickets read from `read` at the first look. */
  static later(read: () => Iterable<Ticket>): DayTickets {
    return new DayTickets(null, read);
  }

  /** Tickets already at hand. */
  static of(tickets: Map<string, Ticket>): DayTickets {
    return new DayTickets(tickets, () => tickets.values());
  }

  /** Whether the tickets have been read. */
  get loaded(): boolean {
    return this.map !== null;
  }

  /** The tickets, read now if they were not yet. */
  private all(): Map<string, Ticket> {
    if (this.map) return this.map;
    const map = new Map<string, Ticket>();
    for (const t of this.reader()) map.set(t.id, t);
    this.map = map;
    return map;
  }

  /** Reads the tickets now if they were not yet. */
  load(): void {
    this.all();
  }

  set(t: Ticket): void {
    this.map?.set(t.id, t);
  }

  get size(): number {
    return this.all().size;
  }
  get(id: string): Ticket | undefined {
    return this.all().get(id);
  }
  has(id: string): boolean {
    return this.all().has(id);
  }
  forEach(fn: (t: Ticket, id: string, map: ReadonlyMap<string, Ticket>) => void, thisArg?: unknown): void {
    for (const [id, t] of this.all()) fn.call(thisArg, t, id, this);
  }
  values(): MapIterator<Ticket> {
    return this.all().values();
  }
  keys(): MapIterator<string> {
    return this.all().keys();
  }
  entries(): MapIterator<[string, Ticket]> {
    return this.all().entries();
  }
  [Symbol.iterator](): MapIterator<[string, Ticket]> {
    return this.all().entries();
  }
}
