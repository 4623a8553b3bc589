// What each HTTP route takes and answers, keyed by the names of protocol/routes.ts: who may call it,
// its query and body schemas (the Worker validates with them), its answer's schema (the Worker's
// handlers are typed by it, the clients' caller returns it) and the error codes it may answer.
// The OpenAPI document is generated from this and the route table; nothing else describes a route.
import type { z } from "zod";
import {
  AvailabilityQuery,
  AvailabilityResponse,
  BookingConfig,
  BookingQuery,
  BookingSummary,
  CallTicketRequest,
  CancelBookingRequest,
  CancelBookingResponse,
  CheckInRequest,
  ConfirmBookingRequest,
  ConfirmBookingResponse,
  CreateBookingRequest,
  CreateBookingResponse,
  CreateOrganisationRequest,
  CreateOrganisationResponse,
  CutOffOverrideResponse,
  DeskActionResponse,
  DevOutboxQuery,
  DevOutboxResponse,
  EmptyRequest,
  ETicketNotifyRequest,
  ETicketNotifyResponse,
  ETicketView,
  IssuedTicket,
  IssueTicketRequest,
  LiveQuery,
  LoginRequest,
  LoginResponse,
  OrganisationsResponse,
  PauseRequest,
  PutSiteQuery,
  PutSiteResponse,
  QueueResponse,
  RescheduleBookingRequest,
  ResendCodeResponse,
  ResendMessageResponse,
  type Role,
  SiteMessagesQuery,
  SiteMessagesResponse,
  SitesResponse,
  TransferRequest,
} from "./api.ts";
import { AuditOrgQuery, AuditQuery, AuditResponse, AuditRetention } from "./audit.ts";
import { CheckedSiteConfig, CONFIG_PROBLEM_CODES, SiteConfig } from "./config.ts";
import { ContinuityInfo, ReplayRequest, ReplayResponse } from "./continuity.ts";
import {
  DevicesResponse,
  PairDeviceRequest,
  PairedDeviceResponse,
  PairingState,
  StartPairingRequest,
  StartPairingResponse,
  UnprintedResponse,
} from "./devices.ts";
import type { ErrorCode } from "./errors.ts";
import {
  OpenDataQuery,
  OpenDataResponse,
  PUBLIC_MAX_AGE_S,
  PublicSiteStatus,
  PublicSitesQuery,
  PublicSitesResponse,
  QueueMonitorQuery,
  QueueMonitorResponse,
  WarsawFeed,
  WarsawFeedError,
  WarsawFeedQuery,
} from "./public-status.ts";
import { ETicketPushRequest, ETicketPushResponse, PushKeyResponse } from "./push.ts";
import { ROLES } from "./roles.ts";
import type { RouteName } from "./routes.ts";
import {
  ChangePasswordRequest,
  CreateStaffRequest,
  StaffAssignment,
  StaffListResponse,
  StaffPasswordRequest,
  StaffQuery,
  StaffResponse,
} from "./staff.ts";
import { OrganisationStatisticsQuery, OrganisationStatisticsResponse, StatisticsQuery, StatisticsResponse } from "./statistics.ts";

export interface RouteContract {
  summary: string;
  /** Roles whose bearer token may call it (a route of managers admits administrators too: roleAdmitted); absent: public. */
  auth?: readonly Role[];
  /** Honours an Idempotency-Key header: a retry with the same key gets the first answer. */
  idempotent?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer's schema; absent when the answer is not JSON (101, 204). */
  response?: z.ZodType;
  /** The success status (200 when absent). */
  status?: 101 | 200 | 201 | 202 | 204;
  /** What the success answer is, when it has no schema. */
  description?: string;
  errors: readonly ErrorCode[];
}

const COMMON = ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE"] as const satisfies ErrorCode[];
/** A command's body, and the write it makes: a site whose storage fails or is full refuses it whole (STORAGE_FAILED). */
const BODY = [...COMMON, "INVALID_JSON", "UNSUPPORTED_MEDIA_TYPE", "STORAGE_FAILED"] as const satisfies ErrorCode[];
const STAFF = [
  "UNAUTHENTICATED",
  "TOKEN_INVALID",
  "FORBIDDEN",
  "SITE_FORBIDDEN",
  "UNKNOWN_SITE",
  "NOT_CONFIGURED",
] as const satisfies ErrorCode[];
const DESK_ERRORS = [
  ...BODY,
  ...STAFF,
  "DESK_FORBIDDEN",
  "UNKNOWN_DESK",
  "UNKNOWN_TICKET",
  "UNKNOWN_MATTER",
  "DESK_BUSY",
  "DESK_IDLE",
  "DESK_PAUSED",
  "DESK_NOT_PAUSED",
  "ALREADY_SERVING",
  "TICKET_NOT_WAITING",
  "TICKET_CLOSED",
  "MATTER_NOT_SERVED",
  "TRANSFER_TARGET_INVALID",
  "IDEMPOTENCY_KEY_INVALID",
  "IDEMPOTENCY_KEY_REUSED",
] as const satisfies ErrorCode[];
const ADMINS = ["org-admin", "operator"] as const satisfies Role[];
const ADMIN_ERRORS = [
  "UNAUTHENTICATED",
  "TOKEN_INVALID",
  "FORBIDDEN",
  "ORGANISATION_FORBIDDEN",
  "NOT_CONFIGURED",
  "UNKNOWN_ORGANISATION",
] as const satisfies ErrorCode[];
const CLERKS = ["clerk", "manager"] as const satisfies Role[];
const TICKET_TAKERS = ["kiosk", "clerk", "manager"] as const satisfies Role[];

/** A desk command: the desk's clerk or a manager; the body is what the action needs. */
function desk<B extends z.ZodType>(action: string, body: B) {
  return {
    summary: `Desk command "${action}" (the desk's clerk or a manager).`,
    auth: CLERKS,
    idempotent: true,
    body,
    response: DeskActionResponse,
    errors: DESK_ERRORS,
  } as const;
}

export const CONTRACT = {
  login: {
    summary: "Sign in (staff or device); returns a bearer token.",
    body: LoginRequest,
    response: LoginResponse,
    errors: [...BODY, "BAD_CREDENTIALS", "RATE_LIMITED", "NOT_CONFIGURED"],
  },
  openapi: { summary: "This document.", description: "The OpenAPI 3.1 document", errors: [] },
  sites: { summary: "Sites with departments, matters and desks (public).", response: SitesResponse, errors: [] },
  putSite: {
    summary:
      "Create or replace a site's configuration. Creating one: the organisation's administrator, or the operator naming the organisation (?org=); replacing one: also a manager of the site. Site ids are unique across the deployment.",
    auth: ["manager"],
    query: PutSiteQuery,
    body: CheckedSiteConfig,
    response: PutSiteResponse,
    errors: [...BODY, ...STAFF, ...CONFIG_PROBLEM_CODES, "CONFIG_STRANDS_TICKETS", "SITE_ID_TAKEN"],
  },
  issueTicket: {
    summary: "Take a walk-in ticket (kiosk or staff); the answer shows the wait as a range (estimatedWait) and its middle.",
    auth: TICKET_TAKERS,
    idempotent: true,
    body: IssueTicketRequest,
    response: IssuedTicket,
    status: 201,
    errors: [
      ...BODY,
      ...STAFF,
      "UNKNOWN_MATTER",
      "SITE_CLOSED",
      "SITE_CLOSED_TEMPORARILY",
      "MATTER_UNAVAILABLE",
      "MATTER_CAP_REACHED",
      "MATTER_CLOSED_FOR_TODAY",
      "PRIORITY_UNAVAILABLE",
      "INTERPRETER_UNAVAILABLE",
      "IDEMPOTENCY_KEY_INVALID",
      "IDEMPOTENCY_KEY_REUSED",
    ],
  },
  queue: { summary: "Open tickets and desks of a site (staff).", auth: CLERKS, response: QueueResponse, errors: STAFF },
  "desk.call-next": desk("call-next", EmptyRequest),
  "desk.recall": desk("recall", EmptyRequest),
  "desk.no-show": desk("no-show", EmptyRequest),
  "desk.start": desk("start", EmptyRequest),
  "desk.finish": desk("finish", EmptyRequest),
  "desk.pause": desk("pause", PauseRequest),
  "desk.resume": desk("resume", EmptyRequest),
  "desk.call": desk("call", CallTicketRequest),
  "desk.transfer": desk("transfer", TransferRequest),
  siteLive: {
    summary: "WebSocket: display, desk:{deskId}, clerk:{deskId} or agent view (token as header or access_token).",
    auth: ["manager", "clerk", "kiosk", "display", "agent"],
    query: LiveQuery,
    status: 101,
    description: "Switching to the WebSocket protocol",
    errors: [...STAFF, "VALIDATION_FAILED", "DESK_FORBIDDEN", "UPGRADE_REQUIRED", "UNKNOWN_DESK"],
  },
  eticket: {
    summary: "A ticket's live state for its holder (public, unguessable token), with its wait as a range while it waits.",
    response: ETicketView,
    errors: ["UNKNOWN_ETICKET", "ETICKET_ENDED"],
  },
  eticketNotify: {
    summary:
      "Ask for an SMS when this many people or fewer are ahead, or at the call (public, one request per ticket; the same request again sends nothing twice).",
    body: ETicketNotifyRequest,
    response: ETicketNotifyResponse,
    status: 202,
    errors: [
      ...BODY,
      "UNKNOWN_ETICKET",
      "PHONE_INVALID",
      "PHONE_NOT_MOBILE",
      "PHONE_COUNTRY_NOT_ALLOWED",
      "TICKET_NOT_WAITING",
      "TICKET_CLOSED",
      "RATE_LIMITED",
      "CONTACT_RATE_LIMITED",
    ],
  },
  pushKey: {
    summary: "The VAPID public key an e-ticket subscribes browser notifications with (public); 503 when push is not set up.",
    response: PushKeyResponse,
    errors: ["NOT_CONFIGURED"],
  },
  eticketPush: {
    summary:
      "Ask for a browser notification (Web Push) when this many people or fewer are ahead, and at the call (public; a few browsers per ticket; the same subscription again changes nothing).",
    body: ETicketPushRequest,
    response: ETicketPushResponse,
    status: 202,
    errors: [
      ...BODY,
      "UNKNOWN_ETICKET",
      "PUSH_ENDPOINT_NOT_ALLOWED",
      "TICKET_NOT_WAITING",
      "TICKET_CLOSED",
      "RATE_LIMITED",
      "NOT_CONFIGURED",
    ],
  },
  eticketLive: {
    summary: "WebSocket: one e-ticket's live view (public).",
    status: 101,
    description: "Switching to the WebSocket protocol",
    errors: ["UNKNOWN_ETICKET", "ETICKET_ENDED", "UPGRADE_REQUIRED", "RATE_LIMITED"],
  },
  // ---- online booking (R6, R7) ----
  availability: {
    summary: "Free booking slots of a matter, day by day (public, at most 62 days).",
    query: AvailabilityQuery,
    response: AvailabilityResponse,
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE", "UNKNOWN_MATTER", "RANGE_TOO_LONG"],
  },
  checkIn: {
    summary: "Kiosk check-in with the booking's code: the ticket, like a walk-in.",
    auth: TICKET_TAKERS,
    idempotent: true,
    body: CheckInRequest,
    response: IssuedTicket,
    status: 201,
    errors: [
      ...BODY,
      ...STAFF,
      "UNKNOWN_CODE",
      "TOO_EARLY",
      "TOO_LATE",
      "WRONG_SITE",
      "ALREADY_CHECKED_IN",
      "BOOKING_NOT_ACTIVE",
      "SITE_CLOSED_TEMPORARILY",
      "IDEMPOTENCY_KEY_INVALID",
    ],
  },
  bookingConfig: {
    summary: "What the booking page shows before a booking can be sent: the human check (Turnstile) and its public site key (public).",
    response: BookingConfig,
    errors: [],
  },
  createBooking: {
    summary:
      "Hold a slot and send the confirmation code by SMS or by e-mail, to exactly one of phone and email (public). Where bookingConfig names a human check, the Turnstile token is checked once, before any hold.",
    idempotent: true,
    body: CreateBookingRequest,
    response: CreateBookingResponse,
    status: 202,
    errors: [
      ...BODY,
      "UNKNOWN_SITE",
      "UNKNOWN_MATTER",
      "MATTER_NOT_BOOKABLE",
      "SLOT_UNAVAILABLE",
      "SITE_CLOSED_TEMPORARILY",
      "CONTACT_REQUIRED",
      "PHONE_INVALID",
      "PHONE_NOT_MOBILE",
      "PHONE_COUNTRY_NOT_ALLOWED",
      "EMAIL_INVALID",
      "TOO_MANY_BOOKINGS",
      "BOOKING_RATE_LIMITED",
      "CONTACT_RATE_LIMITED",
      "IDEMPOTENCY_KEY_INVALID",
      "IDEMPOTENCY_KEY_REUSED",
      "HUMAN_CHECK_FAILED",
      "HUMAN_CHECK_UNAVAILABLE",
      "NOT_CONFIGURED",
    ],
  },
  booking: {
    summary: "The visit behind a manage link (no contact data).",
    query: BookingQuery,
    response: BookingSummary,
    errors: ["VALIDATION_FAILED", "UNKNOWN_BOOKING", "MANAGE_TOKEN_INVALID"],
  },
  resendBookingCode: {
    summary: "A new code, no sooner than 60 s after the last.",
    body: EmptyRequest,
    response: ResendCodeResponse,
    errors: [
      ...BODY,
      "UNKNOWN_BOOKING",
      "BOOKING_NOT_PENDING",
      "RESEND_TOO_SOON",
      "RESEND_LIMIT",
      "CODE_EXPIRED",
      "BOOKING_RATE_LIMITED",
      "CONTACT_RATE_LIMITED",
    ],
  },
  confirmBooking: {
    summary: "Confirm with the code (from the SMS or the e-mail): ticket number, check-in code, manage link.",
    body: ConfirmBookingRequest,
    response: ConfirmBookingResponse,
    errors: [...BODY, "UNKNOWN_BOOKING", "CODE_WRONG", "CODE_EXPIRED", "CODE_TRIES_EXCEEDED", "BOOKING_NOT_PENDING"],
  },
  rescheduleBooking: {
    summary: "Move a confirmed visit to another free slot (holder of the manage link).",
    idempotent: true,
    body: RescheduleBookingRequest,
    response: ConfirmBookingResponse,
    errors: [
      ...BODY,
      "UNKNOWN_BOOKING",
      "MANAGE_TOKEN_INVALID",
      "BOOKING_NOT_ACTIVE",
      "SLOT_UNAVAILABLE",
      "SITE_CLOSED_TEMPORARILY",
      "IDEMPOTENCY_KEY_INVALID",
      "IDEMPOTENCY_KEY_REUSED",
    ],
  },
  cancelBooking: {
    summary: "Cancel a confirmed visit (holder of the manage link).",
    body: CancelBookingRequest,
    response: CancelBookingResponse,
    errors: [...BODY, "UNKNOWN_BOOKING", "MANAGE_TOKEN_INVALID", "BOOKING_NOT_ACTIVE"],
  },
  // ---- messages to citizens (R9) ----
  siteMessages: {
    summary: "A site's SMS and e-mails, newest first: recipients masked, verification codes never shown (manager).",
    auth: ["manager"],
    query: SiteMessagesQuery,
    response: SiteMessagesResponse,
    errors: ["VALIDATION_FAILED", ...STAFF],
  },
  resendMessage: {
    summary: "Send a failed message again: pending at once, then sent (manager).",
    auth: ["manager"],
    idempotent: true,
    body: EmptyRequest,
    response: ResendMessageResponse,
    errors: [
      ...BODY,
      ...STAFF,
      "UNKNOWN_MESSAGE",
      "MESSAGE_NOT_FAILED",
      "MESSAGE_EXPIRED",
      "IDEMPOTENCY_KEY_INVALID",
      "IDEMPOTENCY_KEY_REUSED",
    ],
  },
  overrideCutOff: {
    summary: "Lift a matter's closing cut-off for the rest of the site's local day: walk-in tickets are given again (manager; audited).",
    auth: ["manager"],
    idempotent: true,
    body: EmptyRequest,
    response: CutOffOverrideResponse,
    errors: [...BODY, ...STAFF, "UNKNOWN_MATTER", "IDEMPOTENCY_KEY_INVALID", "IDEMPOTENCY_KEY_REUSED"],
  },
  smsStatus: {
    summary:
      "Twilio's delivery report of an SMS (form-encoded MessageSid, MessageStatus, ErrorCode; query ref=<message id>), signed with X-Twilio-Signature.",
    status: 204,
    description: "Recorded",
    errors: ["SIGNATURE_INVALID", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_FAILED", "NOT_FOUND"],
  },
  devOutbox: {
    summary: "Demo only: every SMS and e-mail the demo would have sent, newest first, with delivery reports.",
    query: DevOutboxQuery,
    response: DevOutboxResponse,
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE", "DEMO_ONLY"],
  },
  // ---- the manager page's configuration editor ----
  siteConfig: {
    summary:
      "A site's whole configuration as stored, devices and privacy notice included, for its managers to edit and send back with putSite (manager of the site).",
    auth: ["manager"],
    response: SiteConfig,
    errors: STAFF,
  },
  // ---- the audit log of an organisation ----
  audit: {
    summary:
      "The organisation's audit log, newest first: configuration changes with each value changed, sign-ins and their failures, organisations made, messages sent again, exports (organisation administrator; the operator names the organisation with ?org=).",
    auth: ["org-admin", "operator"],
    query: AuditQuery,
    response: AuditResponse,
    errors: ["VALIDATION_FAILED", ...ADMIN_ERRORS],
  },
  auditExport: {
    summary: "The same entries as CSV (RFC 4180, a header row); the export itself is recorded in the log.",
    auth: ["org-admin", "operator"],
    query: AuditQuery,
    description: "text/csv: id, at, actor, address, action, target, summary, changes",
    errors: ["VALIDATION_FAILED", ...ADMIN_ERRORS],
  },
  auditRetention: {
    summary: "How many days the organisation's audit log keeps its entries (a year unless set).",
    auth: ["org-admin", "operator"],
    query: AuditOrgQuery,
    response: AuditRetention,
    errors: ["VALIDATION_FAILED", ...ADMIN_ERRORS],
  },
  setAuditRetention: {
    summary:
      "Set how many days the organisation's audit log keeps its entries (30 to 3650): older entries are deleted at once, and the change is recorded in the log.",
    auth: ["org-admin", "operator"],
    query: AuditOrgQuery,
    body: AuditRetention,
    response: AuditRetention,
    errors: [...BODY, ...ADMIN_ERRORS],
  },
  // ---- organisations: the deployment's operator ----
  organisations: {
    summary: "Every organisation of the deployment, with its sites (operator).",
    auth: ["operator"],
    response: OrganisationsResponse,
    errors: ["UNAUTHENTICATED", "TOKEN_INVALID", "FORBIDDEN", "NOT_CONFIGURED"],
  },
  createOrganisation: {
    summary:
      "Create an organisation and its first administrator (role org-admin) with a temporary password of at least 12 characters (operator). User names are unique across the deployment.",
    auth: ["operator"],
    body: CreateOrganisationRequest,
    response: CreateOrganisationResponse,
    status: 201,
    errors: [...BODY, "UNAUTHENTICATED", "TOKEN_INVALID", "FORBIDDEN", "NOT_CONFIGURED", "ORGANISATION_EXISTS", "USERNAME_TAKEN"],
  },
  // ---- one's own password ----
  changePassword: {
    summary:
      "Change one's own password (12+ characters), giving the current one: the only route a token signed with a temporary password is accepted by. Answers a new token like login's; the account's other tokens stop working.",
    auth: ROLES,
    body: ChangePasswordRequest,
    response: LoginResponse,
    errors: [
      ...BODY,
      "UNAUTHENTICATED",
      "TOKEN_INVALID",
      "NOT_CONFIGURED",
      "PASSWORD_WRONG",
      "PASSWORD_UNCHANGED",
      "ACCOUNT_DISABLED",
      "RATE_LIMITED",
    ],
  },
  // ---- staff of an organisation: its administrator ----
  staff: {
    summary:
      "The organisation's accounts of staff and devices, without passwords (organisation administrator; the operator names the organisation with ?org=).",
    auth: ADMINS,
    query: StaffQuery,
    response: StaffListResponse,
    errors: [...COMMON, ...ADMIN_ERRORS],
  },
  createStaff: {
    summary:
      "Create an account (manager, clerk, kiosk, display or agent) with sites of the organisation, desks of those sites for a clerk, and a temporary password of at least 12 characters, changed at first sign-in. User names are unique across the deployment.",
    auth: ADMINS,
    query: StaffQuery,
    body: CreateStaffRequest,
    response: StaffResponse,
    status: 201,
    errors: [...BODY, ...ADMIN_ERRORS, "USERNAME_TAKEN", "SITE_NOT_IN_ORGANISATION", "UNKNOWN_STAFF_DESK"],
  },
  assignStaff: {
    summary: "Change an account's role, sites and desks (not an administrator's).",
    auth: ADMINS,
    query: StaffQuery,
    body: StaffAssignment,
    response: StaffResponse,
    errors: [...BODY, ...ADMIN_ERRORS, "UNKNOWN_ACCOUNT", "ADMIN_ACCOUNT", "SITE_NOT_IN_ORGANISATION", "UNKNOWN_STAFF_DESK"],
  },
  disableStaff: {
    summary: "Disable an account: it cannot sign in, and its tokens stop working (within 30 s on every Worker instance).",
    auth: ADMINS,
    query: StaffQuery,
    body: EmptyRequest,
    response: StaffResponse,
    errors: [...BODY, ...ADMIN_ERRORS, "UNKNOWN_ACCOUNT", "LAST_ADMIN"],
  },
  enableStaff: {
    summary: "Enable a disabled account again.",
    auth: ADMINS,
    query: StaffQuery,
    body: EmptyRequest,
    response: StaffResponse,
    errors: [...BODY, ...ADMIN_ERRORS, "UNKNOWN_ACCOUNT"],
  },
  staffPassword: {
    summary: "Give an account a new temporary password (12+ characters), to be changed at its next sign-in; its tokens stop working.",
    auth: ADMINS,
    query: StaffQuery,
    body: StaffPasswordRequest,
    response: StaffResponse,
    errors: [...BODY, ...ADMIN_ERRORS, "UNKNOWN_ACCOUNT", "OWN_PASSWORD"],
  },
  staffSignOut: {
    summary: "Sign an account out everywhere: every token signed before this is refused (within 30 s on every Worker instance).",
    auth: ADMINS,
    query: StaffQuery,
    body: EmptyRequest,
    response: StaffResponse,
    errors: [...BODY, ...ADMIN_ERRORS, "UNKNOWN_ACCOUNT"],
  },
  // ---- statistics ----
  siteStatistics: {
    summary:
      "A site's figures for local days from..to (at most 366): totals, by department, matter, desk, clerk, period, hour, weekday × hour, the wait distribution and people waiting through the day; today live. `format=csv`: every table (or `table=`) as CSV for Excel with Polish settings (BOM, semicolons, decimal comma). No personal data (manager of the site).",
    auth: ["manager"],
    query: StatisticsQuery,
    response: StatisticsResponse,
    errors: [...STAFF, "VALIDATION_FAILED"],
  },
  organisationStatistics: {
    summary:
      "Every site of an organisation side by side for the same range: each site's totals (its administrator, or the operator naming it with ?org=).",
    auth: ADMINS,
    query: OrganisationStatisticsQuery,
    response: OrganisationStatisticsResponse,
    errors: [...ADMIN_ERRORS, "VALIDATION_FAILED"],
  },
  // ---- devices paired by code ----
  startPairing: {
    summary:
      "A device opened without credentials (kiosk, hall or desk screen, print agent) asks for a pairing code to show; public, at most 100 codes waiting per client address.",
    body: StartPairingRequest,
    response: StartPairingResponse,
    status: 201,
    errors: [...BODY, "UNKNOWN_SITE", "RATE_LIMITED"],
  },
  pairingState: {
    summary: "The waiting device asks, with its secret, whether a manager has paired it; once paired, the answer carries its session.",
    response: PairingState,
    errors: ["VALIDATION_FAILED", "PAIRING_UNKNOWN"],
  },
  siteDevices: {
    summary:
      "The site's paired devices: what each is, when and by whom it was paired, last contact, version and printer (manager of the site).",
    auth: ["manager"],
    response: DevicesResponse,
    errors: STAFF,
  },
  pairDevice: {
    summary:
      "Pair the device showing `code` as one of the site's configured devices; it receives its own long-lived token. An earlier pairing of the same device is revoked.",
    auth: ["manager"],
    body: PairDeviceRequest,
    response: PairedDeviceResponse,
    status: 201,
    errors: [
      ...BODY,
      ...STAFF,
      "UNKNOWN_DEVICE",
      "PAIRING_CODE_UNKNOWN",
      "PAIRING_CODE_EXPIRED",
      "PAIRING_CODE_USED",
      "PAIRING_SITE_MISMATCH",
      "DEVICE_KIND_MISMATCH",
      "RATE_LIMITED",
    ],
  },
  setUnprintedAside: {
    summary: "Set aside a ticket the print agent could not print, once a person has dealt with it (manager of the site).",
    auth: ["manager"],
    body: EmptyRequest,
    response: UnprintedResponse,
    errors: [...BODY, ...STAFF, "NOT_FOUND"],
  },
  continuity: {
    summary:
      "Where the site's print agent answers on the office's network (localUrl, null when none serves continuity) and a local token it accepts from this device or person (36 h): clients switch to it when the cloud cannot be reached.",
    auth: ["kiosk", "display", "clerk", "manager"],
    response: ContinuityInfo,
    errors: [...STAFF, "STORAGE_FAILED"],
  },
  continuityReplay: {
    summary:
      "The site's print agent replays its offline log, in order and in batches: each entry is applied exactly once (entries at or below replayedThrough are skipped), changes made online meanwhile are settled by written rules (conflicts).",
    auth: ["agent"],
    body: ReplayRequest,
    response: ReplayResponse,
    errors: [...BODY, ...STAFF, "REPLAY_OUT_OF_ORDER"],
  },
  revokeDevice: {
    summary: "Revoke a paired device: its tokens stop working and its sockets close at once (4401); it shows a new pairing code.",
    auth: ["manager"],
    body: EmptyRequest,
    response: PairedDeviceResponse,
    errors: [...BODY, ...STAFF, "UNKNOWN_DEVICE", "DEVICE_REVOKED"],
  },
  // ---- public: no token, CORS open (GET only), cached at the edge for PUBLIC_MAX_AGE_S seconds ----
  publicSites: {
    summary: "Every office (id, name, city, address, organisation), or one organisation's with ?org= (public, CORS open).",
    query: PublicSitesQuery,
    response: PublicSitesResponse,
    errors: ["VALIDATION_FAILED", "UNKNOWN_ORGANISATION"],
  },
  publicSiteStatus: {
    summary: `An office's live queues: per matter whether it is open now, open desks, people waiting, the number called last and the wait range a ticket taken now would be shown. No personal data; public, CORS open, cached at the edge for ${PUBLIC_MAX_AGE_S} s.`,
    response: PublicSiteStatus,
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE"],
  },
  publicQueueMonitor: {
    summary: `The live queues as FIWARE Smart Data Models QueueMonitor entities, one per matter, NGSI-LD normalized (default) or ?options=keyValues; public, cached ${PUBLIC_MAX_AGE_S} s.`,
    query: QueueMonitorQuery,
    response: QueueMonitorResponse,
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE"],
  },
  publicOpenData: {
    summary: `Daily open data of an office for local days from..to (at most 366): per day and matter arrived, served, no-shows, wait p50/p90, share within target; no personal data, no clerks. format=csv for Excel with Polish settings. Public, cached ${PUBLIC_MAX_AGE_S} s.`,
    query: OpenDataQuery,
    response: OpenDataResponse,
    errors: ["VALIDATION_FAILED", "UNKNOWN_SITE"],
  },
  warsawFeed: {
    summary:
      'An office\'s live queues in the shape of Warsaw\'s open queue API (api.um.warszawa.pl wsstore_get): ?id=<siteId>, apikey accepted and ignored. Like Warsaw, an unknown id answers HTTP 200 with {"result":"false","error":…}. Public, cached 15 s.',
    query: WarsawFeedQuery,
    response: WarsawFeed.or(WarsawFeedError),
    errors: [],
  },
} as const satisfies { [N in RouteName]: RouteContract };

export type Contract = typeof CONTRACT;

type Field<N extends RouteName, F extends "query" | "body" | "response"> = Contract[N] extends { [K in F]: infer S extends z.ZodType }
  ? S
  : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** The query a route takes as sent, and as the Worker has it after validation (defaults applied). */
export type QueryIn<N extends RouteName> = In<Field<N, "query">>;
export type QueryOf<N extends RouteName> = Out<Field<N, "query">>;
/** The JSON body a route takes as sent, and as the Worker has it after validation. */
export type BodyIn<N extends RouteName> = In<Field<N, "body">>;
export type BodyOf<N extends RouteName> = Out<Field<N, "body">>;
/** The JSON answer of a route (undefined: not JSON). */
export type ResponseOf<N extends RouteName> = Out<Field<N, "response">>;
