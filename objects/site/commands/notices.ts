// E-ticket "tell me when N are ahead" (R8) as decisions: a holder's request, and after every change of the
// queue the texts now due, computed from the new state and written in the same transaction.
import { fail } from "../../../protocol/errors.ts";
import type { CitizenLang } from "../../../protocol/lang.ts";
import type { Ticket } from "../../queue/model.ts";
import type { PriorityOrder } from "../../queue/order.ts";
import { turnNearSms } from "../../sms/messages.ts";
import { accept, type Change, type Decision, refuse } from "../change.ts";
import type { SiteSettings } from "../draft.ts";
import { decideNoticeRequest, dueNotices, NOTIFY_SMS_TTL_MS, type NoticeBook } from "../notify.ts";
import { eticketUrl } from "../tickets.ts";

/** "Tell me by SMS when N people are ahead" for a ticket: one request per ticket, sent once (at once if already true). */
export function requestNotice(
  book: NoticeBook,
  ticket: Ticket | null,
  input: { phone: string; ahead: number; lang?: CitizenLang | undefined },
  smsCountries: readonly string[],
  now: number,
): Decision<{ ticketId: string }> {
  if (!ticket) return refuse(fail("UNKNOWN_ETICKET"));
  const r = decideNoticeRequest(book.get(ticket.id), ticket, input, smsCountries, now);
  if (!r.ok) return refuse(r);
  return accept({ ticketId: ticket.id }, r.value.changed ? { notices: [r.value.request] } : {});
}

/** The texts due after a change of the queue, and the requests to forget; empty while nobody asked. */
export function turnNotices(
  siteId: string,
  book: NoticeBook,
  tickets: ReadonlyMap<string, Ticket>,
  now: number,
  settings: SiteSettings,
  order: PriorityOrder = "off",
): Change {
  const due = dueNotices(book, tickets, now, order);
  if (!due.sent.length && !due.dropped.length) return {};
  return {
    notices: due.sent.map((s) => s.request),
    droppedNotices: due.dropped,
    messages: due.sent.map(({ request, ticket, ahead }) => ({
      siteId,
      channel: "sms" as const,
      to: request.phone,
      kind: "notify" as const,
      now,
      expiresAt: now + NOTIFY_SMS_TTL_MS,
      ticketId: ticket.id,
      lang: request.lang,
      body: turnNearSms({ ticket: ticket.number, ahead, eticketUrl: eticketUrl(settings.publicUrl, ticket.token) }, request.lang),
    })),
  };
}
