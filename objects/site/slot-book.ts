// The visits holding each slot, kept in memory: confirmed and checked-in bookings, and pending ones until
// their hold ends. Judging a slot (a hold in a booking storm, the availability of a whole horizon) reads no
// SQLite. Loaded by one query the first time a slot is judged (a wake-up that books nothing pays nothing)
// and moved on by the booking rows each change writes, after the write, like the rest of the site's memory.
import type { Booking, BookingStatus } from "./booking-store.ts";

/** What a slot is judged by. */
export interface SlotHolder {
  id: string;
  matterId: string;
  startAt: number;
  status: BookingStatus;
  holdUntil: number;
}

/** Visits holding each slot of a matter in [from, to) at `now`: slot start → count. */
export interface SlotCounts {
  taken(matterId: string, from: number, to: number, now: number): Map<number, number>;
}

/** Whether a booking holds its slot at `now`. */
const holds = (b: SlotHolder, now: number): boolean =>
  b.status === "confirmed" || b.status === "checked-in" || (b.status === "pending" && b.holdUntil > now);

/** Whether a booking may ever hold its slot again (a cancelled or expired one never does). */
const mayHold = (status: BookingStatus): boolean => status === "confirmed" || status === "checked-in" || status === "pending";

export class SlotBook implements SlotCounts {
  /** matter → slot start → booking id → holder. */
  private byMatter: Map<string, Map<number, Map<string, SlotHolder>>> | null = null;
  /** booking id → its holder (to move or drop it). */
  private readonly byId = new Map<string, SlotHolder>();

  /** `load`: the bookings that may hold a slot (see BookingStore.slotHolders). */
  constructor(private readonly load: () => Iterable<SlotHolder>) {}

  taken(matterId: string, from: number, to: number, now: number): Map<number, number> {
    const out = new Map<number, number>();
    const slots = this.loaded().get(matterId);
    if (!slots) return out;
    const count = (start: number, visits: Map<string, SlotHolder>) => {
      let n = 0;
      for (const b of visits.values()) if (holds(b, now)) n++;
      if (n) out.set(start, n);
    };
    // One slot asked for (a hold): looked up, not searched.
    if (to - from === 1) {
      const visits = slots.get(from);
      if (visits) count(from, visits);
      return out;
    }
    for (const [start, visits] of slots) if (start >= from && start < to) count(start, visits);
    return out;
  }

  /** After a write: each booking row as stored now. */
  update(bookings: readonly Booking[]): void {
    if (!this.byMatter) return; // not loaded yet: the first judgement reads them all from SQLite
    for (const b of bookings) {
      this.remove(b.id);
      if (mayHold(b.status)) this.add({ id: b.id, matterId: b.matterId, startAt: b.startAt, status: b.status, holdUntil: b.holdUntil });
    }
  }

  /** Slots that have begun before `before` are forgotten (a new day). */
  forgetBefore(before: number): void {
    for (const b of [...this.byId.values()]) if (b.startAt < before) this.remove(b.id);
  }

  private loaded(): Map<string, Map<number, Map<string, SlotHolder>>> {
    if (this.byMatter) return this.byMatter;
    this.byMatter = new Map();
    for (const b of this.load()) if (mayHold(b.status)) this.add(b);
    return this.byMatter;
  }

  private add(b: SlotHolder): void {
    const byMatter = this.loaded();
    let slots = byMatter.get(b.matterId);
    if (!slots) byMatter.set(b.matterId, (slots = new Map()));
    let visits = slots.get(b.startAt);
    if (!visits) slots.set(b.startAt, (visits = new Map()));
    visits.set(b.id, b);
    this.byId.set(b.id, b);
  }

  private remove(id: string): void {
    const b = this.byId.get(id);
    if (!b) return;
    this.byId.delete(id);
    const slots = this.byMatter?.get(b.matterId);
    const visits = slots?.get(b.startAt);
    visits?.delete(id);
    if (visits?.size === 0) slots?.delete(b.startAt);
  }
}
