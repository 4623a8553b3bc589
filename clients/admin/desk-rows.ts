// Each desk as the manager's table shows it, from the staff view of the queue: open or on a break,
// the number at the desk (called or served: the hall's stream announces a call, not the start of
// service, so the page does not tell the two apart), and how many wait in the desk's queue (a waiting ticket counts for a desk
// when it was sent to that desk, or when it is unassigned and of a matter the desk serves: the rule
// "call next" follows in objects/queue/order.ts).
import type { QueueResponse, TicketView } from "../../protocol/api.ts";

export interface DeskRow {
  id: string;
  name: string;
  status: "open" | "paused";
  /** The number called to the desk or being served there; null when nobody is there. */
  client: string | null;
  waiting: number;
}

function inDeskQueue(desk: { id: string; matterIds: readonly string[] }, t: TicketView): boolean {
  if (t.status !== "waiting") return false;
  return t.deskId !== null ? t.deskId === desk.id : desk.matterIds.includes(t.matterId);
}

export function deskRows(q: Pick<QueueResponse, "desks" | "tickets">): DeskRow[] {
  return q.desks.map((d) => ({
    id: d.id,
    name: d.name,
    status: d.status,
    client: d.ticket && (d.ticket.status === "called" || d.ticket.status === "serving") ? d.ticket.number : null,
    waiting: q.tickets.filter((t) => inDeskQueue(d, t)).length,
  }));
}

/** Everyone waiting at the site (each person once, whichever desks could take them). */
export function totalWaiting(q: Pick<QueueResponse, "tickets">): number {
  return q.tickets.filter((t) => t.status === "waiting").length;
}
