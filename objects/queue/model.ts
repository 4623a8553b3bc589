// Plain data the queue rules work on. The site object stores exactly this in SQLite.
import type { PauseReason, TicketStatus } from "../../protocol/api.ts";
import type { TicketTally } from "./tally.ts";
import { TicketsAfter } from "./tickets-after.ts";

export interface Ticket {
  id: string;
  /** Secret of the e-ticket link (at least 128 random bits). */
  token: string;
  /** Local date (Europe/Warsaw) the ticket belongs to: YYYY-MM-DD. */
  day: string;
  number: string;
  matterId: string;
  source: "walk-in" | "booking";
  status: TicketStatus;
  /** When the ticket was taken (ms since epoch): its place in the queue. */
  takenAt: number;
  /** For a booking: the reserved time, which orders it ahead of walk-ins. */
  reservedAt: number | null;
  /**
   * A priority ticket (issue 14: the kiosk's "Pierwszeństwo obsługi"): called before normal walk-ins of its
   * matter, or every second call, as the site's priority mode says (order.ts). Absent: a normal ticket.
   */
  priority?: boolean;
  /** The holder asked for the site's remote Polish Sign Language (PJM) interpreter. Absent: not asked. */
  interpreter?: boolean;
  /** The desk that called it, or the only desk it waits for (transfer to a desk, recall after a miss). */
  deskId: string | null;
  /** How many times "Nie zgłosił się" was pressed for it (R5: the third removes it). */
  misses: number;
  /** When a missed ticket is called again if its desk has nobody else. */
  recallAt: number | null;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface Desk {
  id: string;
  status: "open" | "paused";
  /** The client called to or served at this desk. */
  ticketId: string | null;
  /**
   * Present while the desk is paused: why, and since when (kept for the statistics). A pause stored
   * before reasons were kept has none.
   */
  pause?: DeskPause;
}

export interface DeskPause {
  reason: PauseReason;
  since: number;
}

/** The desk open again: its status and its pause go together. */
export function reopened(desk: Desk): Desk {
  const { pause: _ended, ...rest } = desk;
  return { ...rest, status: "open" };
}

export interface QueueState {
  tickets: ReadonlyMap<string, Ticket>;
  desks: ReadonlyMap<string, Desk>;
  /** Its tickets' counts, kept as they change (objects/queue/tally.ts); without it they are counted when asked. */
  tally?: TicketTally;
}

/** A number called to a desk: shown on screens and announced by voice. */
export interface CallEvent {
  ticketId: string;
  number: string;
  deskId: string;
  at: number;
  /** 1 for the first call, 2 and 3 for the recalls after a miss (R5). */
  attempt: number;
  /** Why: the clerk called it, or the no-show rule called it again. */
  reason: "call" | "recall" | "auto-recall";
}

/** What a command changed. The object writes these rows in one transaction, then broadcasts. */
export interface Outcome {
  tickets: Ticket[];
  desks: Desk[];
  calls: CallEvent[];
  /** The desk and ticket the command answers with. */
  deskId: string | null;
  ticketId: string | null;
}

export const ACTIVE_STATUSES: ReadonlySet<TicketStatus> = new Set(["waiting", "called", "serving", "missed"]);

export function isActive(t: Ticket): boolean {
  return ACTIVE_STATUSES.has(t.status);
}

/** Returns the state after an outcome: changed rows replace the old ones. */
export function applyOutcome(state: QueueState, outcome: Outcome): QueueState {
  const tickets = new Map(state.tickets);
  const changes: [Ticket | undefined, Ticket][] = [];
  for (const t of outcome.tickets) {
    changes.push([tickets.get(t.id), t]);
    tickets.set(t.id, t);
  }
  const desks = new Map(state.desks);
  for (const d of outcome.desks) desks.set(d.id, d);
  return state.tally ? { tickets, desks, tally: state.tally.with(changes) } : { tickets, desks };
}

/**
 * The state after a change of rows, read through the state before (objects/queue/tickets-after.ts): nothing
 * of the day's tickets is copied. For a picture read at once and dropped, while the state before stays as
 * it is; a state that is kept and changed again comes from `applyOutcome`.
 */
export function stateAfter(
  state: QueueState,
  change: {
    tickets: readonly Ticket[];
    desks?: readonly Desk[];
    removedDesks?: readonly string[];
    /** Every ticket is new (a ticket just taken): none is looked for among the tickets before. */
    fresh?: true;
  },
): QueueState {
  const tickets = new TicketsAfter(state.tickets, change.tickets, change.fresh);
  let desks = state.desks;
  if (change.desks || change.removedDesks) {
    const copy = new Map(state.desks);
    for (const d of change.desks ?? []) copy.set(d.id, d);
    for (const id of change.removedDesks ?? []) copy.delete(id);
    desks = copy;
  }
  if (!state.tally) return { tickets, desks };
  // Each changed ticket against the row before it: a ticket changed twice, against its first change.
  const seen = new Map<string, Ticket>();
  const changes: [Ticket | undefined, Ticket][] = [];
  for (const t of change.tickets) {
    changes.push([seen.get(t.id) ?? (change.fresh ? undefined : state.tickets.get(t.id)), t]);
    seen.set(t.id, t);
  }
  return { tickets, desks, tally: state.tally.with(changes) };
}
