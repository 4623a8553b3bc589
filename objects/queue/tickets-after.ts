// The day's tickets after a few of them changed, read through the tickets before: nothing is copied.
import type { Ticket } from "./model.ts";

/**
 * The tickets after a change, as a read-only map over the tickets before and the changed ones. It reads
 * like the copy `new Map(before)` with the changed tickets set in order (a changed ticket keeps its place,
 * a new one comes last), for a fraction of the cost: a walk-in at a site with thousands of tickets today
 * copied them all to work out its own place. It is for a picture read at once and dropped (a command's
 * answer, the texts a change makes due); a state that is kept and changed again is copied (applyOutcome).
 * The tickets before must not change while it is read.
 */
/** %IteratorPrototype%: every built-in iterator's, with `[Symbol.iterator]` returning itself. */
const ITERATOR_PROTOTYPE: object = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

export class TicketsAfter implements ReadonlyMap<string, Ticket> {
  private readonly before: ReadonlyMap<string, Ticket>;
  private readonly changed: ReadonlyMap<string, Ticket>;
  /**
   * The changed tickets that were not there before, in the order they came: sorted out at the first need,
   * since a look at a changed ticket needs none of the tickets before (a site reads them only when asked).
   */
  private addedOnes: readonly Ticket[] | null = null;

  // (Plain fields, not parameter properties: the print agent runs these rules in Node, which only strips types.)
  /** `fresh`: every changed ticket is new (none is looked for among the tickets before). */
  constructor(before: ReadonlyMap<string, Ticket>, changes: Iterable<Ticket>, fresh?: true) {
    const changed = new Map<string, Ticket>();
    for (const t of changes) changed.set(t.id, t);
    this.before = before;
    this.changed = changed;
    if (fresh) this.addedOnes = [...changed.values()];
  }

  private get added(): readonly Ticket[] {
    this.addedOnes ??= [...this.changed.values()].filter((t) => !this.before.has(t.id));
    return this.addedOnes;
  }

  get size(): number {
    return this.before.size + this.added.length;
  }

  get(id: string): Ticket | undefined {
    return this.changed.get(id) ?? this.before.get(id);
  }

  has(id: string): boolean {
    return this.changed.has(id) || this.before.has(id);
  }

  /**
   * The tickets in the copy's order. A hand-written iterator over the map's own: a generator costs more per
   * ticket than the copy saves.
   */
  values(): MapIterator<Ticket> {
    const inner = this.before.values();
    const { changed, added } = this;
    // Only the tickets that were there before are looked up; with none of those changed, none is.
    const replaces = added.length < changed.size;
    let next = 0;
    // On the iterators' own prototype, as a map's iterator is (so the iterator helpers are there too).
    const it = Object.create(ITERATOR_PROTOTYPE) as { next(): IteratorResult<Ticket, undefined> };
    Object.assign(it, {
      next(): IteratorResult<Ticket, undefined> {
        if (next === 0) {
          const r = inner.next();
          if (!r.done) {
            if (!replaces) return r;
            const c = changed.get(r.value.id);
            return c ? { value: c, done: false } : r;
          }
          next = 1;
        }
        if (next <= added.length) return { value: added[next++ - 1] as Ticket, done: false };
        return { value: undefined, done: true };
      },
    });
    return it as unknown as MapIterator<Ticket>;
  }

  *keys(): MapIterator<string> {
    for (const t of this.values()) yield t.id;
  }

  *entries(): MapIterator<[string, Ticket]> {
    for (const t of this.values()) yield [t.id, t];
  }

  [Symbol.iterator](): MapIterator<[string, Ticket]> {
    return this.entries();
  }

  forEach(fn: (value: Ticket, key: string, map: ReadonlyMap<string, Ticket>) => void, thisArg?: unknown): void {
    for (const t of this.values()) fn.call(thisArg, t, t.id, this);
  }
}
