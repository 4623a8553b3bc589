// What a rule may read of a site, and the rows it means to write. A rule reads the stores through this
// and records its writes here (reading its own writes back); the commit path writes them afterwards, in
// one transaction with the rest of the rule's change. Nothing here touches storage for writing.

import { skipBlocks } from "../continuity/blocks.ts";
import type { QueueState } from "../queue/model.ts";
import type { Booking, BookingStore } from "./booking-store.ts";
import type { Change } from "./change.ts";
import type { ConsoleSessions } from "./console-sessions.ts";
import type { ContinuityStore } from "./continuity-store.ts";
import type { CutOffOverrides } from "./cut-off-overrides.ts";
import type { DayAggregates } from "./day-aggregates.ts";
import type { MessageStore } from "./message-store.ts";
import type { NoticeBook, NoticeStore } from "./notify.ts";
import type { Numbering } from "./numbering.ts";
import type { PrinterStore } from "./printer-store.ts";
import type { PushBook, PushStore } from "./push-store.ts";
import type { QueueStore } from "./queue-store.ts";
import type { SiteIndex } from "./site-index.ts";
import type { SlotCounts } from "./slot-book.ts";
import type { SiteStore } from "./store.ts";
import type { VisitStore } from "./visit-store.ts";

/** What the Worker configured the object with: secrets and the public address of the links it sends. */
export interface SiteSettings {
  secret: string;
  publicUrl: string;
}

/** The site's SQLite rows, each capability's in its own store. */
export interface SiteStores {
  site: SiteStore;
  queue: QueueStore;
  bookings: BookingStore;
  messages: MessageStore;
  printers: PrinterStore;
  notices: NoticeStore;
  push: PushStore;
  visits: VisitStore;
  consoles: ConsoleSessions;
  aggregates: DayAggregates;
  continuity: ContinuityStore;
}

/** A site as a rule sees it: the time, the day, the configuration, the queue in memory and the stores to read. */
export interface SiteRead {
  now: number;
  day: string;
  index: SiteIndex | null;
  queue: QueueState;
  /** Service durations of the day per matter (the wait estimate learns from them). */
  durations: ReadonlyMap<string, readonly number[]>;
  /** Today's confirmed bookings not yet in the queue: their slot times per matter (the wait range counts them). */
  bookingsDue: ReadonlyMap<string, readonly number[]>;
  /** The visits holding each slot (objects/site/slot-book.ts). */
  slots: SlotCounts;
  /** The day's ticket counters and the numbers set aside for the agent (objects/site/numbering.ts). */
  numbering: Numbering;
  /** The matters whose closing cut-off a manager lifted, and the day they were lifted on. */
  cutOffOverrides: CutOffOverrides | null;
  /** When the stored cut-off timer is due (null: none). */
  cutOffDue: number | null;
  notices: NoticeBook;
  /** E-ticket browser push subscriptions. */
  push: PushBook;
  stores: SiteStores;
  settings: SiteSettings;
}

/** A site whose configuration is known. */
export type ConfiguredRead = SiteRead & { index: SiteIndex };

/** Booking rows and ticket counters a rule has decided, read back by the same rule. */
export class Draft {
  private readonly rows = new Map<string, Booking>();
  private readonly counters = new Map<string, { day: string; matterId: string; value: number }>();

  constructor(private readonly read: SiteRead) {}

  booking(id: string): Booking | null {
    return this.rows.get(id) ?? this.read.stores.bookings.get(id);
  }

  bookingByCheckInCode(code: string): Booking | null {
    const b = this.read.stores.bookings.byCheckInCode(code);
    return b ? this.booking(b.id) : null;
  }

  putBooking(b: Booking): void {
    this.rows.set(b.id, b);
  }

  /** The next number of a matter on a local day, past the blocks set aside for offline use (objects/continuity/blocks.ts). */
  nextNumber(day: string, matterId: string): number {
    const key = `${day}|${matterId}`;
    const counter = this.counters.get(key)?.value ?? this.read.numbering.counter(day, matterId);
    const value = skipBlocks(counter + 1, this.read.numbering.blocksOn(day, matterId));
    this.counters.set(key, { day, matterId, value });
    return value;
  }

  /** The rows recorded, as a change. */
  change(): Change {
    const out: Change = {};
    if (this.rows.size) out.bookings = [...this.rows.values()];
    if (this.counters.size) out.counters = [...this.counters.values()];
    return out;
  }
}
