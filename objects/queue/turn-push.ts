// Web Push on the e-ticket: which browser notifications are due after a change of the queue, as a plain
// function over the queue's tickets. The same moments as the SMS "turn near" (turn-near.ts), and the call:
// - "near" once the waiting ticket has at most N people ahead in its line (at once if that is already so);
//   sent once per subscription;
// - "called" each time the ticket is called to a desk (a call, a recall after a miss), once per call:
//   the subscription remembers the call it told of; a "near" not yet sent is then never sent;
// - nothing while the ticket is missed or being served, nor once it has left the queue.
import type { Ticket } from "./model.ts";
import { type PriorityOrder, waitingAheadAll } from "./order.ts";

export interface PushWatch {
  id: string;
  ticketId: string;
  ahead: number;
  nearSent: boolean;
  /** The call (its calledAt) last told of, or null. */
  calledAt: number | null;
}

export type PushMoment =
  | { id: string; ticketId: string; kind: "near"; ahead: number }
  | { id: string; ticketId: string; kind: "called"; deskId: string; calledAt: number };

/** `order`: how the site calls priority tickets, so "near" counts the people ahead as the desks will call them. */
export function turnPushMoments(watches: Iterable<PushWatch>, tickets: ReadonlyMap<string, Ticket>, order: PriorityOrder): PushMoment[] {
  const out: PushMoment[] = [];
  let ahead: Map<string, number> | null = null;
  for (const w of watches) {
    const t = tickets.get(w.ticketId);
    switch (t?.status) {
      case "waiting": {
        if (w.nearSent) break;
        ahead ??= waitingAheadAll(tickets.values(), order);
        const n = ahead.get(t.id) ?? 0;
        if (n <= w.ahead) out.push({ id: w.id, ticketId: t.id, kind: "near", ahead: n });
        break;
      }
      case "called":
        if (t.deskId !== null && t.calledAt !== null && t.calledAt !== w.calledAt)
          out.push({ id: w.id, ticketId: t.id, kind: "called", deskId: t.deskId, calledAt: t.calledAt });
        break;
      default:
        break;
    }
  }
  return out;
}
