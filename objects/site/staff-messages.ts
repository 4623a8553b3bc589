// What office managers see of a site's outbox, and when they may send a failed message again (R9: a code
// or a confirmation is never silently lost). Plain functions over stored rows.
import type { SiteMessage } from "../../protocol/api.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH } from "../booking/codes.ts";
import { maskContact } from "../booking/email.ts";
import type { Booking } from "./booking-store.ts";
import type { StoredMessage } from "./message-store.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What staff see in place of a link that carries a token, and of a check-in code. */
export const HIDDEN = "[…]";
/** Any address carrying a token (a manage link, an e-ticket link): the token is the key to the visit. */
const TOKEN_LINK = /\S*[?&]token=[A-Za-z0-9_-]+/g;
/** A check-in code as the confirmation and reminders write it ("Kod do biletomatu: ABC234", "Kiosk code: ABC234"; "Kod:" before). */
const CHECK_IN_CODE = new RegExp(
  `((?:Kod(?: do biletomatu)?|code):\\s*)[${CHECK_IN_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}(?![${CHECK_IN_ALPHABET}])`,
  "gi",
);

/** A message body as staff may read it: links with a token and check-in codes replaced by a placeholder. */
export function staffBody(body: string): string {
  return body.replace(TOKEN_LINK, HIDDEN).replace(CHECK_IN_CODE, `$1${HIDDEN}`);
}

/**
 * A message for staff: the recipient masked, a verification code's text left out, and in any other text
 * the manage link and the check-in code hidden (either would let its reader act for the citizen).
 */
export function staffMessage(m: StoredMessage): SiteMessage {
  const out: SiteMessage = {
    id: m.id,
    channel: m.channel,
    kind: m.kind,
    // A recipient whose contact data is gone is stored masked already.
    to: m.to.includes("*") ? m.to : maskContact(m.to),
    status: m.status,
    attempts: m.attempts,
    error: m.error,
    createdAt: iso(m.createdAt)!,
    sentAt: iso(m.sentAt),
    deliveryStatus: m.deliveryStatus,
  };
  if (m.channel === "email" && m.subject !== null) out.subject = m.subject;
  if (m.kind !== "code") out.body = staffBody(m.body);
  if (m.bookingId !== null) out.bookingId = m.bookingId;
  return out;
}

/**
 * Whether a failed message may go again, and until when its new attempts may run: a code only while its
 * booking still holds the slot, a confirmation, reminder or cancellation notice only before the visit
 * begins and only while it still tells the current code or time, a "turn near" text only within its own time. Staff cannot send to a recipient already masked.
 */
export function resendWindow(m: StoredMessage, booking: Booking | null, now: number): Result<{ expiresAt: number | null }> {
  if (m.status !== "failed") return fail("MESSAGE_NOT_FAILED");
  if (m.to.includes("*")) return fail("MESSAGE_EXPIRED", "The recipient's contact data has been deleted.");
  if (m.kind === "code") {
    if (!booking || booking.status !== "pending" || now >= booking.holdUntil) return fail("MESSAGE_EXPIRED");
    // A code is written with its hold's end; a later "send again" by the citizen gave a new code and a new end.
    if (m.expiresAt !== null && m.expiresAt !== booking.holdUntil) return fail("MESSAGE_EXPIRED", "A newer code has been sent since.");
    return ok({ expiresAt: booking.holdUntil });
  }
  if (m.bookingId !== null) {
    if (!booking || booking.startAt <= now) return fail("MESSAGE_EXPIRED");
    if (m.kind !== "notify" && booking.status !== "confirmed") return fail("MESSAGE_EXPIRED", "The booking is no longer confirmed.");
    // Confirmations and reminders are written with the visit's start: after a change of time they tell the old one.
    if (m.kind !== "notify" && m.expiresAt !== null && m.expiresAt !== booking.startAt) {
      return fail("MESSAGE_EXPIRED", "The visit has been moved; a newer message gives its time.");
    }
    return ok({ expiresAt: booking.startAt });
  }
  if (m.expiresAt !== null && now >= m.expiresAt) return fail("MESSAGE_EXPIRED");
  return ok({ expiresAt: m.expiresAt });
}
