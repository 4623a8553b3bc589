// What the statistics are computed from, as plain data. Each ticket's visit is recorded by the site object
// in the same transaction as the change it describes; a transfer ends one part of a visit ("transferred")
// and begins the next, at the matter or desk it was sent to, so each part has its own wait. Desk spans say
// what each desk was doing over the day and who was signed in at it. Bookings and messages are counted from
// their own facts. None of these holds a name, a phone number or an e-mail address.

/** How a ticket came: taken at the kiosk, a booking that joined the queue by itself or was checked in at the kiosk, or entered by a clerk. */
export type VisitChannel = "kiosk" | "booking-auto" | "booking-kiosk" | "clerk";

/**
 * How a part of a visit ended: served; removed after three misses (R5); sent on to another matter or desk;
 * cancelled (a booking called off after it joined); closed at the end of the day while still open; left
 * before the call (when known); or still open (today, live).
 */
export type VisitOutcome = "served" | "no-show" | "transferred" | "cancelled" | "closed" | "left" | "open";

export interface VisitCall {
  at: number;
  deskId: string;
  /** The clerk who called (their user name), null for the alarm's recall. */
  clerk: string | null;
}

/** One part of one ticket's visit (times in ms since the epoch; `day` is the office's local date). */
export interface VisitRecord {
  ticketId: string;
  /** 0 for the ticket as taken, 1 after its first transfer, … */
  part: number;
  day: string;
  departmentId: string;
  matterId: string;
  channel: VisitChannel;
  /** When this part began waiting: the ticket taken, checked in, or transferred. */
  queuedAt: number;
  /** For a booking: its slot's start. */
  slotAt: number | null;
  /** A priority ticket (issue 14); absent: a normal one (and every record kept before priority service). */
  priority?: boolean;
  /** The holder asked for the site's PJM interpreter; absent: not asked. */
  interpreter?: boolean;
  /** The wait the citizen was shown when the ticket was issued, in minutes (part 0 only). */
  estimateMinutes: number | null;
  /** The range shown at issue, in whole minutes (part 0 only; null before ranges were shown). */
  estimateRange: { low: number; high: number } | null;
  calls: VisitCall[];
  startedAt: number | null;
  finishedAt: number | null;
  /** The desk and clerk that served (or last called) it. */
  deskId: string | null;
  clerk: string | null;
  outcome: VisitOutcome;
  /** When the outcome was reached (finished, removed, transferred, cancelled, closed). */
  endedAt: number | null;
}

/** What a desk did from `from` to `to` (null: still), and who was signed in at it. */
export interface DeskSpan {
  deskId: string;
  clerk: string | null;
  state: "serving" | "idle" | "break";
  /** For a break: przerwa, szkolenie, inne. */
  reason: "break" | "training" | "other" | null;
  from: number;
  to: number | null;
}

export interface BookingFact {
  matterId: string;
  /** When it was made (confirmed), and the slot it is for. */
  madeAt: number;
  slotAt: number;
  outcome: "kept" | "missed" | "cancelled" | "pending";
}

export interface MessageFact {
  channel: "sms" | "email";
  at: number;
  status: "sent" | "failed" | "pending";
}

/** Everything one site's figures for a range are computed from. */
export interface SiteDayFacts {
  visits: VisitRecord[];
  desks: DeskSpan[];
  bookings: BookingFact[];
  messages: MessageFact[];
}
