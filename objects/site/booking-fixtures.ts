// Test data: a booking row with only what a test names (no contact, no codes).
import type { Booking } from "./booking-store.ts";

export function booking(id: string, matterId: string, startAt: number, status: Booking["status"], holdUntil = 0): Booking {
  return {
    id,
    matterId,
    startAt,
    status,
    name: null,
    phone: null,
    email: null,
    contactKey: null,
    verification: { codeHash: "", startedAt: 0, sentAt: 0, sends: 1, tries: 0, verifiedAt: 0 },
    holdUntil,
    manageToken: null,
    checkInCode: null,
    ticketNumber: null,
    ticketId: null,
    reminded: "",
    client: null,
    createdAt: 0,
    confirmedAt: null,
    lang: "pl",
  };
}
