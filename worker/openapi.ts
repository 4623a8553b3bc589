// GET /api/openapi.json: generated from the same zod schemas that validate the requests.
import { z } from "zod";
import {
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
