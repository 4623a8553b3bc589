// "Tell me by SMS when N people are ahead" (R8): which pending requests of e-ticket holders are due after a
// change of the queue, as a plain function over the queue's tickets.
//
// Rules:
// - A request is due once its waiting ticket has at most N people ahead in its line (as the e-ticket shows).
// - It is also due when its ticket is called (or already served at the desk) before that happened: the
//   holder hears "your turn is now" with 0 ahead.
// - A missed ticket waits for its recall: nothing is sent until it is called again.
// - A ticket that is gone from the queue (served, removed, closed, or no longer known) drops its request.
// - Each request is sent at most once; the caller keeps only pending (unsent) requests here.
import type { Ticket } from "./model.ts";
import { type PriorityOrder, waitingAheadAll } from "./order.ts";

/** How many people ahead the holder wants to be told at: 1-20. */
export const MIN_NOTIFY_AHEAD = 1;
export const MAX_NOTIFY_AHEAD = 20;

export interface TurnRequest {
  ticketId: string;
  ahead: number;
}

export interface TurnDecisions {
  /** Requests to send now, with the people ahead to tell (0: called). */
  send: { ticketId: string; ahead: number }[];
  /** Requests whose ticket has left the queue unsent. */
  drop: string[];
}

export function turnNearDecisions(
  requests: Iterable<TurnRequest>,
  tickets: ReadonlyMap<string, Ticket>,
  order: PriorityOrder = "off",
): TurnDecisions {
  const out: TurnDecisions = { send: [], drop: [] };
  let ahead: Map<string, number> | null = null;
  for (const r of requests) {
    const t = tickets.get(r.ticketId);
    switch (t?.status) {
      case "waiting": {
        // One pass over the queue for every request, and only when some ticket with a request waits.
        ahead ??= waitingAheadAll(tickets.values(), order);
        const n = ahead.get(t.id) ?? 0;
        if (n <= r.ahead) out.send.push({ ticketId: r.ticketId, ahead: n });
        break;
      }
      case "called":
      case "serving":
        out.send.push({ ticketId: r.ticketId, ahead: 0 });
        break;
      case "missed":
        break;
      default:
        out.drop.push(r.ticketId);
    }
  }
  return out;
}

/** Why a ticket cannot take a request now: called already, or gone from the queue; null when it can. */
export function turnNoticeRefusal(t: Ticket): "TICKET_NOT_WAITING" | "TICKET_CLOSED" | null {
  switch (t.status) {
    case "waiting":
    case "missed":
      return null;
    case "called":
    case "serving":
      return "TICKET_NOT_WAITING";
    default:
      return "TICKET_CLOSED";
  }
}
