// Stable error codes: clients and tests rely on these, messages may be reworded.
export const ERRORS = {
  BAD_REQUEST: [400, "The request is malformed."],
  VALIDATION_FAILED: [400, "The request does not match the expected shape."],
  INVALID_JSON: [400, "The body is not valid JSON."],
  TIME_ZONE_UNKNOWN: [400, "The time zone is not an IANA time zone such as Europe/Warsaw."],
  HOURS_INVALID: [400, "Opening hours end before they start or overlap other hours of the same day."],
  DATE_INVALID: [400, "The date is not a date of the calendar."],
  DUPLICATE_ID: [400, "An id, or a matter of one desk, is used twice."],
  DUPLICATE_PREFIX: [400, "Two matters of the site have the same ticket prefix."],
  PREFIX_AMBIGUOUS: [400, "A ticket prefix with I or O reads as the digits 1 and 0; choose other letters."],
  DUPLICATE_DESK_NUMBER: [400, "Two desks of the site have the same number."],
  DUPLICATE_DATE: [400, "A date is listed twice among the special days and days off."],
  DESK_WITHOUT_MATTERS: [400, "A desk must serve at least one matter."],
  UNKNOWN_REFERENCE: [400, "The configuration names a matter or desk the site does not have."],
  PUSH_ENDPOINT_NOT_ALLOWED: [400, "The push subscription's endpoint is not one numerek sends to (https, a push service's public host)."],
  IDEMPOTENCY_KEY_INVALID: [400, "The Idempotency-Key header must be 8-100 characters of letters, digits, '-', '_' or ':'."],
  UNAUTHENTICATED: [401, "Sign in first: send 'Authorization: Bearer <token>'."],
  TOKEN_INVALID: [401, "The token is invalid or has expired; sign in again."],
  BAD_CREDENTIALS: [401, "Wrong user name or password."],
  FORBIDDEN: [403, "Your account may not do this."],
  SITE_FORBIDDEN: [403, "Your account does not belong to this site."],
  DESK_FORBIDDEN: [403, "Your account may not operate this desk."],
  DEMO_ONLY: [403, "This is available only in local demo mode."],
  SIGNATURE_INVALID: [403, "The request's signature is missing or does not match."],
  NOT_FOUND: [404, "No such resource."],
  UNKNOWN_SITE: [404, "No such site."],
  UNKNOWN_MATTER: [404, "No such matter at this site."],
  UNKNOWN_DESK: [404, "No such desk at this site."],
  UNKNOWN_TICKET: [404, "No such ticket today."],
  UNKNOWN_ETICKET: [404, "No such e-ticket."],
  UNKNOWN_MESSAGE: [404, "No such message at this site."],
  METHOD_NOT_ALLOWED: [405, "Method not allowed here."],
  DESK_BUSY: [409, "The desk already has a client: finish or mark a no-show first."],
  DESK_IDLE: [409, "The desk has no client now."],
  DESK_PAUSED: [409, "The desk is on a break: resume it first."],
  DESK_NOT_PAUSED: [409, "The desk is not on a break."],
  NOT_CALLED_YET: [409, "The client has not been called to this desk."],
  ALREADY_SERVING: [409, "Service has already started."],
  TICKET_NOT_WAITING: [409, "The ticket is not waiting in the queue."],
  TICKET_CLOSED: [409, "The ticket is already served, removed or closed."],
  MATTER_NOT_SERVED: [409, "This desk does not serve that matter."],
  TRANSFER_TARGET_INVALID: [409, "Transfer to a different matter or desk than the current one."],
  SITE_CLOSED: [409, "The site is closed now."],
  SITE_CLOSED_TEMPORARILY: [409, "The site is closed for a while; its notice says until when."],
  MATTER_CAP_REACHED: [409, "No more tickets of this matter today: its daily limit is reached."],
  MATTER_CLOSED_FOR_TODAY: [409, "No more tickets of this matter today: it could not be served before closing. Book a visit."],
  CONFIG_STRANDS_TICKETS: [409, "The change would leave people without a desk: finish or transfer their tickets first."],
  MATTER_UNAVAILABLE: [409, "No desk serving this matter is open now."],
  PRIORITY_UNAVAILABLE: [409, "This site does not offer priority service."],
  INTERPRETER_UNAVAILABLE: [409, "This site has no remote PJM interpreter."],
  RANGE_TOO_LONG: [400, "Ask for at most 62 days at once."],
  CONTACT_REQUIRED: [400, "Give a mobile phone number or an e-mail address."],
  PHONE_INVALID: [400, "This is not a valid phone number."],
  PHONE_NOT_MOBILE: [400, "Give a mobile number: the confirmation code comes by SMS."],
  PHONE_COUNTRY_NOT_ALLOWED: [
    400,
    "This office sends SMS only to mobile numbers of some countries; give another number or an e-mail address.",
  ],
  EMAIL_INVALID: [400, "This is not a valid e-mail address."],
  HUMAN_CHECK_FAILED: [403, "The check that a person is booking failed or was not done (a missing, used or expired token); tick it again."],
  MANAGE_TOKEN_INVALID: [403, "This link does not manage this booking."],
  UNKNOWN_BOOKING: [404, "No such booking."],
  UNKNOWN_CODE: [404, "No booking has this code."],
  ETICKET_ENDED: [410, "This ticket's day has ended: its e-ticket link no longer works."],
  CODE_EXPIRED: [410, "The confirmation code has expired and the time was released; book again."],
  SLOT_UNAVAILABLE: [409, "This time is not available (taken, closed or out of range); choose another."],
  MATTER_NOT_BOOKABLE: [409, "This matter cannot be booked online."],
  BOOKING_NOT_PENDING: [409, "This booking is no longer waiting for its code."],
  BOOKING_NOT_ACTIVE: [409, "This booking is cancelled, expired or already used."],
  TOO_EARLY: [409, "Too early to check in: come back no earlier than the time shown."],
  TOO_LATE: [409, "Too late to check in for this booking; take a ticket or book again."],
  WRONG_SITE: [409, "This booking is for another office."],
  ALREADY_CHECKED_IN: [409, "This booking has already been checked in."],
  SITE_ID_TAKEN: [409, "This site id belongs to another organisation; choose another."],
  USERNAME_TAKEN: [409, "This user name is taken (user names are unique across the deployment); choose another."],
  UNKNOWN_ORGANISATION: [404, "There is no such organisation."],
  UNKNOWN_DEVICE: [404, "The site has no such device."],
  PAIRING_CODE_UNKNOWN: [404, "No device shows this pairing code."],
  PAIRING_UNKNOWN: [404, "This pairing is unknown or has expired; ask for a new code."],
  PAIRING_CODE_EXPIRED: [410, "This pairing code has expired; the device shows a new one."],
  PAIRING_CODE_USED: [409, "This pairing code has paired a device already."],
  PAIRING_SITE_MISMATCH: [409, "The device was opened for another site."],
  DEVICE_KIND_MISMATCH: [409, "The device is of another kind than the one chosen."],
  DEVICE_REVOKED: [409, "This device has been revoked already."],
  ORGANISATION_EXISTS: [409, "An organisation with this id exists already."],
  // ---- staff of an organisation ----
  UNKNOWN_ACCOUNT: [404, "There is no such account in this organisation."],
  SITE_NOT_IN_ORGANISATION: [400, "An account may be given only sites of its own organisation."],
  UNKNOWN_STAFF_DESK: [400, "A clerk may be given only desks of the sites chosen for them."],
  LAST_ADMIN: [409, "The organisation's last administrator cannot be disabled."],
  ADMIN_ACCOUNT: [409, "An administrator's role, sites and desks are not changed here."],
  ORGANISATION_FORBIDDEN: [403, "Your account administers another organisation."],
  OWN_PASSWORD: [409, "Your own password is changed with POST /api/v1/auth/password, giving the current one."],
  PASSWORD_CHANGE_REQUIRED: [403, "Set a new password first: the one you signed in with was temporary."],
  PASSWORD_WRONG: [403, "The current password is wrong."],
  PASSWORD_UNCHANGED: [400, "The new password must differ from the current one."],
  ACCOUNT_DISABLED: [403, "This account is disabled; ask your organisation's administrator."],
  MESSAGE_NOT_FAILED: [409, "Only a message that failed can be sent again."],
  MESSAGE_EXPIRED: [409, "Sending this message again is pointless: its code hold has ended or the visit has begun."],
  CODE_WRONG: [422, "Wrong code."],
  TOO_MANY_BOOKINGS: [429, "This phone number or e-mail already holds the most bookings allowed here."],
  BOOKING_RATE_LIMITED: [429, "Too many bookings started from here; try again later."],
  CONTACT_RATE_LIMITED: [429, "Too many codes or messages went to this number or address lately; try again later."],
  CODE_TRIES_EXCEEDED: [429, "Too many wrong codes; book again."],
  RESEND_TOO_SOON: [429, "Wait a minute before asking for a new code."],
  RESEND_LIMIT: [429, "No more codes can be sent for this booking; book again."],
  IDEMPOTENCY_KEY_REUSED: [422, "This Idempotency-Key was already used for a different request."],
  // ---- local continuity: the site's agent while the office is cut off from the cloud ----
  REPLAY_OUT_OF_ORDER: [409, "The offline log must be replayed in order: an earlier entry has not been applied yet."],
  OFFLINE_NUMBERS_USED_UP: [503, "The numbers set aside for working offline are used up for this matter today."],
  OFFLINE_NOT_AVAILABLE: [503, "This needs the cloud, which the office cannot reach now; it works again when the link returns."],
  OFFLINE_NOT_READY: [503, "The office's local agent has no copy of the queue yet; it cannot take over."],
  PAYLOAD_TOO_LARGE: [413, "The body is too large."],
  UNSUPPORTED_MEDIA_TYPE: [415, "Send JSON with 'Content-Type: application/json'."],
  UPGRADE_REQUIRED: [426, "This endpoint expects a WebSocket upgrade."],
  RATE_LIMITED: [429, "Too many attempts; wait a while and try again."],
  INTERNAL: [500, "Something went wrong on our side."],
  STORAGE_FAILED: [503, "The office could not save this just now (its storage failed or is full); nothing was changed. Try again shortly."],
  NOT_CONFIGURED: [503, "The server is not configured for this mode."],
  HUMAN_CHECK_UNAVAILABLE: [503, "The check that a person is booking cannot be completed now; try again in a moment."],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** Narrows a code read from the wire (an error frame, an error body) to one of ours. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/**
 * What an object's RPC method returns: the platform would strip an Error's fields, so errors travel as data.
 * `replayed`: the answer is the first answer to a retried Idempotency-Key (the command did not run again).
 */
export type Result<T> = { ok: true; value: T; replayed?: true } | { ok: false; code: ErrorCode; message?: string };

export function fail(code: ErrorCode, message?: string): { ok: false; code: ErrorCode; message?: string } {
  return message === undefined ? { ok: false, code } : { ok: false, code, message };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
