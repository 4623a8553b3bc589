// Where each HTTP route of the API lives: its name, method and path. The Worker registers its
// routes from this table, the OpenAPI document lists it, and the clients' typed caller builds
// its URLs from it. No zod here: the browser bundles import this table at run time, while what
// each route takes and answers (protocol/contract.ts) reaches them only as types.

export const ROUTES = {
  login: "POST /api/v1/auth/login",
  // ---- one's own password ----
  changePassword: "POST /api/v1/auth/password",
  openapi: "GET /api/openapi.json",
  sites: "GET /api/v1/sites",
  putSite: "PUT /api/v1/sites/:siteId",
  issueTicket: "POST /api/v1/sites/:siteId/tickets",
  queue: "GET /api/v1/sites/:siteId/queue",
  "desk.call-next": "POST /api/v1/sites/:siteId/desks/:deskId/call-next",
  "desk.recall": "POST /api/v1/sites/:siteId/desks/:deskId/recall",
  "desk.no-show": "POST /api/v1/sites/:siteId/desks/:deskId/no-show",
  "desk.start": "POST /api/v1/sites/:siteId/desks/:deskId/start",
  "desk.finish": "POST /api/v1/sites/:siteId/desks/:deskId/finish",
  "desk.pause": "POST /api/v1/sites/:siteId/desks/:deskId/pause",
  "desk.resume": "POST /api/v1/sites/:siteId/desks/:deskId/resume",
  "desk.call": "POST /api/v1/sites/:siteId/desks/:deskId/call",
  "desk.transfer": "POST /api/v1/sites/:siteId/desks/:deskId/transfer",
  siteLive: "GET /api/v1/sites/:siteId/live",
  eticket: "GET /api/v1/etickets/:token",
  eticketNotify: "POST /api/v1/etickets/:token/notify",
  eticketLive: "GET /api/v1/etickets/:token/live",
  // ---- browser notifications of the e-ticket (Web Push) ----
  pushKey: "GET /api/v1/push/key",
  eticketPush: "POST /api/v1/etickets/:token/push",
  availability: "GET /api/v1/sites/:siteId/availability",
  checkIn: "POST /api/v1/sites/:siteId/check-in",
  siteMessages: "GET /api/v1/sites/:siteId/messages",
  resendMessage: "POST /api/v1/sites/:siteId/messages/:messageId/resend",
  overrideCutOff: "POST /api/v1/sites/:siteId/matters/:matterId/cut-off-override",
  bookingConfig: "GET /api/v1/booking/config",
  createBooking: "POST /api/v1/bookings",
  booking: "GET /api/v1/bookings/:bookingId",
  resendBookingCode: "POST /api/v1/bookings/:bookingId/resend",
  confirmBooking: "POST /api/v1/bookings/:bookingId/confirm",
  rescheduleBooking: "POST /api/v1/bookings/:bookingId/reschedule",
  cancelBooking: "POST /api/v1/bookings/:bookingId/cancel",
  smsStatus: "POST /api/v1/sms/status",
  devOutbox: "GET /api/v1/dev/outbox",
  // ---- the manager page's configuration editor ----
  siteConfig: "GET /api/v1/sites/:siteId/config",
  // ---- the audit log of an organisation ----
  audit: "GET /api/v1/audit",
  auditExport: "GET /api/v1/audit/export",
  auditRetention: "GET /api/v1/audit/retention",
  setAuditRetention: "PUT /api/v1/audit/retention",
  // ---- organisations: the deployment's operator ----
  organisations: "GET /api/v1/organisations",
  createOrganisation: "POST /api/v1/organisations",
  // ---- staff of an organisation: its administrator ----
  staff: "GET /api/v1/staff",
  createStaff: "POST /api/v1/staff",
  assignStaff: "PUT /api/v1/staff/:username",
  disableStaff: "POST /api/v1/staff/:username/disable",
  enableStaff: "POST /api/v1/staff/:username/enable",
  staffPassword: "POST /api/v1/staff/:username/password",
  staffSignOut: "POST /api/v1/staff/:username/sign-out",
  // ---- statistics: a site's, and an organisation's sites side by side ----
  siteStatistics: "GET /api/v1/sites/:siteId/statistics",
  organisationStatistics: "GET /api/v1/statistics",
  // ---- devices paired by code: the device asks, a manager of the site pairs it ----
  startPairing: "POST /api/v1/pairings",
  pairingState: "GET /api/v1/pairings/:secret",
  siteDevices: "GET /api/v1/sites/:siteId/devices",
  pairDevice: "POST /api/v1/sites/:siteId/devices",
  revokeDevice: "POST /api/v1/sites/:siteId/devices/:pairingId/revoke",
  setUnprintedAside: "POST /api/v1/sites/:siteId/unprinted/:jobId/aside",
  // ---- local continuity: the site's agent keeps the hall running while the office is cut off ----
  continuity: "GET /api/v1/sites/:siteId/continuity",
  continuityReplay: "POST /api/v1/sites/:siteId/continuity/replay",
  // ---- public, without a token: every office's live status, Warsaw's and FIWARE's shapes, open data ----
  publicSites: "GET /api/v1/public/sites",
  publicSiteStatus: "GET /api/v1/public/sites/:siteId/status",
  publicQueueMonitor: "GET /api/v1/public/sites/:siteId/queue-monitor",
  publicOpenData: "GET /api/v1/public/sites/:siteId/open-data/daily",
  warsawFeed: "GET /api/action/wsstore_get/",
} as const;

export type RouteName = keyof typeof ROUTES;
export type HttpMethod = "GET" | "POST" | "PUT";

type Line<N extends RouteName> = (typeof ROUTES)[N];
/** The method of a route, e.g. "POST". */
export type MethodOf<N extends RouteName> = Line<N> extends `${infer M extends HttpMethod} ${string}` ? M : never;
/** The path of a route in Hono's form, e.g. "/api/v1/sites/:siteId/tickets". */
export type PathOf<N extends RouteName> = Line<N> extends `${HttpMethod} ${infer P}` ? P : never;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The path parameters of a route, e.g. { siteId: string; deskId: string }. */
export type PathParams<N extends RouteName> = { [K in ParamNames<PathOf<N>>]: string };

/** Splits a route's line into its method and path. */
export function routeOf<N extends RouteName>(name: N): { method: MethodOf<N>; path: PathOf<N> } {
  const [method, path] = ROUTES[name].split(" ") as [MethodOf<N>, PathOf<N>];
  return { method, path };
}

/** The route of a desk command, e.g. "desk.call-next". */
export type DeskRouteName = Extract<RouteName, `desk.${string}`>;

/** The path with its parameters filled in (each encoded as one path segment). */
export function fillPath<N extends RouteName>(name: N, params: PathParams<N>): string {
  const values: Record<string, string> = params;
  return routeOf(name).path.replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ""));
}
