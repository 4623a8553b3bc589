// What a site object keeps in memory for speed: the configuration's look-ups, today's tickets and the
// desks, recent calls, service durations, today's bookings still due, e-ticket requests, seq and the local day. Rebuilt from SQLite
// whenever the object starts (the tickets' counts at once, the tickets at the first look: day-tickets.ts); changed in one place
// only, after a change has been written.
import type { CallEvent, Desk, QueueState, Ticket } from "../queue/model.ts";
import { isActive, stateAfter } from "../queue/model.ts";
import { TicketTally } from "../queue/tally.ts";
import { localDate, nextLocalMidnight, zonedInstant } from "../queue/time.ts";
import type { BookingStore } from "./booking-store.ts";
import { BookingsDue } from "./bookings-due.ts";
import type { Change, TicketWrite } from "./change.ts";
import { type CutOffOverrides, storedOverrides } from "./cut-off-overrides.ts";
import { DayTickets } from "./day-tickets.ts";
import type { SiteStores } from "./draft.ts";
import { NoticeBook } from "./notify.ts";
import { NumberingMemory } from "./numbering.ts";
import { PushBook } from "./push-store.ts";
import { CUT_OFF_TIMER } from "./scheduler.ts";
import { indexSite, type SiteIndex } from "./site-index.ts";
import { SlotBook } from "./slot-book.ts";
import { DISPLAY_CALLS } from "./views.ts";

/** Slots that began longer ago than this are no longer judged (nobody books the past). */
const SLOTS_KEPT_MS = 2 * 86_400_000;
/** Service durations kept per matter for the estimate. */
const DURATIONS_KEPT = 50;

export class SiteMemory {
  index: SiteIndex | null = null;
  /** Today's tickets and earlier days' still open, read at the first look (objects/site/day-tickets.ts). */
  private tickets = DayTickets.of(new Map());
  private desks = new Map<string, Desk>();
  /** The tickets' counts, kept as they change (objects/queue/tally.ts). */
  private tally = TicketTally.of("", []);
  durations = new Map<string, number[]>();
  recentCalls: CallEvent[] = [];
  notices = new NoticeBook();
  push = new PushBook();
  seq = 0;
  /** The highest seq stored as reserved: seqs up to it need no write (objects/site/commit.ts). */
  seqCeiling = 0;
  day = "";
  /** E-ticket tokens → ticket ids, made at the first lookup (a wake-up reads thousands of tickets without it). */
  private byToken: Map<string, string> | null = null;
  private due = new BookingsDue([], 0, 0);
  /** The day's ticket counters and the agent's numbers (read from SQLite once each). */
  numbering = new NumberingMemory({ queue: { counter: () => 0 }, continuity: { blocksOn: () => [] } });
  /** The matters whose closing cut-off a manager lifted, with their day. */
  cutOffOverrides: CutOffOverrides | null = null;
  /** When the stored cut-off timer is due (null: none); every walk-in compares the one it works out with it. */
  cutOffDue: number | null = null;
  /** The visits holding each slot (judged without SQLite; loaded on first use). */
  slots = new SlotBook(() => []);
  private bookingStore: Pick<BookingStore, "confirmedBetween"> | null = null;

  /** Everything from SQLite: after eviction or hibernation nothing is lost. */
  load({ site, queue, notices, push, bookings, continuity }: SiteStores): void {
    const config = site.config();
    this.index = config ? indexSite(config) : null;
    // The stored ceiling, not the last seq used: a seq already sent is never sent again for a new state.
    this.seq = site.seq();
    this.seqCeiling = this.seq;
    this.day = site.getMeta("day") ?? localDate(Date.now(), config?.timeZone ?? "Europe/Warsaw");
    const day = this.day;
    // Thousands of tickets take longer to build than the rest of the start together: a walk-in needs only
    // their counts, which SQLite makes without reading them out.
    this.tickets = DayTickets.later(() => queue.loadTickets(day));
    this.desks = new Map(queue.loadDesks().map((d) => [d.id, d]));
    this.byToken = null;
    this.tally = TicketTally.counted(day, queue.tallyCounts(day));
    this.durations = queue.serviceDurations(day);
    this.recentCalls = queue.recentCalls(DISPLAY_CALLS, day);
    this.notices = new NoticeBook(notices.all());
    this.push = new PushBook(push.all());
    this.bookingStore = bookings;
    this.loadBookingsDue();
    this.slots = new SlotBook(() => bookings.slotHolders(Date.now() - SLOTS_KEPT_MS));
    this.cutOffOverrides = storedOverrides(site);
    this.cutOffDue = site.timerDueAt(CUT_OFF_TIMER);
    this.numbering = new NumberingMemory({ queue, continuity });
  }

  /** Today's confirmed bookings not yet in the queue, per matter (the wait forecast's bookings due). */
  get bookingsDue(): ReadonlyMap<string, readonly number[]> {
    return this.due.byMatter();
  }

  /** One indexed query: the bookings of today's local day, for the configured matters. */
  private loadBookingsDue(): void {
    const index = this.index;
    if (!index || !this.bookingStore || !this.day) {
      this.due = new BookingsDue([], 0, 0);
      return;
    }
    const from = zonedInstant(this.day, 0, index.config.timeZone);
    const to = nextLocalMidnight(from, index.config.timeZone);
    this.due = new BookingsDue(this.bookingStore.confirmedBetween([...index.matters.keys()], from, to), from, to);
  }

  /** The queue now: rules read it and never change it; only `apply` does, after a write. */
  get queue(): QueueState {
    return { tickets: this.tickets, desks: this.desks, tally: this.tally };
  }

  ticketId(token: string): string | undefined {
    this.byToken ??= new Map(Array.from(this.tickets.values(), (t) => [t.token, t.id]));
    return this.byToken.get(token);
  }

  /** The queue after a change, before it is written (read through the queue now): turn notices are computed from it. */
  queueAfter(change: Change): QueueState {
    if (!change.tickets?.length && !change.desks?.length && !change.removedDesks?.length) return this.queue;
    return stateAfter(this.queue, {
      tickets: (change.tickets ?? []).map((c) => c.ticket),
      ...(change.desks?.length ? { desks: change.desks } : {}),
      ...(change.removedDesks?.length ? { removedDesks: change.removedDesks } : {}),
    });
  }

  /**
   * Before the write: a change to a ticket already stored needs the tickets read (the tally takes the ticket
   * out as it was), and so does a new day (it keeps the tickets still open: read now, a failed read is the
   * command's failure, not a half-applied change); a change that only adds tickets does not. (The visits'
   * record looks each changed ticket up before the rows too; this does not leave it to that.)
   */
  prepare(change: Change): void {
    if (this.tickets.loaded) return;
    if (change.tickets?.some((c) => !c.fresh) || (change.day !== undefined && change.day !== this.day)) this.tickets.load();
  }

  /** Whether the tickets have been read since the object started (objects/site/day-tickets.ts). */
  get ticketsRead(): boolean {
    return this.tickets.loaded;
  }

  /** A ticket as memory holds it before a change writes it (none for a ticket the change makes). */
  before({ ticket, fresh }: TicketWrite): Ticket | undefined {
    return fresh ? undefined : this.tickets.get(ticket.id);
  }

  /** After the write: memory follows what was stored (in place: nothing keeps an older picture). */
  apply(change: Change, seq: number, seqCeiling = this.seqCeiling): void {
    if (change.config) this.index = indexSite(change.config);
    for (const write of change.tickets ?? []) {
      const { ticket } = write;
      this.tally.update(this.before(write), ticket);
      this.tickets.set(ticket);
      this.byToken?.set(ticket.token, ticket.id);
      this.learnDuration(ticket);
    }
    for (const d of change.desks ?? []) this.desks.set(d.id, d);
    for (const id of change.removedDesks ?? []) this.desks.delete(id);
    if (change.calls?.length) this.recentCalls = [...[...change.calls].reverse(), ...this.recentCalls].slice(0, DISPLAY_CALLS);
    if (change.notices?.length || change.droppedNotices?.length)
      this.notices = this.notices.with(change.notices ?? [], change.droppedNotices ?? []);
    if (change.pushSubscriptions?.length || change.droppedPushSubscriptions?.length)
      this.push = this.push.with(change.pushSubscriptions ?? [], change.droppedPushSubscriptions ?? []);
    if (change.cutOffOverrides) this.cutOffOverrides = change.cutOffOverrides;
    for (const t of change.timers ?? []) if (t.key === CUT_OFF_TIMER) this.cutOffDue = t.dueAt;
    this.numbering.apply(change);
    if (change.bookings?.length) {
      this.due.update(change.bookings);
      this.slots.update(change.bookings);
    }
    if (change.day !== undefined && change.day !== this.day) this.startDay(change.day);
    else if (change.config) this.loadBookingsDue();
    this.seq = seq;
    this.seqCeiling = seqCeiling;
  }

  private learnDuration(t: Ticket): void {
    if (t.status !== "served" || t.startedAt === null || t.finishedAt === null || t.day !== this.day) return;
    const arr = this.durations.get(t.matterId) ?? [];
    arr.push(t.finishedAt - t.startedAt);
    this.durations.set(t.matterId, arr.slice(-DURATIONS_KEPT));
  }

  /** Only the new day's tickets, and any still open, stay in memory; the records stay in SQLite for statistics. */
  private startDay(day: string): void {
    const tickets = new Map<string, Ticket>();
    for (const t of this.tickets.values()) if (t.day >= day || isActive(t)) tickets.set(t.id, t);
    this.tickets = DayTickets.of(tickets);
    this.tally = TicketTally.of(day, tickets.values());
    this.byToken = null;
    this.durations = new Map();
    this.notices = this.notices.withoutDaysBefore(day);
    this.push = this.push.withoutDaysBefore(day);
    this.day = day;
    this.recentCalls = this.todaysCalls(this.recentCalls);
    this.loadBookingsDue();
    this.slots.forgetBefore(Date.now() - SLOTS_KEPT_MS);
    this.numbering.forgetBefore(day);
  }

  /**
   * Only calls of today's tickets are "now calling": numbers restart every day, so yesterday's last A001
   * on a screen would read as the A001 a citizen holds today.
   */
  private todaysCalls(calls: readonly CallEvent[]): CallEvent[] {
    return calls.filter((c) => this.tickets.get(c.ticketId)?.day === this.day);
  }
}
