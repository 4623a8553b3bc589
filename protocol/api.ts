// HTTP API: the schemas that validate requests are the ones the OpenAPI document is generated from.
import { z } from "zod";
import { CalendarDate, Id } from "./config.ts";
import { CitizenLang } from "./lang.ts";
import { ROLES } from "./roles.ts";

export const TICKET_STATUSES = ["waiting", "called", "serving", "missed", "served", "removed", "closed"] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const DESK_ACTIONS = ["call-next", "recall", "no-show", "start", "finish", "pause", "resume", "call", "transfer"] as const;
export const DeskAction = z.enum(DESK_ACTIONS);
export type DeskAction = z.infer<typeof DeskAction>;

export { ROLES, roleAdmitted } from "./roles.ts";
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * The claims of a staff or device token (a JWT, HS256, its key named by `kid` in the header). Clients
 * treat the token as opaque; the Worker reads these after the signature and the expiry are checked.
 */
export const TokenClaims = z.object({
  /** The account's user name. */
  sub: z.string().min(1).max(64),
  role: Role,
  sites: z.array(z.string().min(1).max(64)).max(1000),
  /** The account's organisation (absent only for the operator, who belongs to none). */
  org: Id.optional(),
  /** For clerks: the desks they may operate (absent: every desk of their sites). */
  desks: z.array(Id).max(1000).optional(),
  /** For devices: which kiosk, screen or agent this is. */
  dev: Id.optional(),
  /** The account's token version when signed: "sign out everywhere" raises it, refusing lower ones (absent: 0). */
  ver: z.number().int().min(0).optional(),
  /** Signed with a temporary password: only POST /api/v1/auth/password accepts it. */
  pwc: z.literal(true).optional(),
  /** Issued at (set when signed, always present in a verified token) and expiry, seconds since epoch. */
  iat: z.number().int().optional(),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({
  token: z.string(),
  role: Role,
  siteIds: z.array(Id).describe("The sites the account may act on (an administrator's: every site of its organisation, or all)."),
  org: Id.optional().describe("The account's organisation (absent for the deployment's operator)."),
  deskIds: z.array(Id).optional().describe("For clerks: the desks they may operate."),
  deviceId: Id.optional().describe("For devices: which kiosk, screen or agent of the site this is."),
  expiresAt: z.string(),
  passwordChangeRequired: z
    .literal(true)
    .optional()
    .describe("Signed in with a temporary password: the token is accepted only by POST /api/v1/auth/password until it is changed."),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const IssueTicketRequest = z.strictObject({
  matterId: Id,
  priority: z
    .boolean()
    .optional()
    .describe('A priority ticket (the kiosk\'s "Pierwszeństwo obsługi"); refused where the site has priority off.'),
  interpreter: z.boolean().optional().describe("The holder needs the site's remote PJM interpreter; refused where the site has none."),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

/** The wait shown to a citizen as a range of whole minutes (objects/queue/wait-range.ts), low ≤ high. */
export const WaitRangeView = z
  .object({ low: z.number().int().min(0), high: z.number().int().min(0) })
  .refine((r) => r.low <= r.high, { message: "low must not exceed high" })
  .describe("Estimated wait as a range of whole minutes; meant to hold for about 8 in 10 people.");
export type WaitRangeView = z.infer<typeof WaitRangeView>;

export const IssuedTicket = z.object({
  id: z.string(),
  number: z.string().describe("Prefix and three digits, e.g. A001; restarts every local day."),
  matterId: Id,
  status: TicketStatus,
  waitingAhead: z.number().int(),
  estimatedWaitMinutes: z.number().int().describe("The middle of estimatedWait, rounded (kept for older clients)."),
  estimatedWait: WaitRangeView,
  eticketUrl: z.string(),
  takenAt: z.string(),
  priority: z.literal(true).optional().describe("Present (true) for a priority ticket."),
  interpreter: z.literal(true).optional().describe("Present (true) when the holder asked for the PJM interpreter."),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const TicketView = z.object({
  id: z.string(),
  number: z.string(),
  matterId: Id,
  source: z.enum(["walk-in", "booking"]),
  status: TicketStatus,
  takenAt: z.string(),
  deskId: Id.nullable().describe("Desk that called it, or the desk it waits for (transfer, recall)."),
  misses: z.number().int(),
  recallAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  priority: z.literal(true).optional().describe("Present (true) for a priority ticket (never why)."),
  interpreter: z.literal(true).optional().describe("Present (true) when the holder asked for the site's PJM interpreter."),
});
export type TicketView = z.infer<typeof TicketView>;

/** Why a desk is paused, kept for the statistics: a break, training, or something else. */
export const PAUSE_REASONS = ["break", "training", "other"] as const;
export const PauseReason = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof PauseReason>;

export const DeskView = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["open", "paused"]),
  pauseReason: PauseReason.optional().describe("Why the desk is paused: present only while it is (and the reason was kept)."),
  matterIds: z.array(Id),
  ticket: TicketView.nullable(),
});
export type DeskView = z.infer<typeof DeskView>;

/** A matter's closing cut-off as the manager sees it (objects/queue/cut-off.ts). */
export const CutOffState = z.object({
  matterId: z.string(),
  /** Why a walk-in ticket taken now would be refused, were it not overridden; null: tickets are given. */
  reason: z.enum(["last-ticket", "forecast"]).nullable(),
  /** A manager lifted the matter's cut-off for the rest of today. */
  overridden: z.boolean(),
  /** The matter's last-ticket time ("HH:MM"), or null when it has none. */
  lastTicketAt: z.string().nullable(),
});
export type CutOffState = z.infer<typeof CutOffState>;

export const QueueResponse = z.object({
  seq: z.number().int(),
  tickets: z.array(TicketView),
  desks: z.array(DeskView),
  /** Each matter's closing cut-off, in the configuration's order. */
  cutOffs: z.array(CutOffState).optional(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

export const CallTicketRequest = z.strictObject({ ticketId: z.string().min(1).max(64) });
export const TransferRequest = z.union([
  z.strictObject({ ticketId: z.string().min(1).max(64), matterId: Id }),
  z.strictObject({ ticketId: z.string().min(1).max(64), deskId: Id }),
]);
export const EmptyRequest = z.strictObject({});
/** "Przerwa": the reason is optional, so a console that sends none (an older one) pauses for a break. */
export const PauseRequest = z.strictObject({ reason: PauseReason.default("break") });

export const DeskActionResponse = z.object({ desk: DeskView, ticket: TicketView.nullable() });
export type DeskActionResponse = z.infer<typeof DeskActionResponse>;

export type DeskCommand =
  | { action: "call-next" | "recall" | "no-show" | "start" | "finish" | "resume" }
  | { action: "pause"; reason: PauseReason }
  | { action: "call"; ticketId: string }
  | { action: "transfer"; ticketId: string; matterId: string }
  | { action: "transfer"; ticketId: string; deskId: string };

/**
 * Who gives a desk command, as the Worker reads it from the caller's token: a clerk acts only within
 * their desk (its client, its missed tickets, tickets sent to it); a manager may move any ticket.
 */
export type DeskActor = "clerk" | "manager";

export const ETicketView = z.object({
  number: z.string(),
  matterName: z.string(),
  matterNameEn: z.string().optional().describe("The matter's English name, when the office gave one"),
  matterNameUk: z.string().optional().describe("The matter's Ukrainian name, when the office gave one"),
  siteName: z.string(),
  status: TicketStatus,
  waitingAhead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable().describe("The middle of estimatedWait, rounded; null once not waiting."),
  estimatedWait: WaitRangeView.nullable().describe("While the ticket waits: its wait as a range, narrowing as the turn nears."),
  deskName: z.string().optional(),
  misses: z.number().int(),
  recallAt: z.string().optional(),
  notify: z
    .object({
      ahead: z.number().int().describe("An SMS goes when this many people or fewer are ahead, or at the call."),
      sent: z.boolean(),
    })
    .optional()
    .describe("The holder's SMS request, when one is set."),
  servingNow: z
    .array(z.string())
    .max(8)
    .optional()
    .describe(
      "While at most 10 people are ahead of the ticket, and while a missed ticket waits to be called again: the numbers called or being served now at the desks that serve its matter.",
    ),
  priority: z.literal(true).optional().describe("Present (true) for a priority ticket: the e-ticket shows the priority mark."),
});
export type ETicketView = z.infer<typeof ETicketView>;

/** "Tell me by SMS when N people are ahead" (R8); the e-ticket's token is the permission. */
export const ETicketNotifyRequest = z.strictObject({
  phone: z.string().min(1).max(30).describe("Mobile number; Polish numbers may omit +48"),
  ahead: z.number().int().min(1).max(20),
  lang: CitizenLang.optional().describe("The e-ticket's language: the SMS is in it (Polish when absent)"),
});
export const ETicketNotifyResponse = z.object({ ahead: z.number().int(), sent: z.boolean() });
export type ETicketNotifyResponse = z.infer<typeof ETicketNotifyResponse>;

export const PublicMatter = z.object({
  id: Id,
  name: z.string(),
  nameEn: z.string().optional().describe("The name in English, when the office gave one"),
  nameUk: z.string().optional().describe("The name in Ukrainian, when the office gave one"),
  prefix: z.string(),
  bookable: z.boolean().describe("Whether the matter can be booked online at this site"),
  hint: z.string().optional().describe("What to bring, as the kiosk shows it under the matter"),
  slotMinutes: z.number().int().optional().describe("Length of one booked visit, in minutes"),
});
export const PublicSite = z.object({
  id: Id,
  city: z.string(),
  name: z.string(),
  address: z.string(),
  voice: z.boolean(),
  departments: z.array(
    z.object({ id: Id, name: z.string(), nameEn: z.string().optional(), nameUk: z.string().optional(), matters: z.array(PublicMatter) }),
  ),
  desks: z.array(z.object({ id: Id, name: z.string() })),
  booking: z.object({
    horizonDays: z.number().int(),
    checkIn: z.enum(["auto", "kiosk"]),
    checkInEarlyMinutes: z.number().int(),
    checkInLateMinutes: z.number().int(),
  }),
  smsCountries: z.array(z.string()).describe("Countries (ISO 3166 codes) whose mobile numbers the site sends SMS to"),
  privacy: z
    .object({
      controller: z.string(),
      notice: z.string().describe("In Polish"),
      noticeEn: z.string().optional().describe("In English, when the office gave one"),
      noticeUk: z.string().optional().describe("In Ukrainian, when the office gave one"),
    })
    .describe("The data-protection notice shown with the booking form's consent"),
});
export type PublicSite = z.infer<typeof PublicSite>;
export const SitesResponse = z.object({ sites: z.array(PublicSite) });

export const LiveQuery = z.strictObject({
  role: z.string().regex(/^(display|agent|desk:[a-z0-9-]{1,40}|clerk:[a-z0-9-]{1,40})$/),
  access_token: z.string().max(2000).optional(),
  protocol: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .describe("The client's protocol version; one the server does not speak is closed with 4426"),
});

// ---- online booking (R6, R7) ------------------------------------------------
const DateStr = CalendarDate;

export const AvailabilityQuery = z.strictObject({ matterId: Id, from: DateStr, to: DateStr });
export const AvailabilityResponse = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      slots: z.array(z.object({ start: z.string().describe("ISO 8601 with offset"), free: z.number().int() })),
    }),
  ),
});
export type Availability = z.infer<typeof AvailabilityResponse>;

export const CreateBookingRequest = z.strictObject({
  siteId: Id,
  matterId: Id,
  start: z.string().min(16).max(40).describe("A slot's start as given by availability (ISO 8601 with offset)"),
  name: z.string().trim().min(2).max(120).describe("Name and surname, or a company name"),
  phone: z.string().min(1).max(30).optional().describe("Mobile number; Polish numbers may omit +48. Give exactly one of phone and email"),
  email: z
    .string()
    .min(1)
    .max(320)
    .optional()
    .describe("E-mail address (the code and every message then go by e-mail). Give exactly one of phone and email"),
  consent: z.literal(true).describe("The citizen accepted the data-protection notice"),
  lang: CitizenLang.optional().describe("The booking page's language: every SMS and e-mail of the booking is in it (Polish when absent)"),
  turnstileToken: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .describe("The Cloudflare Turnstile widget's token; required wherever bookingConfig names a human check, checked once"),
});
export const CreateBookingResponse = z.object({ bookingId: z.string(), expiresAt: z.string() });
export type CreateBookingResponse = z.infer<typeof CreateBookingResponse>;
/** What the booking page needs before it may send a booking: the human check to show, if any. */
export const BookingConfig = z.object({
  humanCheck: z
    .object({
      provider: z.literal("turnstile"),
      siteKey: z.string().describe("Turnstile's public site key"),
      scriptUrl: z.string().describe("The widget's script (Cloudflare's api.js, or a local stand-in in the demo and tests)"),
      action: z.string().describe("The action the widget is rendered with; the server checks the token carries it"),
    })
    .nullable()
    .describe("null: bookings need no human check here (demo mode without Turnstile settings)"),
});
export type BookingConfig = z.infer<typeof BookingConfig>;
/** A new code was sent: the hold now lasts until `expiresAt`. */
export const ResendCodeResponse = z.object({ expiresAt: z.string() });
export const CancelBookingResponse = z.object({ status: z.literal("cancelled") });

export const ConfirmBookingRequest = z.strictObject({ code: z.string().min(1).max(20) });
export const ConfirmBookingResponse = z.object({
  status: z.literal("confirmed"),
  start: z.string(),
  ticketNumber: z.string(),
  checkInCode: z.string().optional(),
  /** Only in the first answer; a repeated confirmation leaves it out (the link went to the contact). */
  manageUrl: z.string().optional(),
});
export type Confirmation = z.infer<typeof ConfirmBookingResponse>;
export const CancelBookingRequest = z.strictObject({ token: z.string().min(10).max(100) });
/** Moves a confirmed visit to another free slot of the same matter; answered like a confirmation. */
export const RescheduleBookingRequest = z.strictObject({
  token: z.string().min(10).max(100),
  start: z.string().min(16).max(40).describe("The new slot's start as given by availability (ISO 8601 with offset)"),
});
export const CheckInRequest = z.strictObject({ code: z.string().min(1).max(20) });

export const MESSAGE_CHANNELS = ["sms", "email"] as const;
export const MessageChannel = z.enum(MESSAGE_CHANNELS);
export type MessageChannel = z.infer<typeof MessageChannel>;
export const BookingQuery = z.strictObject({ token: z.string().min(10).max(100) });
/** What the manage link shows: the visit, never the contact data. */
export const BookingSummary = z.object({
  status: z.enum(["pending", "confirmed", "cancelled", "expired", "checked-in"]),
  siteId: Id,
  siteName: z.string(),
  address: z.string(),
  matterId: Id,
  matterName: z.string(),
  start: z.string(),
  ticketNumber: z.string().nullable(),
  checkInCode: z.string().optional(),
  channel: MessageChannel.optional().describe("How the booking's messages go (never to whom); absent once the contact data is deleted"),
});
export type BookingSummary = z.infer<typeof BookingSummary>;

// ---- messages to citizens: SMS and e-mail (R6, R9) ---------------------------------
export const MESSAGE_KINDS = ["code", "confirmation", "reminder", "notify"] as const;
export const MESSAGE_STATUSES = ["pending", "sent", "failed"] as const;

/** An outbox message as staff see it: the recipient masked, a code's text never shown. */
export const SiteMessage = z.object({
  id: z.string(),
  channel: MessageChannel,
  kind: z.enum(MESSAGE_KINDS),
  to: z.string().describe('Masked: "+48 *** *** 789" or "j***@example.com"'),
  subject: z.string().optional().describe("E-mails only"),
  body: z.string().optional().describe("Omitted for verification codes"),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable().describe("The last failure, while pending or failed"),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveryStatus: z.string().nullable().describe("The provider's last delivery report (SMS)"),
  bookingId: z.string().optional(),
});
export type SiteMessage = z.infer<typeof SiteMessage>;

export const SiteMessagesQuery = z.strictObject({
  status: z.enum(["failed", "pending", "sent", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SiteMessagesQuery = z.infer<typeof SiteMessagesQuery>;
export const SiteMessagesResponse = z.object({ messages: z.array(SiteMessage).describe("Newest first") });
export const ResendMessageResponse = z.object({ message: SiteMessage });

/** A manager lifted a matter's closing cut-off: tickets are given until `until` (the local day's end). */
export const CutOffOverrideResponse = z.object({
  matterId: z.string(),
  until: z.string().describe("ISO 8601 with offset: the end of the site's local day"),
});
export type CutOffOverrideResponse = z.infer<typeof CutOffOverrideResponse>;

/** GET /api/v1/dev/outbox (demo only): one site's messages or every site's. */
export const DevOutboxQuery = z.strictObject({
  siteId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("Newest messages per site"),
});
/** A message as the demo outbox shows it: unmasked, codes included (demo data only). */
export const DevOutboxMessage = z.looseObject({
  siteId: Id,
  id: z.string(),
  channel: MessageChannel.optional().describe("Missing on servers from before e-mail: an SMS"),
  to: z.string(),
  subject: z.string().optional(),
  body: z.string(),
  kind: z.string(),
  status: z.string(),
  createdAt: z.number().describe("Milliseconds since the epoch"),
});
export type DevOutboxMessage = z.infer<typeof DevOutboxMessage>;
export const DevOutboxResponse = z.object({ messages: z.array(DevOutboxMessage).describe("Newest first") });

/** PUT /api/v1/sites/{siteId}: the configuration is stored. */
export const PutSiteResponse = z.object({ id: Id });

/** PUT /api/v1/sites/{siteId}?org=…: the organisation a new site goes into (the operator names it; an org-admin's own is implied). */
export const PutSiteQuery = z.strictObject({
  org: Id.optional().describe("The organisation a new site goes into: required of the operator, optional (their own) for an org-admin"),
});

// ---- organisations (tenants of one deployment) ------------------------------------

/** A user name: letters, digits, '.', '_' or '-', unique across the deployment. */
export const Username = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'");

/** A password set by someone else for first use: long enough to resist guessing. */
export const TemporaryPassword = z.string().min(12, "at least 12 characters").max(200);

export const CreateOrganisationRequest = z.strictObject({
  id: Id.describe("Lower-case letters, digits and dashes; never changes"),
  name: z.string().trim().min(1).max(200),
  admin: z
    .strictObject({ username: Username, password: TemporaryPassword })
    .describe("The organisation's first administrator (role org-admin) and a temporary password"),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  siteIds: z.array(Id).describe("The organisation's sites"),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;
export const CreateOrganisationResponse = z.object({ organisation: Organisation, admin: z.object({ username: z.string(), role: Role }) });
export const OrganisationsResponse = z.object({ organisations: z.array(Organisation) });
