// GET /api/openapi.json: generated from the same zod schemas that validate the requests.
import { z } from "zod";
import {
  AvailabilityQuery, AvailabilityResponse, BookingQuery, BookingSummary, CancelBookingRequest, CheckInRequest,
  ConfirmBookingRequest, ConfirmBookingResponse, CreateBookingRequest, CreateBookingResponse, DevOutboxQuery, EmptyRequest,
  RescheduleBookingRequest, ResendMessageResponse, SiteMessagesQuery, SiteMessagesResponse,
  CallTicketRequest, DESK_ACTIONS, DeskActionResponse, ETicketNotifyRequest, ETicketNotifyResponse, ETicketView, IssueTicketRequest, IssuedTicket,
  LiveQuery, LoginRequest, LoginResponse, QueueResponse, SitesResponse, TransferRequest,
} from "../protocol/api.ts";
import { SiteConfig } from "../protocol/config.ts";
import { ERRORS, type ErrorCode } from "../protocol/errors.ts";

interface Operation {
  method: "get" | "post" | "put";
  path: string;
  summary: string;
  auth?: string;
  idempotent?: boolean;
  params?: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  response?: { status: number; schema?: z.ZodType; description?: string };
  errors: ErrorCode[];
}

const COMMON: ErrorCode[] = ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE"];
const STAFF: ErrorCode[] = ["UNAUTHENTICATED", "TOKEN_INVALID", "FORBIDDEN", "SITE_FORBIDDEN", "UNKNOWN_SITE"];

const OPERATIONS: Operation[] = [
  { method: "post", path: "/api/v1/auth/login", summary: "Sign in (staff or device); returns a bearer token.", body: LoginRequest,
    response: { status: 200, schema: LoginResponse }, errors: [...COMMON, "BAD_CREDENTIALS", "RATE_LIMITED"] },
  { method: "get", path: "/api/v1/sites", summary: "Sites with departments, matters and desks (public).",
    response: { status: 200, schema: SitesResponse }, errors: [] },
  { method: "put", path: "/api/v1/sites/{siteId}", summary: "Create or replace a site's configuration (manager).", auth: "manager",
    params: ["siteId"], body: SiteConfig, response: { status: 200, schema: z.object({ id: z.string() }) }, errors: [...COMMON, ...STAFF] },
  { method: "post", path: "/api/v1/sites/{siteId}/tickets", summary: "Take a walk-in ticket (kiosk or staff).", auth: "kiosk, clerk, manager",
    idempotent: true, params: ["siteId"], body: IssueTicketRequest, response: { status: 201, schema: IssuedTicket },
    errors: [...COMMON, ...STAFF, "UNKNOWN_MATTER", "SITE_CLOSED", "MATTER_UNAVAILABLE", "IDEMPOTENCY_KEY_REUSED"] },
  { method: "get", path: "/api/v1/sites/{siteId}/queue", summary: "Open tickets and desks of a site (staff).", auth: "clerk, manager",
    params: ["siteId"], response: { status: 200, schema: QueueResponse }, errors: STAFF },
  ...DESK_ACTIONS.map((action): Operation => ({
    method: "post", path: `/api/v1/sites/{siteId}/desks/{deskId}/${action}`,
    summary: `Desk command "${action}" (the desk's clerk or a manager).`, auth: "clerk, manager", idempotent: true,
    params: ["siteId", "deskId"],
    ...(action === "call" ? { body: CallTicketRequest } : action === "transfer" ? { body: TransferRequest } : {}),
    response: { status: 200, schema: DeskActionResponse },
    errors: [...COMMON, ...STAFF, "DESK_FORBIDDEN", "UNKNOWN_DESK", "UNKNOWN_TICKET", "UNKNOWN_MATTER", "DESK_BUSY", "DESK_IDLE",
      "DESK_PAUSED", "DESK_NOT_PAUSED", "ALREADY_SERVING", "TICKET_NOT_WAITING", "TICKET_CLOSED", "MATTER_NOT_SERVED",
      "TRANSFER_TARGET_INVALID", "IDEMPOTENCY_KEY_REUSED"],
  })),
  { method: "get", path: "/api/v1/etickets/{token}", summary: "A ticket's live state for its holder (public, unguessable token).",
    params: ["token"], response: { status: 200, schema: ETicketView }, errors: ["UNKNOWN_ETICKET"] },
  { method: "post", path: "/api/v1/etickets/{token}/notify",
    summary: "Ask for an SMS when this many people or fewer are ahead, or at the call (public, one request per ticket; the same request again sends nothing twice).",
    params: ["token"], body: ETicketNotifyRequest, response: { status: 202, schema: ETicketNotifyResponse },
    errors: [...COMMON, "UNKNOWN_ETICKET", "PHONE_INVALID", "PHONE_NOT_MOBILE", "TICKET_NOT_WAITING", "TICKET_CLOSED", "RATE_LIMITED"] },
  { method: "post", path: "/api/v1/sms/status",
    summary: "Twilio's delivery report of an SMS (form-encoded MessageSid, MessageStatus, ErrorCode; query ref=<message id>), signed with X-Twilio-Signature.",
    response: { status: 204, description: "Recorded" }, errors: ["SIGNATURE_INVALID", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_FAILED", "NOT_FOUND"] },
  { method: "get", path: "/api/v1/sites/{siteId}/live", summary: "WebSocket: display, desk:{deskId}, clerk:{deskId} or agent view.",
    auth: "any staff or device token (header or access_token)", params: ["siteId"], query: LiveQuery,
    response: { status: 101, description: "Switching to the WebSocket protocol" }, errors: [...STAFF, "UPGRADE_REQUIRED", "UNKNOWN_DESK"] },
  // ---- online booking (R6, R7) ----
  { method: "get", path: "/api/v1/sites/{siteId}/availability", summary: "Free booking slots of a matter, day by day (public, at most 62 days).",
    params: ["siteId"], query: AvailabilityQuery, response: { status: 200, schema: AvailabilityResponse },
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE", "UNKNOWN_MATTER", "RANGE_TOO_LONG"] },
  { method: "post", path: "/api/v1/bookings",
    summary: "Hold a slot and send the confirmation code by SMS or by e-mail, to exactly one of phone and email (public).", idempotent: true,
    body: CreateBookingRequest, response: { status: 202, schema: CreateBookingResponse },
    errors: [...COMMON, "UNKNOWN_SITE", "UNKNOWN_MATTER", "MATTER_NOT_BOOKABLE", "SLOT_UNAVAILABLE", "CONTACT_REQUIRED", "PHONE_INVALID",
      "PHONE_NOT_MOBILE", "EMAIL_INVALID", "TOO_MANY_BOOKINGS", "BOOKING_RATE_LIMITED", "IDEMPOTENCY_KEY_REUSED"] },
  { method: "get", path: "/api/v1/bookings/{bookingId}", summary: "The visit behind a manage link (no contact data).",
    params: ["bookingId"], query: BookingQuery, response: { status: 200, schema: BookingSummary },
    errors: ["VALIDATION_FAILED", "UNKNOWN_BOOKING", "MANAGE_TOKEN_INVALID"] },
  { method: "post", path: "/api/v1/bookings/{bookingId}/confirm", summary: "Confirm with the code (from the SMS or the e-mail): ticket number, check-in code, manage link.",
    params: ["bookingId"], body: ConfirmBookingRequest, response: { status: 200, schema: ConfirmBookingResponse },
    errors: [...COMMON, "UNKNOWN_BOOKING", "CODE_WRONG", "CODE_EXPIRED", "CODE_TRIES_EXCEEDED", "BOOKING_NOT_PENDING"] },
  { method: "post", path: "/api/v1/bookings/{bookingId}/resend", summary: "A new code, no sooner than 60 s after the last.",
    params: ["bookingId"], body: EmptyRequest, response: { status: 200, schema: z.object({ expiresAt: z.string() }) },
    errors: ["UNKNOWN_BOOKING", "BOOKING_NOT_PENDING", "RESEND_TOO_SOON", "RESEND_LIMIT", "CODE_EXPIRED"] },
  { method: "post", path: "/api/v1/bookings/{bookingId}/reschedule", summary: "Move a confirmed visit to another free slot (holder of the manage link).",
    idempotent: true, params: ["bookingId"], body: RescheduleBookingRequest, response: { status: 200, schema: ConfirmBookingResponse },
    errors: [...COMMON, "UNKNOWN_BOOKING", "MANAGE_TOKEN_INVALID", "BOOKING_NOT_ACTIVE", "SLOT_UNAVAILABLE", "IDEMPOTENCY_KEY_REUSED"] },
  { method: "post", path: "/api/v1/bookings/{bookingId}/cancel", summary: "Cancel a confirmed visit (holder of the manage link).",
    params: ["bookingId"], body: CancelBookingRequest, response: { status: 200, schema: z.object({ status: z.literal("cancelled") }) },
    errors: [...COMMON, "UNKNOWN_BOOKING", "MANAGE_TOKEN_INVALID", "BOOKING_NOT_ACTIVE"] },
  { method: "post", path: "/api/v1/sites/{siteId}/check-in", summary: "Kiosk check-in with the booking's code: the ticket, like a walk-in.",
    auth: "kiosk, clerk, manager", idempotent: true, params: ["siteId"], body: CheckInRequest, response: { status: 201, schema: IssuedTicket },
    errors: [...COMMON, ...STAFF, "UNKNOWN_CODE", "TOO_EARLY", "TOO_LATE", "WRONG_SITE", "ALREADY_CHECKED_IN", "BOOKING_NOT_ACTIVE"] },
  // ---- messages to citizens (R9) ----
  { method: "get", path: "/api/v1/sites/{siteId}/messages",
    summary: "A site's SMS and e-mails, newest first: recipients masked, verification codes never shown (manager).", auth: "manager",
    params: ["siteId"], query: SiteMessagesQuery, response: { status: 200, schema: SiteMessagesResponse }, errors: ["VALIDATION_FAILED", ...STAFF] },
  { method: "post", path: "/api/v1/sites/{siteId}/messages/{messageId}/resend",
    summary: "Send a failed message again: pending at once, then sent (manager).", auth: "manager", idempotent: true,
    params: ["siteId", "messageId"], body: EmptyRequest, response: { status: 200, schema: ResendMessageResponse },
    errors: [...COMMON, ...STAFF, "UNKNOWN_MESSAGE", "MESSAGE_NOT_FAILED", "MESSAGE_EXPIRED", "IDEMPOTENCY_KEY_REUSED"] },
  { method: "get", path: "/api/v1/dev/outbox", summary: "Demo only: every SMS and e-mail the demo would have sent, newest first, with delivery reports.",
    query: DevOutboxQuery, response: { status: 200, description: "{messages:[{siteId, id, channel, to, subject?, body, kind, status, …}]}" },
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE", "DEMO_ONLY"] },
  { method: "get", path: "/api/v1/etickets/{token}/live", summary: "WebSocket: one e-ticket's live view (public).",
    params: ["token"], response: { status: 101, description: "Switching to the WebSocket protocol" }, errors: ["UNKNOWN_ETICKET", "UPGRADE_REQUIRED"] },
];

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

export function openApiDocument(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters: unknown[] = (op.params ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    if (op.idempotent) parameters.push({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", pattern: "^[A-Za-z0-9_:-]{8,100}$" }, description: "A retry with the same key returns the first answer." });
    if (op.query) {
      const q = schema(op.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(q.properties ?? {})) parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: s });
    }
    const responses: Record<string, unknown> = {
      [op.response?.status ?? 200]: {
        description: op.response?.description ?? "OK",
        ...(op.response?.schema ? { content: { "application/json": { schema: schema(op.response.schema) } } } : {}),
      },
    };
    for (const code of op.errors) {
      const status = String(ERRORS[code][0]);
      const r = (responses[status] ??= { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }) as { description: string };
      r.description = r.description ? `${r.description}, ${code}` : code;
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.auth ? { security: [{ bearer: [] }], description: `Who may call: ${op.auth}.` } : {}),
      parameters,
      ...(op.body ? { requestBody: { required: false, content: { "application/json": { schema: schema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "numerek API", version: "1.0.0", description: "Queue system for city offices: tickets, calls, e-tickets." },
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object", required: ["error"],
          properties: { error: { type: "object", required: ["code", "message"], properties: {
            code: { type: "string", enum: Object.keys(ERRORS) }, message: { type: "string" } } } },
        },
      },
    },
  };
}
