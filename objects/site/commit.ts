// The commit path of a site object: the one way its state changes. Every command, timer and report goes
//
//   roll the day once → replay or record the idempotency key → a rule decides a Change
//   → one transactionSync writes all of it (rows, timers, jobs, messages, turn notices from the new
//     state, the idempotency record; seq's ceiling, once per SEQ_BLOCK), seq += 1 → memory follows in one place → alarm armed once
//   → sockets flushed once → messages handed to delivery by one policy.
//
// Capabilities (queue, bookings, messages, printers, notices) decide; only this module writes. Sending a
// message records its result through the same write. Nothing here calls back into the object.
import { fail, type Result } from "../../protocol/errors.ts";
import { priorityOrderOf } from "../queue/order.ts";
import { nextLocalMidnight } from "../queue/time.ts";
import type { VisitRecord } from "../statistics/records.ts";
import { type Change, type Decision, isVisible, merge, movesPhones, movesTimers, onlyCounts } from "./change.ts";
import { blocksForNewDay } from "./commands/continuity.ts";
import { turnNotices } from "./commands/notices.ts";
import { turnPushes } from "./commands/push.ts";
import { dayEnd } from "./commands/queue.ts";
import { CUT_OFF_OVERRIDES_KEY } from "./cut-off-overrides.ts";
import { Delivery } from "./delivery.ts";
import { type ConfiguredRead, Draft, type SiteRead, type SiteSettings, type SiteStores } from "./draft.ts";
import type { Idempotency } from "./idempotency.ts";
import { remember, replay } from "./idempotency.ts";
import type { SiteMemory } from "./memory.ts";
import type { OutboxEntry } from "./message-store.ts";
import { type MessageSender, outboxRow } from "./messages.ts";
import type { PushSender } from "./push-sender.ts";
import { TICKET_LINKS_ENDED_KEY } from "./queue-store.ts";
import { OUTBOX_TIMER, PUSH_TIMER, type Timer } from "./scheduler.ts";
import { rollUp } from "./statistics-read.ts";
import { recordReplayed, recordVisits } from "./visit-recording.ts";
import { keptPartText } from "./visit-store.ts";

/** No first parts kept in tickets' rows (a replay writes every part). */
const NO_VISITS_KEPT: ReadonlyMap<string, VisitRecord> = new Map();

/**
 * Seqs reserved by one write of the stored seq: a visible change moves seq by one in memory, and only the
 * change that passes the stored ceiling stores a new one this far ahead. After a restart seq starts at the
 * ceiling, past every seq sent before (a client sees a jump, never a seq used twice); a command saves one
 * SQLite write.
 */
export const SEQ_BLOCK = 1024;

/** A timer whose handler failed runs again after this long (the others go on meanwhile). */
export const TIMER_RETRY_MS = 60_000;

/** A command: decides against the site as it is now. */
export type Rule<T> = (read: SiteRead, draft: Draft) => Decision<T>;
/** A command that needs the site's configuration (UNKNOWN_SITE without one). */
export type SiteRule<T> = (read: ConfiguredRead, draft: Draft) => Decision<T>;

/** What one write wrote: the change, and the outbox rows its new messages became (with their ids). */
type Written = Change & { readonly outbox?: readonly OutboxEntry[] };

/** What the commit path drives: storage, the stores, memory, the sockets and the providers. */
export interface CommitDeps {
  storage: DurableObjectStorage;
  stores: SiteStores;
  memory: SiteMemory;
  sender: MessageSender;
  /** Browser notifications of e-tickets (Web Push). */
  pusher: PushSender;
  settings: SiteSettings;
  /**
   * Flushes the changed views to the sockets (coalesced: one frame per turn); `phones`: the e-tickets' too;
   * `countsOnly`: the change only adds to the hall's counts, which the screens may take a moment later.
   */
  broadcast: (phones: boolean, countsOnly?: boolean) => void;
  /** Logs a failure that is not the caller's answer (a send, a timer). */
  log: (what: string, err: unknown) => void;
}

export class CommitPath {
  private alarmAt: number | null = null;
  private readonly delivery: Delivery;
  /** Until when the site's day is still `day` in `timeZone` (see rollDay). */
  private sameDay: { day: string; timeZone: string; until: number } | null = null;

  constructor(private readonly d: CommitDeps) {
    this.delivery = new Delivery({
      stores: d.stores,
      memory: d.memory,
      sender: d.sender,
      pusher: d.pusher,
      write: (change) => this.write(change, Date.now(), null),
      armAlarm: () => this.armAlarm(Date.now()),
      log: d.log,
    });
  }

  /** After a start: the alarm as stored, then armed for what is due (a message written just before a stop). */
  async start(): Promise<void> {
    this.alarmAt = await this.d.storage.getAlarm();
    await this.armAlarm(Date.now());
  }

  /** The site as a rule sees it now. */
  read(now: number): SiteRead {
    const m = this.d.memory;
    return {
      now,
      day: m.day,
      index: m.index,
      queue: m.queue,
      durations: m.durations,
      bookingsDue: m.bookingsDue,
      slots: m.slots,
      cutOffOverrides: m.cutOffOverrides,
      cutOffDue: m.cutOffDue,
      numbering: m.numbering,
      notices: m.notices,
      push: m.push,
      stores: this.d.stores,
      settings: this.d.settings,
    };
  }

  /**
   * For a read: the day rolled first, so nobody sees yesterday's queue after midnight. When storage fails the
   * read still answers from memory (the day rolls with the next write that succeeds).
   */
  current(now = Date.now()): SiteRead {
    this.rollDayOrLog(now);
    return this.read(now);
  }

  /** Rolls the day; false (logged) when the write failed, memory left as it was. */
  private rollDayOrLog(now: number): boolean {
    try {
      this.rollDay(now);
      return true;
    } catch (err) {
      this.d.log("closing the day", err);
      return false;
    }
  }

  /** Runs one command through the whole path and answers with the rule's answer (or the first answer to its key). */
  async commit<T>(rule: Rule<T>, idempotency?: Idempotency): Promise<Result<T>> {
    const now = Date.now();
    if (!this.rollDayOrLog(now)) return fail("STORAGE_FAILED");
    const prior = replay<T>(this.d.stores.site, idempotency, now);
    if (prior) return prior;
    const read = this.read(now);
    const decision = rule(read, new Draft(read));
    let written: Written;
    try {
      written = this.write(decision.change, now, idempotency ? { result: decision.result, idempotency } : null);
    } catch (err) {
      // The transaction is rolled back and memory was not touched: the command did not happen, whole.
      this.d.log("writing a command", err);
      return fail("STORAGE_FAILED");
    }
    await this.settle(now, written);
    return decision.result;
  }

  /** A command that needs the site's configuration. */
  commitOnSite<T>(rule: SiteRule<T>, idempotency?: Idempotency): Promise<Result<T>> {
    return this.commit(
      (read, draft) =>
        read.index ? rule({ ...read, index: read.index }, draft) : { result: { ok: false, code: "UNKNOWN_SITE" }, change: {} },
      idempotency,
    );
  }

  /** The alarm: every due timer through its handler, each written as it is decided; one broadcast after all. */
  async fire(handle: (read: ConfiguredRead, draft: Draft, timer: Timer) => Change): Promise<void> {
    const now = Date.now();
    this.alarmAt = null;
    if (!this.d.memory.index) return;
    this.rollDay(now);
    let failure: unknown = null;
    let written: Change = {};
    for (const timer of this.d.stores.site.dueTimers(now)) {
      try {
        const read = this.read(now);
        const index = read.index;
        if (!index) break;
        written = merge(written, this.write(handle({ ...read, index }, new Draft(read), timer), now, null));
      } catch (err) {
        this.d.log(`timer ${timer.kind} ${timer.key}`, err);
        failure ??= this.postpone(timer, now);
      }
    }
    if (isVisible(written)) this.d.broadcast(true);
    // Nothing armed: the platform retries the alarm with its own backoff, never in a tight loop.
    if (failure) throw failure;
    // The outbox's own timer may be among them: whatever is due goes now, before the alarm is armed
    // again, so a send whose result cannot be stored is not repeated at once.
    await this.deliver();
    await this.deliverPushes();
    await this.armAlarm(now);
  }

  /** A timer whose handler failed is tried again later, alone; null once postponed, the error when even that fails. */
  private postpone(timer: Timer, now: number): unknown {
    try {
      this.write({ timers: [{ ...timer, dueAt: now + TIMER_RETRY_MS }] }, now, null);
      return null;
    } catch (err) {
      this.d.log(`postponing timer ${timer.kind} ${timer.key}`, err);
      return err;
    }
  }

  /** Sends what is due in the outbox (objects/site/delivery.ts). */
  deliver(): Promise<void> {
    return this.delivery.messages();
  }

  /** Sends the browser notifications due. */
  deliverPushes(): Promise<void> {
    return this.delivery.pushes();
  }

  // ---- the steps ------------------------------------------------------------------------

  /** After the write: the alarm armed once, the sockets flushed once, messages handed to delivery. */
  private async settle(now: number, written: Written): Promise<void> {
    if (movesTimers(written)) await this.armAlarm(now);
    const order = priorityOrderOf(this.d.memory.index?.config.priority ?? { enabled: false, mode: "first" });
    if (isVisible(written)) this.d.broadcast(movesPhones(written, now, order), onlyCounts(written, now, order));
    // One policy: what a command wrote itself (a code, a confirmation) goes before its answer; texts that
    // the queue's movement set off go without holding up the clerk; the outbox timer retries either.
    // A command waits only for its own messages, sent at once: in a booking storm a hold answers after its
    // own code, not after the codes of every hold that came in meanwhile.
    const own = [
      ...(written.outbox ?? []).filter((m) => m.ticketId == null).map((m) => m.id),
      ...(written.messageRows ?? []).filter((m) => m.status === "pending").map((m) => m.id),
    ];
    if (own.length) await this.delivery.own(own);
    if (written.messages?.length) void this.deliver().catch((err: unknown) => this.d.log("message delivery", err));
    // Browser notifications never hold up the command that set them off; the push timer retries them.
    if (written.pushSubscriptions?.some((s) => s.pending !== null && s.attempts === 0))
      void this.deliverPushes().catch((err: unknown) => this.d.log("push delivery", err));
  }

  /** Closes the previous day once the local date has changed (from the alarm, or from the first command after midnight). */
  private rollDay(now: number): void {
    const read = this.read(now);
    if (!read.index) return;
    // The local date is worked out once per day, not for every command (the zone's rules cost more than the command).
    const { timeZone } = read.index.config;
    const known = this.sameDay;
    if (known && known.day === read.day && known.timeZone === timeZone && now < known.until) return;
    const ended = dayEnd({ ...read, index: read.index });
    if (!ended) {
      this.sameDay = { day: read.day, timeZone, until: nextLocalMidnight(now, timeZone) };
      return;
    }
    // The agent that keeps the hall running offline gets the new tomorrow's numbers set aside.
    const change = ended.day ? merge(ended, blocksForNewDay({ ...read, index: read.index }, ended.day)) : ended;
    this.write(change, now, null);
    this.d.broadcast(true);
  }

  /**
   * The one write: a change, the turn notices it sets off, the idempotency record, seq, in one
   * transaction; then memory. Returns what was written.
   */
  private write(decided: Change, now: number, answer: { result: Result<unknown>; idempotency: Idempotency } | null): Written {
    const { memory } = this.d;
    const { site } = this.d.stores;
    const siteId = decided.config?.id ?? memory.index?.config.id ?? "";
    const priority = decided.config?.priority ?? memory.index?.config.priority ?? { enabled: false, mode: "first" };
    const book = memory.notices.with(decided.notices ?? [], decided.droppedNotices ?? []);
    // The texts now due, from the queue as it will be: worked out only after a change of the queue or of
    // the requests, and only while somebody waits for a text.
    const moved = book !== memory.notices || decided.tickets?.length || decided.desks?.length || decided.removedDesks?.length;
    const noticed =
      moved && book.hasPending()
        ? merge(decided, turnNotices(siteId, book, memory.queueAfter(decided).tickets, now, this.d.settings, priorityOrderOf(priority)))
        : decided;
    // The browser notifications now due, likewise: only after a change of the queue or of the subscriptions.
    const pushBook = memory.push.with(decided.pushSubscriptions ?? [], decided.droppedPushSubscriptions ?? []);
    const pushMoved = pushBook !== memory.push || decided.tickets?.length;
    const change =
      pushMoved && pushBook.size
        ? merge(
            noticed,
            turnPushes(pushBook, memory.queueAfter(decided).tickets, memory.index, now, this.d.settings, priorityOrderOf(priority)),
          )
        : noticed;
    const seq = isVisible(change) ? memory.seq + 1 : memory.seq;
    const ceiling = seq > memory.seqCeiling ? seq + SEQ_BLOCK - 1 : memory.seqCeiling;
    const outbox = (change.messages ?? []).map(outboxRow);
    memory.prepare(change);
    this.d.storage.transactionSync(() => {
      // Before the rows: the visits compare each ticket with what memory holds of it until now.
      const config = change.config ?? memory.index?.config;
      let kept = NO_VISITS_KEPT;
      if (change.replayed) recordReplayed(this.d.stores.visits, change.replayed, change, config, (id) => memory.queue.tickets.get(id));
      else kept = recordVisits(this.d.stores.visits, change, now, config, (w) => memory.before(w), true);
      this.writeRows(change, outbox, now, kept);
      if (answer) remember(site, answer.idempotency, answer.result, now);
      if (ceiling !== memory.seqCeiling) site.setMeta("seq", String(ceiling));
    });
    memory.apply(change, seq, ceiling);
    return outbox.length ? { ...change, outbox } : change;
  }

  /** Every row of a change, each by the store that owns it. Inside the transaction. */
  private writeRows(c: Change, outbox: readonly OutboxEntry[], now: number, pendingVisits: ReadonlyMap<string, VisitRecord>): void {
    const { site, queue, bookings, messages, printers, notices, push } = this.d.stores;
    if (c.config) site.setMeta("config", JSON.stringify(c.config));
    for (const id of c.removedDesks ?? []) queue.deleteDesk(id, now);
    for (const { ticket, kioskId } of c.tickets ?? []) {
      const first = pendingVisits.get(ticket.id);
      queue.putTicket(ticket, kioskId ?? null, first ? keptPartText(first) : null);
    }
    for (const d of c.desks ?? []) queue.putDesk(d, now);
    for (const call of c.calls ?? []) queue.addCall(call);
    for (const k of c.counters ?? []) queue.setCounter(k.day, k.matterId, k.value);
    for (const b of c.bookings ?? []) bookings.put(b);
    for (const w of c.codeAttempts ?? []) bookings.putAttempts(w);
    for (const r of c.notices ?? []) notices.put(r);
    for (const id of c.droppedNotices ?? []) notices.delete(id);
    for (const r of c.pushSubscriptions ?? []) push.put(r);
    for (const id of c.droppedPushSubscriptions ?? []) push.delete(id);
    for (const m of outbox) messages.putMessage(m);
    for (const m of c.messageRows ?? []) messages.putMessage(m);
    for (const r of c.deliveries ?? []) messages.putDelivery(r.id, r.state, r.providerId);
    for (const t of c.timers ?? []) {
      if (t.dueAt === null) site.clearTimer(t.key);
      else site.setTimer(t);
    }
    for (const job of c.jobs ?? []) printers.addJob(job, now);
    for (const id of c.acks ?? []) printers.ackJob(id, now);
    for (const u of c.unprinted ?? []) printers.markUnprinted(u.jobId, u.reason, now);
    if (c.printers) printers.setPrinters(c.printers);
    if (c.cutOffOverrides) site.setMeta(CUT_OFF_OVERRIDES_KEY, JSON.stringify(c.cutOffOverrides));
    if (c.continuity) this.d.stores.continuity.write(c.continuity, site);
    if (c.day !== undefined) site.setMeta("day", c.day);
    if (c.housekeeping && c.day !== undefined) {
      // Statistics older than the site keeps them go; the day that ends is rolled up, its visits as this change leaves them.
      const ended = this.d.memory.day;
      const config = c.config ?? this.d.memory.index?.config;
      if (config) this.d.stores.aggregates.purgeBefore(this.d.storage.sql, c.housekeeping.statisticsBefore, config.timeZone);
      if (config && ended && ended < c.day) {
        const { visits, consoles, aggregates } = this.d.stores;
        aggregates.put(rollUp({ sql: this.d.storage.sql, visits, consoles }, config, ended, now));
      }
      site.pruneIdempotency(c.housekeeping.pruneBefore);
      // Numbers set aside for offline use matter only on their day.
      this.d.stores.continuity.purgeBefore(c.day);
      printers.pruneJobs(c.housekeeping.pruneBefore);
      // E-ticket notification numbers last only for their ticket's day; sent texts keep a masked number.
      notices.purgeBefore(c.day);
      // So do the e-tickets' push subscriptions, endpoints and keys with them.
      push.purgeBefore(c.day);
      // A ticket row of a past day keeps what statistics need, not the secret of its e-ticket link.
      // Each night looks only at the days since the last one: no ticket of an earlier day is added later, as an
      // offline replay brings walk-ins of yesterday at the earliest (objects/site/commands/continuity.ts).
      queue.endTicketLinks(c.housekeeping.ticketLinksBefore, site.getMeta(TICKET_LINKS_ENDED_KEY));
      site.setMeta(TICKET_LINKS_ENDED_KEY, c.housekeeping.ticketLinksBefore);
      // Contact data and old messages are kept only as long as the office's retention says.
      bookings.purgeContacts(c.housekeeping.retentionBefore, now);
      // Holds that were cancelled or ran out keep theirs only until the end of their day.
      bookings.purgeEndedHolds(now);
      bookings.pruneAttempts(c.housekeeping.pruneBefore);
      messages.maskRecipients();
      messages.pruneMessages(c.housekeeping.retentionBefore);
    }
    if (c.messages?.length || c.messageRows?.length || c.housekeeping || c.timers?.some((t) => t.key === OUTBOX_TIMER))
      this.keepOutboxTimer();
    if (c.pushSubscriptions?.length || c.droppedPushSubscriptions?.length || c.housekeeping || c.timers?.some((t) => t.key === PUSH_TIMER))
      this.keepPushTimer();
  }

  /** The push timer at the earliest notification due, or gone when none is. */
  private keepPushTimer(): void {
    const { site, push } = this.d.stores;
    const nextAt = push.nextAt();
    if (nextAt === null) site.clearTimer(PUSH_TIMER);
    else site.setTimer({ key: PUSH_TIMER, kind: "push", dueAt: nextAt, ref: null });
  }

  /** The outbox timer at the earliest pending message, or gone when none is pending. */
  private keepOutboxTimer(): void {
    const { site, messages } = this.d.stores;
    const nextAt = messages.nextMessageAt();
    if (nextAt === null) site.clearTimer(OUTBOX_TIMER);
    else site.setTimer({ key: OUTBOX_TIMER, kind: "outbox", dueAt: nextAt, ref: null });
  }

  private async armAlarm(now: number): Promise<void> {
    const due = this.d.stores.site.earliestTimer();
    if (due === this.alarmAt) return;
    if (due === null) await this.d.storage.deleteAlarm();
    // A timer already due fires on the next tick, never "now" (the platform may skip a past alarm set from alarm()).
    else await this.d.storage.setAlarm(Math.max(due, now + 1));
    this.alarmAt = due;
  }
}
