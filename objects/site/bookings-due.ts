// Today's confirmed bookings that have not joined the queue yet, per matter: the wait forecast counts each
// ahead of a walk-in still waiting at its time (objects/queue/wait-forecast.ts). SiteMemory keeps them,
// loaded by one indexed query when the object starts, a day begins or the configuration changes, and moved
// on by the booking rows each change writes; so no view reads SQLite for them.
import type { Booking } from "./booking-store.ts";

export interface DueBooking {
  id: string;
  matterId: string;
  startAt: number;
}

export class BookingsDue {
  private readonly rows: Map<string, DueBooking>;
  private perMatter: Map<string, number[]> | null = null;

  /** `from`, `to`: today's local midnights (a booking is due today when its slot starts in between). */
  constructor(
    rows: Iterable<DueBooking>,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.rows = new Map([...rows].map((r) => [r.id, r]));
  }

  /** After a write: a booking row is due while it is confirmed for today; checked in, cancelled or moved away, it is not. */
  update(bookings: readonly Booking[]): void {
    for (const b of bookings) {
      const due = b.status === "confirmed" && b.startAt >= this.from && b.startAt < this.to;
      if (due) this.rows.set(b.id, { id: b.id, matterId: b.matterId, startAt: b.startAt });
      else if (!this.rows.delete(b.id)) continue;
      this.perMatter = null;
    }
  }

  /** The slot times (ms) still due, per matter, earliest first. */
  byMatter(): ReadonlyMap<string, readonly number[]> {
    if (this.perMatter) return this.perMatter;
    const out = new Map<string, number[]>();
    for (const r of this.rows.values()) {
      const list = out.get(r.matterId);
      if (list) list.push(r.startAt);
      else out.set(r.matterId, [r.startAt]);
    }
    for (const list of out.values()) list.sort((a, b) => a - b);
    this.perMatter = out;
    return out;
  }
}

/** The bookings due without one slot of a matter (a booking joining now is no longer due ahead of itself). */
export function withoutSlot(
  due: ReadonlyMap<string, readonly number[]>,
  matterId: string,
  at: number | null,
): ReadonlyMap<string, readonly number[]> {
  const list = due.get(matterId);
  const i = at === null || !list ? -1 : list.indexOf(at);
  if (i < 0 || !list) return due;
  const out = new Map(due);
  out.set(matterId, [...list.slice(0, i), ...list.slice(i + 1)]);
  return out;
}
