// What a site answers without changing anything: the staff view of the queue, an e-ticket, bookable
// slots, a booking behind its manage link, the outbox for the demo page and for managers.
import type { BookingSummary, CutOffState, ETicketView, QueueResponse, SiteMessage, SiteMessagesQuery } from "../../protocol/api.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { normalizeCheckInCode } from "../booking/codes.ts";
import type { Ticket } from "../queue/model.ts";
import { isActive } from "../queue/model.ts";
import type { Availability } from "./bookings.ts";
import { bookingRules } from "./commands/bookings.ts";
import { overriddenOn } from "./cut-off-overrides.ts";
import { Draft, type SiteRead } from "./draft.ts";
import { eticketEnded } from "./eticket-expiry.ts";
import { forecastAt } from "./forecast.ts";
import type { SiteMemory } from "./memory.ts";
import type { OutboxListing } from "./messages.ts";
import { staffMessage } from "./staff-messages.ts";
import { ViewBuilder } from "./views.ts";

/** A ticket by its e-ticket secret: today's from memory, an older one from SQLite. */
export function ticketByToken(read: Pick<SiteRead, "stores">, memory: SiteMemory, token: string): Ticket | null {
  const id = memory.ticketId(token);
  const t = id ? memory.queue.tickets.get(id) : undefined;
  return t ?? read.stores.queue.ticketByToken(token);
}

export function queueView(read: SiteRead, seq: number): Result<QueueResponse> {
  const index = read.index;
  if (!index) return fail("UNKNOWN_SITE");
  const views = new ViewBuilder(index, read.queue, read.durations, forecastAt(index, read.now, read.bookingsDue));
  const tickets = [...read.queue.tickets.values()].filter(isActive).sort((a, b) => a.takenAt - b.takenAt);
  return ok({
    seq,
    tickets: tickets.map((t) => views.ticket(t)),
    desks: index.config.desks.map((d) => views.desk(read.queue.desks.get(d.id) ?? { id: d.id, status: "open", ticketId: null })),
    cutOffs: cutOffStates(read, index, views),
  });
}

/** Each matter's closing cut-off for the manager: why it would refuse now, and whether it is lifted for today. */
function cutOffStates(read: SiteRead, index: NonNullable<SiteRead["index"]>, views: ViewBuilder): CutOffState[] {
  const overridden = overriddenOn(read.cutOffOverrides, read.day);
  return [...index.matters.values()].map((m) => ({
    matterId: m.id,
    reason: views.cutOff(m.id),
    overridden: overridden.has(m.id),
    lastTicketAt: m.lastTicketAt ?? null,
  }));
}

export function eticketView(read: SiteRead, t: Ticket | null): Result<ETicketView> {
  if (!read.index || !t) return fail("UNKNOWN_ETICKET");
  if (eticketEnded(t.day, read.now, read.index.config.timeZone)) return fail("ETICKET_ENDED");
  return ok(
    new ViewBuilder(read.index, read.queue, read.durations, forecastAt(read.index, read.now, read.bookingsDue)).eticket(
      t,
      read.notices.view(t.id),
    ),
  );
}

export function availability(read: SiteRead, q: { matterId: string; from: string; to: string }): Result<Availability> {
  if (!read.index) return fail("UNKNOWN_SITE");
  return bookingRules({ ...read, index: read.index }, new Draft(read)).availability(q.matterId, q.from, q.to, read.now);
}

/**
 * Whether a visit could be held at this slot now (no write): what availability shows, for one slot. The
 * hold itself judges again on the commit path; this only lets a taken slot be refused early.
 */
export function bookableSlot(read: SiteRead, q: { matterId: string; start: string }): Result<null> {
  if (!read.index) return fail("UNKNOWN_SITE");
  const r = bookingRules({ ...read, index: read.index }, new Draft(read)).slot(q.matterId, q.start, read.now);
  return r.ok ? ok(null) : r;
}

export function bookingSummary(read: SiteRead, id: string, token: string): Result<BookingSummary> {
  if (!read.index) return fail("UNKNOWN_SITE");
  return bookingRules({ ...read, index: read.index }, new Draft(read)).summary(id, token);
}

/** Whether a check-in code belongs to this site (to tell a citizen at the wrong office where to go). */
export function knowsCheckInCode(read: SiteRead, code: string): boolean {
  const normal = normalizeCheckInCode(code);
  return normal !== null && read.stores.bookings.byCheckInCode(normal) !== null;
}

/** Messages sent or waiting, newest first (the local demo's outbox page). */
export function outboxListing(read: SiteRead, limit: number): OutboxListing[] {
  return read.stores.messages
    .messages(Math.min(Math.max(1, limit), 500))
    .map(({ subject, ...m }) => (subject === null ? m : { ...m, subject }));
}

/** The managers' view: masked recipients, no code texts, newest first. */
export function staffMessages(read: SiteRead, q: SiteMessagesQuery): SiteMessage[] {
  return read.stores.messages.messages(q.limit, q.status === "all" ? null : q.status).map(staffMessage);
}
