// E-ticket browser notifications (Web Push) as decisions: a holder's subscription, the notifications due
// after every change of the queue (computed from the new state and written in the same transaction), and
// each row after an attempt to send. The sending itself is the commit path's, after the write.
import { fail } from "../../../protocol/errors.ts";
import { assertNever } from "../../../protocol/live-wire.ts";
import type { ETicketPushRequest, PushPayload } from "../../../protocol/push.ts";
import type { PushResult } from "../../push/send.ts";
import type { Ticket } from "../../queue/model.ts";
import type { PriorityOrder } from "../../queue/order.ts";
import { turnNoticeRefusal } from "../../queue/turn-near.ts";
import { turnPushMoments } from "../../queue/turn-push.ts";
import { accept, type Change, type Decision, refuse } from "../change.ts";
import type { SiteSettings } from "../draft.ts";
import type { PushBook, PushSubscriptionRow } from "../push-store.ts";
import { randomToken } from "../random.ts";
import type { SiteIndex } from "../site-index.ts";
import { eticketUrl } from "../tickets.ts";

/** Browsers (a phone, a laptop…) one ticket may subscribe: enough for a family, too few to flood. */
export const MAX_PUSH_PER_TICKET = 3;
/** Different requests one subscription may make (a new key, another threshold). */
export const MAX_PUSH_REQUESTS = 5;
/** A notification that cannot reach the browser within this time is useless: it is given up. */
export const PUSH_TTL_MS = 30 * 60_000;
/** Attempts per notification, the second after RETRY_BASE_MS, each next one twice as late. */
export const PUSH_MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 30_000;

/** Stores (or renews) a browser's subscription for a waiting ticket; the same request again changes nothing. */
export function subscribePush(
  book: PushBook,
  ticket: Ticket | null,
  input: ETicketPushRequest,
  now: number,
): Decision<{ ticketId: string; ahead: number }> {
  if (!ticket) return refuse(fail("UNKNOWN_ETICKET"));
  const refusal = turnNoticeRefusal(ticket);
  if (refusal) return refuse(fail(refusal));
  const { endpoint, keys } = input.subscription;
  const mine = book.ofTicket(ticket.id);
  const prev = mine.find((r) => r.endpoint === endpoint);
  const answer = { ticketId: ticket.id, ahead: input.ahead };
  if (prev && prev.p256dh === keys.p256dh && prev.auth === keys.auth && prev.ahead === input.ahead && prev.lang === input.lang) {
    return accept(answer);
  }
  if (prev && prev.requests >= MAX_PUSH_REQUESTS) {
    return refuse(fail("RATE_LIMITED", `At most ${MAX_PUSH_REQUESTS} different requests per browser and ticket.`));
  }
  if (!prev && mine.length >= MAX_PUSH_PER_TICKET) {
    return refuse(fail("RATE_LIMITED", `At most ${MAX_PUSH_PER_TICKET} browsers per ticket.`));
  }
  const row: PushSubscriptionRow = {
    id: prev?.id ?? `ps_${randomToken(12)}`,
    ticketId: ticket.id,
    day: ticket.day,
    endpoint,
    p256dh: keys.p256dh,
    auth: keys.auth,
    lang: input.lang,
    ahead: input.ahead,
    requests: (prev?.requests ?? 0) + 1,
    createdAt: prev?.createdAt ?? now,
    // Another threshold is a new promise: "near" may be told again.
    nearSent: prev && prev.ahead === input.ahead ? prev.nearSent : false,
    calledAt: prev?.calledAt ?? null,
    pending: prev?.pending ?? null,
    attempts: prev?.attempts ?? 0,
    nextAt: prev?.nextAt ?? null,
    expiresAt: prev?.expiresAt ?? null,
  };
  return accept(answer, { pushSubscriptions: [row] });
}

/** The notifications due after a change of the queue, each written on its subscription as pending; empty while nobody subscribed. */
export function turnPushes(
  book: PushBook,
  tickets: ReadonlyMap<string, Ticket>,
  index: SiteIndex | null,
  now: number,
  settings: SiteSettings,
  order: PriorityOrder,
): Change {
  if (!book.size) return {};
  const rows: PushSubscriptionRow[] = [];
  for (const m of turnPushMoments(book.watches(), tickets, order)) {
    const sub = book.get(m.id);
    const ticket = tickets.get(m.ticketId);
    if (!sub || !ticket) continue;
    const base = { v: 1 as const, number: ticket.number, lang: sub.lang, url: eticketUrl(settings.publicUrl, ticket.token) };
    const payload: PushPayload =
      m.kind === "near"
        ? { ...base, kind: "near", ahead: m.ahead }
        : { ...base, kind: "called", desk: String(index?.desks.get(m.deskId)?.number ?? m.deskId) };
    rows.push({
      ...sub,
      nearSent: true,
      calledAt: m.kind === "called" ? m.calledAt : sub.calledAt,
      pending: JSON.stringify(payload),
      attempts: 0,
      nextAt: now,
      expiresAt: now + PUSH_TTL_MS,
    });
  }
  return rows.length ? { pushSubscriptions: rows } : {};
}

/**
 * A subscription after an attempt to send `sent` (its payload then): the row as it is now, since a newer
 * notification may have replaced the one that went. An ended subscription is deleted whatever it holds.
 */
export function afterPushAttempt(current: PushSubscriptionRow | null, sent: string, result: PushResult, now: number): Change {
  if (!current) return {};
  if (result.kind === "gone") return { droppedPushSubscriptions: [current.id] };
  if (current.pending !== sent) return {};
  const done = { ...current, pending: null, attempts: 0, nextAt: null, expiresAt: null };
  switch (result.kind) {
    case "sent":
    case "refused":
      return { pushSubscriptions: [done] };
    case "retry": {
      const attempts = current.attempts + 1;
      const nextAt = now + RETRY_BASE_MS * 2 ** (attempts - 1);
      const late = current.expiresAt !== null && nextAt > current.expiresAt;
      return { pushSubscriptions: [attempts >= PUSH_MAX_ATTEMPTS || late ? done : { ...current, attempts, nextAt }] };
    }
    default:
      return assertNever(result);
  }
}
