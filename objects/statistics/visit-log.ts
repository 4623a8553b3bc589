// How a ticket's change becomes its visit record: a pure function of the ticket before and after one
// committed change (and the calls that change made), applied by the commit path in the same transaction.
// A new ticket opens part 0; each call is appended with its desk and clerk; the start and the end are
// noted; a transfer (an active ticket sent back to waiting for another matter or desk) ends the part as
// "transferred" and opens the next one, waiting from that moment.
import type { CallEvent, Ticket } from "../queue/model.ts";
import type { VisitChannel, VisitOutcome, VisitRecord } from "./records.ts";

export interface VisitContext {
  now: number;
  /** The clerk whose command this is (null for a kiosk, the alarm, a booking joining by itself). */
  clerk: string | null;
  departmentOf: (matterId: string) => string;
  /** How a new ticket came (a booking checked in at the kiosk or joining by itself, a kiosk, a clerk). */
  channel: VisitChannel;
  /** The wait shown when the ticket was issued, in minutes, when the change issued it. */
  estimate: number | null;
  /** The range shown when the ticket was issued, when the change issued it. */
  range: { low: number; high: number } | null;
}

function outcomeOf(t: Ticket): VisitOutcome | null {
  switch (t.status) {
    case "served":
      return "served";
    case "removed":
      return t.misses >= 3 ? "no-show" : "cancelled";
    case "closed":
      return "closed";
    case "waiting":
    case "called":
    case "serving":
    case "missed":
      return null;
  }
}

/** A ticket sent back to waiting for another matter or desk, from an active state. */
function transferred(before: Ticket, after: Ticket): boolean {
  if (after.status !== "waiting" || (before.status === "waiting" && before.deskId === after.deskId && before.matterId === after.matterId))
    return false;
  if (before.status === "served" || before.status === "removed" || before.status === "closed") return false;
  return before.matterId !== after.matterId || before.deskId !== after.deskId;
}

function opened(t: Ticket, part: number, queuedAt: number, ctx: VisitContext, first: boolean): VisitRecord {
  return {
    ticketId: t.id,
    part,
    day: t.day,
    departmentId: ctx.departmentOf(t.matterId),
    matterId: t.matterId,
    channel: ctx.channel,
    queuedAt,
    slotAt: t.reservedAt,
    ...(t.priority ? { priority: true } : {}),
    ...(t.interpreter ? { interpreter: true } : {}),
    estimateMinutes: first ? ctx.estimate : null,
    estimateRange: first ? ctx.range : null,
    calls: [],
    startedAt: null,
    finishedAt: null,
    deskId: t.deskId,
    clerk: null,
    outcome: "open",
    endedAt: null,
  };
}

/**
 * The visit rows to write for one ticket's change: the current part updated, and a new part when the
 * ticket was transferred. `current` is the ticket's latest part as stored (undefined for a new ticket).
 */
export function visitUpdates(
  before: Ticket | undefined,
  after: Ticket,
  current: VisitRecord | undefined,
  calls: readonly CallEvent[],
  ctx: VisitContext,
): VisitRecord[] {
  let part = current ?? opened(after, 0, before ? after.takenAt : ctx.now, ctx, before === undefined);
  const out: VisitRecord[] = [];
  if (before && current && transferred(before, after)) {
    out.push({ ...current, outcome: "transferred", endedAt: ctx.now });
    part = { ...opened(after, current.part + 1, ctx.now, { ...ctx, channel: current.channel }, false), slotAt: current.slotAt };
  }
  const mine = calls.filter((c) => c.ticketId === after.id);
  if (mine.length) {
    part = {
      ...part,
      calls: [...part.calls, ...mine.map((c) => ({ at: c.at, deskId: c.deskId, clerk: c.reason === "auto-recall" ? null : ctx.clerk }))],
      deskId: mine[mine.length - 1]?.deskId ?? part.deskId,
      clerk: ctx.clerk ?? part.clerk,
    };
  }
  if (after.startedAt !== null && part.startedAt === null && after.status !== "waiting") {
    part = { ...part, startedAt: after.startedAt, clerk: ctx.clerk ?? part.clerk };
  }
  const end = outcomeOf(after);
  if (end && part.outcome === "open") {
    part = { ...part, outcome: end, endedAt: ctx.now, finishedAt: end === "served" ? after.finishedAt : part.finishedAt };
  }
  out.push(part);
  return out;
}
