// Delivery reports of sent SMS (R9), as Twilio posts them to the status callback: which report to keep
// when they arrive out of order or twice, as a plain function over plain values.
//
// Rules:
// - Twilio reports a message's progress: accepted/scheduled → queued → sending → sent → delivered, or
//   undelivered/failed (with an ErrorCode), or canceled; "read" follows "delivered" on some channels.
// - Reports may arrive late and out of order: a report never moves a message back to an earlier stage
//   (a late "sent" after "delivered" is ignored); a later report of the same stage replaces the earlier one.
// - "delivered" (and "read") outrank "undelivered"/"failed": when a retried send made two provider
//   messages for one outbox message, one of them reaching the phone is what counts.
// - A status this code does not know yet (Twilio may add some) is kept only while nothing better is known.

/** Statuses Twilio reports for an outgoing message. */
export const DELIVERY_STATUSES = [
  "accepted",
  "scheduled",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "canceled",
  "read",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Final statuses that mean the citizen did not get the message. */
export const NOT_DELIVERED: ReadonlySet<string> = new Set(["undelivered", "failed", "canceled"]);

const RANK: Readonly<Record<DeliveryStatus, number>> = {
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  delivered: 6,
  read: 7,
};

/** How far along a status is; 0 for a status not known here. */
export function deliveryRank(status: string): number {
  return Object.hasOwn(RANK, status) ? RANK[status as DeliveryStatus] : 0;
}

/** What is stored about a message's delivery. */
export interface DeliveryState {
  status: string | null;
  /** When the provider reported it delivered (ms). */
  deliveredAt: number | null;
  /** The provider's error code of an undelivered or failed message ("30003"). */
  error: string | null;
}

export interface DeliveryReport {
  status: string;
  /** Twilio's ErrorCode, when it sent one. */
  errorCode: string | null;
}

/** The state after one report: unchanged when the report is older news than what is stored. */
export function applyDeliveryReport(current: DeliveryState, report: DeliveryReport, now: number): DeliveryState {
  if (current.status !== null && deliveryRank(report.status) < deliveryRank(current.status)) return current;
  const delivered = report.status === "delivered" || report.status === "read";
  return {
    status: report.status,
    deliveredAt: delivered ? (current.deliveredAt ?? now) : null,
    error: NOT_DELIVERED.has(report.status) ? (report.errorCode ?? "unknown") : null,
  };
}
