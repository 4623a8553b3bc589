// A ticket joining the queue (a walk-in, or a booking at its time), its e-ticket link, and the kiosk that took it.
import type { Ticket } from "../queue/model.ts";
import { eticketToken, randomToken } from "./random.ts";

/** What a citizen asked for at the kiosk besides the matter (issue 14). */
export interface TicketFlags {
  priority: boolean;
  interpreter: boolean;
}

/** A ticket that has just joined the queue: a walk-in, or a booking (ordered by its reserved time). */
export function newTicket(
  siteId: string,
  day: string,
  number: string,
  matterId: string,
  now: number,
  reservedAt: number | null,
  flags: TicketFlags = { priority: false, interpreter: false },
): Ticket {
  return {
    ...(flags.priority ? { priority: true } : {}),
    ...(flags.interpreter ? { interpreter: true } : {}),
    id: `tk_${randomToken(12)}`,
    token: eticketToken(siteId),
    day,
    number,
    matterId,
    source: reservedAt === null ? "walk-in" : "booking",
    status: "waiting",
    takenAt: now,
    reservedAt,
    deskId: null,
    misses: 0,
    recallAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
  };
}

/** The e-ticket page of a ticket (the link in its QR code and in "turn near" texts). */
export function eticketUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/t/${token}`;
}

/** The kiosk a ticket was taken at (its print job goes there), or null for staff and automatic joins. */
export function kioskOf(p: { id: string; role: string; deviceId?: string }): string | null {
  return p.role === "kiosk" ? (p.deviceId ?? p.id) : null;
}
