// What a command of a site decides, as plain data: the rows to write, the timers to set or clear, the
// print and announce jobs, the messages to send. The rules of every capability (queue, bookings, messages,
// printers, notices) return a Decision; objects/site/commit.ts writes it in one transaction, then updates
// memory, arms the alarm, broadcasts and hands the messages to delivery. No rule writes anything itself.
import type { SiteConfig } from "../../protocol/config.ts";
import type { Result } from "../../protocol/errors.ts";
import type { AgentJob, PrinterStatus, UnprintedReason } from "../../protocol/live.ts";
import type { AttemptWindow } from "../booking/attempt-window.ts";
import type { CallEvent, Desk, Ticket } from "../queue/model.ts";
import type { PriorityOrder } from "../queue/order.ts";
import type { Booking } from "./booking-store.ts";
import type { ContinuityWrite } from "./continuity-store.ts";
import type { CutOffOverrides } from "./cut-off-overrides.ts";
import type { StoredMessage } from "./message-store.ts";
import type { NewMessage } from "./messages.ts";
import type { NotifyRequest } from "./notify.ts";
import type { PushSubscriptionRow } from "./push-store.ts";
import type { TimerChange } from "./scheduler.ts";

/** A ticket row to write; a new one carries the kiosk that took it (its print job goes there). */
export interface TicketWrite {
  ticket: Ticket;
  kioskId?: string | null;
  /** The command made this ticket (a new id): nothing of it is stored yet, so its visit is not looked up. */
  fresh?: true;
}

/**
 * One replayed offline action of the site's agent, with its own time and clerk: the commit path records
 * the visits it moves step by step, as if it had been committed then (the statistics include the offline period).
 */
export interface ReplayedStep {
  at: number;
  actor: string | null;
  tickets: TicketWrite[];
  calls: CallEvent[];
  estimates: { ticketId: string; minutes: number; low: number; high: number }[];
}

/** A delivery report to record on a stored message. */
export interface DeliveryWrite {
  id: string;
  state: { status: string | null; deliveredAt: number | null; error: string | null };
  providerId: string | null;
}

/** The housekeeping of a new local day: what is older than the office keeps is deleted. */
export interface Housekeeping {
  /** Idempotency records and acknowledged jobs older than this go. */
  pruneBefore: number;
  /** Contact data of visits before this, and sent or failed messages older than this, go. */
  retentionBefore: number;
  /** Tickets of local days before this one lose their e-ticket token: their links can never match again. */
  ticketLinksBefore: string;
  /** Statistics of local days before this one are deleted (the site's statisticsRetentionYears). */
  statisticsBefore: string;
}

export interface Change {
  config?: SiteConfig;
  /** Desks removed from the configuration (their rows go). */
  removedDesks?: string[];
  tickets?: TicketWrite[];
  desks?: Desk[];
  calls?: CallEvent[];
  /** Ticket counters per local day and matter, at their new value. */
  counters?: { day: string; matterId: string; value: number }[];
  bookings?: Booking[];
  /** Wrong check-in codes counted per kiosk and per client address. */
  codeAttempts?: AttemptWindow[];
  /** New messages for the outbox. */
  messages?: NewMessage[];
  /** Outbox rows after a send attempt, a resend or an expiry. */
  messageRows?: StoredMessage[];
  deliveries?: DeliveryWrite[];
  /** E-ticket "turn near" requests, new or changed. */
  notices?: NotifyRequest[];
  /** Requests forgotten (their ticket left the queue). */
  droppedNotices?: string[];
  /** E-ticket browser push subscriptions, new or changed (a notification due is written on its row). */
  pushSubscriptions?: PushSubscriptionRow[];
  /** Push subscriptions deleted (the push service said they ended). */
  droppedPushSubscriptions?: string[];
  timers?: TimerChange[];
  jobs?: AgentJob[];
  /** Jobs the print agent has done, or a person has set aside. */
  acks?: string[];
  /** Print jobs the agent could not print and will not: kept on record as not printed, for a person to see. */
  unprinted?: { jobId: string; reason: UnprintedReason }[];
  printers?: PrinterStatus[];
  /** A new local day (YYYY-MM-DD): only its tickets and those still open stay in memory. */
  day?: string;
  housekeeping?: Housekeeping;
  /** Who made the change (a clerk's or manager's user name): recorded with the visits it touches. */
  actor?: string | null;
  /** The wait shown for tickets this change issued, in minutes (the range's middle, and the range): kept with their visits. */
  estimates?: { ticketId: string; minutes: number; low: number; high: number }[];
  /** The matters whose closing cut-off a manager lifted, with their day (objects/site/cut-off-overrides.ts). */
  cutOffOverrides?: CutOffOverrides;
  /** Local continuity's rows: agents, offline number blocks, the local secret (objects/site/continuity-store.ts). */
  continuity?: ContinuityWrite;
  /**
   * Offline actions replayed, in order: their visits are recorded step by step with each one's time and
   * clerk (the change's tickets and calls are their rows, each ticket once, at its last state).
   */
  replayed?: ReplayedStep[];
  /** Something every live view must see although no row above shows it. */
  live?: boolean;
}

/** A rule's answer and what it changes. A refused command may change something too (a wrong code counted). */
export interface Decision<T> {
  result: Result<T>;
  change: Change;
}

export function accept<T>(value: T, change: Change = {}): Decision<T> {
  return { result: { ok: true, value }, change };
}

export function refuse<T>(refusal: Refusal, change: Change = {}): Decision<T> {
  return { result: refusal, change };
}

/** The decision with who made it (a clerk or manager; null for a kiosk), for the visits it records. */
export function byWhom<T>(d: Decision<T>, actor: string | null): Decision<T> {
  return actor === null ? d : { ...d, change: { ...d.change, actor } };
}

/** A refused command's answer: a stable error code. */
export type Refusal = Extract<Result<unknown>, { ok: false }>;

/** One change after the other: lists are concatenated, single values taken from the later. */
export function merge(a: Change, b: Change): Change {
  const out: Change = { ...a };
  for (const key of Object.keys(b) as (keyof Change)[]) {
    const later = b[key];
    if (later === undefined) continue;
    const earlier = a[key];
    (out as Record<string, unknown>)[key] = Array.isArray(earlier) && Array.isArray(later) ? [...earlier, ...later] : later;
  }
  return out;
}

/** What a change shows beyond ticket rows and print jobs: any live view, an e-ticket's too, may show it. */
function showsBeyondTickets(c: Change): boolean {
  return Boolean(
    c.live ||
      c.continuity ||
      c.config ||
      c.day ||
      c.removedDesks?.length ||
      c.desks?.length ||
      c.calls?.length ||
      c.notices?.length ||
      c.droppedNotices?.length,
  );
}

/**
 * Whether a change may alter what an e-ticket shows. Only tickets just issued behind everyone (plain
 * walk-ins, with their print jobs) cannot: nobody's place, wait, desk or line moves. The phones' flush then
 * computes no phone's view (thousands of them) for each walk-in. Not so when priority tickets alternate
 * with the others (`order` "alternate"): a plain walk-in may take the next normal turn ahead of a priority
 * ticket waiting for its own.
 */
export function movesPhones(c: Change, now: number, order: PriorityOrder): boolean {
  if (showsBeyondTickets(c) || (order === "alternate" && c.tickets?.length)) return true;
  return (c.tickets ?? []).some(
    ({ ticket: t }) => !(t.source === "walk-in" && t.status === "waiting" && !t.priority && t.takenAt === now && t.calledAt === null),
  );
}

/**
 * Whether a change only adds to the hall's counts: plain walk-ins behind everyone (see movesPhones) with their
 * print jobs, and nothing else a screen or console shows. The screens and consoles may take such changes a
 * moment later, several at once, while the agent gets its print jobs at once (LiveHub.changed); a call or a
 * desk never waits.
 */
export function onlyCounts(c: Change, now: number, order: PriorityOrder): boolean {
  if (!c.tickets?.length || c.acks?.length || c.unprinted?.length || c.printers) return false;
  return !movesPhones(c, now, order);
}

/** Whether a live view may show what the change writes: then seq moves and the sockets are flushed. */
export function isVisible(c: Change): boolean {
  return showsBeyondTickets(c) || Boolean(c.tickets?.length || c.jobs?.length || c.acks?.length || c.unprinted?.length || c.printers);
}

/** Whether a change may move the earliest timer (its own timers, or the outbox's through its messages). */
export function movesTimers(c: Change): boolean {
  return Boolean(
    c.timers?.length ||
      c.messages?.length ||
      c.messageRows?.length ||
      c.housekeeping ||
      c.pushSubscriptions?.length ||
      c.droppedPushSubscriptions?.length,
  );
}
