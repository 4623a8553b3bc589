// What each clerk command does to the queue (R4) and the three-strike no-show rule (R5).
import type { DeskActor, DeskCommand } from "../../protocol/api.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { assertNever } from "../../protocol/live.ts";
import type { CallEvent, Desk, Outcome, QueueState, Ticket } from "./model.ts";
import { isActive, reopened } from "./model.ts";
import { type DeskMatters, deskQueue, missedAtDesk, type PriorityOrder } from "./order.ts";

/** R5: the third "Nie zgłosił się" removes the ticket from the queue. */
export const MAX_MISSES = 3;

export interface RuleContext {
  now: number;
  /** Configured desks and the matters they serve, in preference order. */
  desks: ReadonlyMap<string, DeskMatters>;
  matterIds: ReadonlySet<string>;
  /** How long a missed ticket waits before the alarm calls it again at an idle desk. */
  recallDelayMs: number;
  /** How priority tickets are called (order.ts); absent: off. */
  priority?: PriorityOrder;
}

export type RuleResult = { ok: true; outcome: Outcome } | { ok: false; code: ErrorCode };

const no = (code: ErrorCode): RuleResult => ({ ok: false, code });

class Draft {
  readonly tickets = new Map<string, Ticket>();
  readonly desks = new Map<string, Desk>();
  readonly calls: CallEvent[] = [];
  readonly state: QueueState;
  constructor(state: QueueState) {
    this.state = state;
  }
  ticket(id: string): Ticket | undefined {
    return this.tickets.get(id) ?? this.state.tickets.get(id);
  }
  desk(id: string): Desk | undefined {
    return this.desks.get(id) ?? this.state.desks.get(id);
  }
  putTicket(t: Ticket): void {
    this.tickets.set(t.id, t);
  }
  putDesk(d: Desk): void {
    this.desks.set(d.id, d);
  }
  allTickets(): Iterable<Ticket> {
    const merged = new Map(this.state.tickets);
    for (const [id, t] of this.tickets) merged.set(id, t);
    return merged.values();
  }
  /** Calls a ticket to a desk: the desk's client becomes this ticket. */
  call(desk: Desk, t: Ticket, now: number, reason: CallEvent["reason"]): Ticket {
    const called: Ticket = { ...t, status: "called", deskId: desk.id, calledAt: now, recallAt: null };
    this.putTicket(called);
    this.putDesk({ ...desk, ticketId: t.id });
    this.calls.push({ ticketId: t.id, number: t.number, deskId: desk.id, at: now, attempt: t.misses + 1, reason });
    return called;
  }
  /**
   * The desk is done with its client (served or sent elsewhere). R5: once the desk has
   * dealt with the client after a miss, the missed ticket is called again here.
   */
  releaseDesk(desk: Desk, now: number): void {
    const freed: Desk = { ...desk, ticketId: null };
    this.putDesk(freed);
    const missed = desk.status === "open" ? missedAtDesk(desk.id, this.allTickets())[0] : undefined;
    if (missed) this.call(freed, missed, now, "auto-recall");
  }
  outcome(deskId: string | null, ticketId: string | null): RuleResult {
    return {
      ok: true,
      outcome: { tickets: [...this.tickets.values()], desks: [...this.desks.values()], calls: this.calls, deskId, ticketId },
    };
  }
}

/** The desk's current client, if any. */
function current(d: Draft, desk: Desk): Ticket | undefined {
  return desk.ticketId ? d.ticket(desk.ticketId) : undefined;
}

/** A missed ticket whose recall time has come, for this desk. */
function dueMissed(d: Draft, deskId: string, now: number): Ticket | undefined {
  return missedAtDesk(deskId, d.allTickets()).find((t) => (t.recallAt ?? 0) <= now);
}

/**
 * Whether the actor at a desk may send this ticket elsewhere. A clerk moves only what is their desk's
 * own: its client, a ticket it has missed, a ticket sent to it; never another desk's client, missed or
 * sent ticket, nor a ticket of the common queue (which they may call first, in view of the hall).
 * A manager moves any ticket.
 */
function mayTransfer(actor: DeskActor, deskId: string, t: Ticket, isCurrent: boolean): boolean {
  switch (actor) {
    case "manager":
      return true;
    case "clerk":
      return isCurrent || t.deskId === deskId;
    default:
      return assertNever(actor);
  }
}

export function deskCommand(state: QueueState, ctx: RuleContext, deskId: string, cmd: DeskCommand, actor: DeskActor): RuleResult {
  const cfg = ctx.desks.get(deskId);
  const d = new Draft(state);
  const desk = d.desk(deskId);
  if (!cfg || !desk) return no("UNKNOWN_DESK");
  const now = ctx.now;
  const cur = current(d, desk);

  switch (cmd.action) {
    case "call-next": {
      if (desk.status === "paused") return no("DESK_PAUSED");
      if (cur) return no("DESK_BUSY");
      const next = dueMissed(d, deskId, now) ?? deskQueue(cfg, d.allTickets(), ctx.priority)[0];
      if (!next) return d.outcome(deskId, null);
      const called = d.call(desk, next, now, next.status === "missed" ? "auto-recall" : "call");
      return d.outcome(deskId, called.id);
    }
    case "call": {
      if (desk.status === "paused") return no("DESK_PAUSED");
      if (cur) return no("DESK_BUSY");
      const t = d.ticket(cmd.ticketId);
      if (!t) return no("UNKNOWN_TICKET");
      if (!isActive(t)) return no("TICKET_CLOSED");
      if (t.status !== "waiting" && t.status !== "missed") return no("TICKET_NOT_WAITING");
      const pinnedHere = t.deskId === deskId;
      if (t.deskId !== null && !pinnedHere) return no("TICKET_NOT_WAITING");
      if (!pinnedHere && !cfg.matterIds.includes(t.matterId)) return no("MATTER_NOT_SERVED");
      const called = d.call(desk, t, now, "call");
      return d.outcome(deskId, called.id);
    }
    case "recall": {
      if (!cur) return no("DESK_IDLE");
      if (cur.status !== "called") return no("ALREADY_SERVING");
      const again = d.call(desk, cur, now, "recall");
      return d.outcome(deskId, again.id);
    }
    case "start": {
      if (!cur) return no("DESK_IDLE");
      if (cur.status === "serving") return no("ALREADY_SERVING");
      d.putTicket({ ...cur, status: "serving", startedAt: now });
      return d.outcome(deskId, cur.id);
    }
    case "finish": {
      if (!cur) return no("DESK_IDLE");
      d.putTicket({ ...cur, status: "served", startedAt: cur.startedAt ?? now, finishedAt: now });
      d.releaseDesk(desk, now);
      return d.outcome(deskId, cur.id);
    }
    case "no-show": {
      if (!cur) return no("DESK_IDLE");
      if (cur.status !== "called") return no("ALREADY_SERVING");
      const misses = cur.misses + 1;
      const after: Ticket =
        misses >= MAX_MISSES
          ? { ...cur, misses, status: "removed", recallAt: null, finishedAt: now }
          : { ...cur, misses, status: "missed", recallAt: now + ctx.recallDelayMs };
      d.putTicket(after);
      d.putDesk({ ...desk, ticketId: null });
      return d.outcome(deskId, after.id);
    }
    case "pause": {
      if (desk.status === "paused") return no("DESK_PAUSED");
      if (cur) return no("DESK_BUSY");
      d.putDesk({ ...desk, status: "paused", pause: { reason: cmd.reason, since: now } });
      return d.outcome(deskId, null);
    }
    case "resume": {
      if (desk.status !== "paused") return no("DESK_NOT_PAUSED");
      d.putDesk(reopened(desk));
      return d.outcome(deskId, null);
    }
    case "transfer": {
      const t = d.ticket(cmd.ticketId);
      if (!t) return no("UNKNOWN_TICKET");
      if (!isActive(t)) return no("TICKET_CLOSED");
      const isCurrent = cur?.id === t.id;
      // Besides the desk's client, a waiting ticket or a missed one (R5) may be sent on.
      if (!isCurrent && t.status !== "waiting" && t.status !== "missed") return no("TICKET_NOT_WAITING");
      if (!mayTransfer(actor, deskId, t, isCurrent)) return no("DESK_FORBIDDEN");
      let moved: Ticket;
      if ("matterId" in cmd) {
        if (!ctx.matterIds.has(cmd.matterId)) return no("UNKNOWN_MATTER");
        // Sending a client back to the queue they came from is not a transfer.
        if (cmd.matterId === t.matterId && (t.deskId === null || isCurrent)) return no("TRANSFER_TARGET_INVALID");
        moved = { ...t, matterId: cmd.matterId, deskId: null };
      } else {
        if (!ctx.desks.has(cmd.deskId)) return no("UNKNOWN_DESK");
        if (cmd.deskId === deskId && isCurrent) return no("TRANSFER_TARGET_INVALID");
        if (cmd.deskId === t.deskId && !isCurrent) return no("TRANSFER_TARGET_INVALID");
        moved = { ...t, deskId: cmd.deskId };
      }
      // It keeps its number and its original time, so it joins the target queue where it would have stood.
      d.putTicket({ ...moved, status: "waiting", calledAt: null, startedAt: null, recallAt: null });
      if (isCurrent) d.releaseDesk(desk, now);
      return d.outcome(deskId, t.id);
    }
    default:
      return assertNever(cmd);
  }
}

/**
 * The alarm's recall of a missed ticket (R5) when its desk has nobody else.
 * Idempotent: anything but a still-missed, due ticket at an open, idle desk is a no-op.
 */
export function alarmRecall(state: QueueState, ctx: RuleContext, ticketId: string): Outcome | null {
  const d = new Draft(state);
  const t = d.ticket(ticketId);
  if (!t || t.status !== "missed" || t.deskId === null || (t.recallAt ?? 0) > ctx.now) return null;
  const desk = d.desk(t.deskId);
  if (!desk || desk.status !== "open" || desk.ticketId !== null) return null;
  const first = missedAtDesk(desk.id, d.allTickets())[0];
  if (!first) return null;
  d.call(desk, first, ctx.now, "auto-recall");
  const r = d.outcome(desk.id, first.id);
  return r.ok ? r.outcome : null;
}

/**
 * End of the day: every ticket still open is closed (one already at a desk
 * counts as served), desks are freed and reopened. Records stay for statistics.
 */
export function endOfDay(state: QueueState, now: number, day: string): Outcome {
  const tickets: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (!isActive(t) || t.day > day) continue;
    const served = t.status === "serving" || t.status === "called";
    tickets.push({ ...t, status: served ? "served" : "closed", recallAt: null, finishedAt: now });
  }
  const desks: Desk[] = [];
  for (const desk of state.desks.values()) {
    if (desk.ticketId !== null || desk.status !== "open") desks.push({ ...reopened(desk), ticketId: null });
  }
  return { tickets, desks, calls: [], deskId: null, ticketId: null };
}
