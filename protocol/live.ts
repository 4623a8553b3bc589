// WebSocket protocol between a site object and its screens, consoles, e-tickets and print agent:
// every frame either way is a schema here, and its type is inferred from it. Browser clients
// import only types and the pure helpers (vite.config.ts keeps the schemas out of their bundles).
import { z } from "zod";
import { ETicketView } from "./api.ts";
import { type ErrorCode, isErrorCode } from "./errors.ts";
import { AgentView, ClerkView, DeskScreenView, DisplayView, PRINTER_STATES } from "./live-views.ts";

export * from "./live-views.ts";

// The wire's constants and pure rules live without zod in live-wire.ts, which the browser clients import.
export {
  acceptsUpdate,
  assertNever,
  CLOSE,
  type CloseCode,
  PING,
  PONG,
  PROTOCOL_PARAM,
  PROTOCOL_VERSION,
  protocolSupported,
  SUPPORTED_PROTOCOLS,
  withProtocol,
} from "./live-wire.ts";

import { PROTOCOL_VERSION } from "./live-wire.ts";

// ---- client → server -------------------------------------------------------
/** Why the print agent gave up on a ticket: too old to print by the time it could, or no printer for its kiosk. */
export const UnprintedReason = z.enum(["too-old", "no-printer"]);
export type UnprintedReason = z.infer<typeof UnprintedReason>;

export const ClientMessage = z.discriminatedUnion("type", [
  /** The client saw a gap in seq (or just wants a fresh picture): answer with a snapshot. */
  z.strictObject({ type: z.literal("resync") }),
  /** The print agent has printed or spoken this job. */
  z.strictObject({ type: z.literal("ack"), jobId: z.string().min(1).max(64) }),
  /**
   * The print agent could not print this ticket and will not: it was too old by the time the printer could
   * take it, or no printer is configured for its kiosk. The job stays on the site's record as not printed.
   */
  z.strictObject({ type: z.literal("unprinted"), jobId: z.string().min(1).max(64), reason: UnprintedReason }),
  /** The print agent reports a printer's state (read with ESC/POS real-time status requests). */
  z.strictObject({
    type: z.literal("printer-state"),
    /** The kiosk the printer belongs to (a kiosk device id of the site). */
    kioskId: z.string().min(1).max(40),
    state: z.enum(PRINTER_STATES),
  }),
  /**
   * The print agent, on every socket open: its address on the office's network, where kiosks, screens and
   * consoles reach it when the cloud cannot be reached (null: it serves no local continuity).
   */
  z.strictObject({
    type: z.literal("continuity"),
    localUrl: z
      .url({ protocol: /^https?$/ })
      .max(200)
      .nullable(),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

// ---- server → client -------------------------------------------------------
const Seq = z.number().int();

/** The view of each role, in the frame's `role` and `view`. */
function byRole<Head extends z.ZodRawShape>(head: Head) {
  return z.discriminatedUnion("role", [
    z.object({ ...head, role: z.literal("display"), view: DisplayView }),
    z.object({ ...head, role: z.literal("desk"), view: DeskScreenView }),
    z.object({ ...head, role: z.literal("clerk"), view: ClerkView }),
    z.object({ ...head, role: z.literal("eticket"), view: ETicketView }),
    z.object({ ...head, role: z.literal("agent"), view: AgentView }),
  ]);
}

// (Calls of byRole are marked pure so that a browser bundle that imports only helpers drops them.)
export const RoleView = /* @__PURE__ */ byRole({});
export type RoleView = z.infer<typeof RoleView>;
export type LiveRole = RoleView["role"];

/** A full picture of what this socket shows; `seq` is the site's state version. Sent on connect and on "resync". */
export const SnapshotFrame = /* @__PURE__ */ byRole({ type: z.literal("snapshot"), protocol: z.literal(PROTOCOL_VERSION), seq: Seq });
/**
 * The picture after a change. `prev` is the seq of the previous frame sent to the same stream:
 * a client whose last seq is older than `prev` missed something and sends "resync".
 */
export const UpdateFrame = /* @__PURE__ */ byRole({ type: z.literal("update"), seq: Seq, prev: Seq });

/** One of the stable codes of protocol/errors.ts. */
export const ErrorCodeSchema = z.custom<ErrorCode>((v) => typeof v === "string" && isErrorCode(v), "unknown error code");
/** A client message the server could not take (malformed, or not this role's to send). */
export const ErrorFrame = z.object({ type: z.literal("error"), code: ErrorCodeSchema, message: z.string() });
export type ErrorFrame = z.infer<typeof ErrorFrame>;

export const ServerMessage = z.discriminatedUnion("type", [SnapshotFrame, UpdateFrame, ErrorFrame]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * The print agent's frames as the agent reads them: the envelope is checked here, its jobs one by
 * one (AgentJob), so a job of a kind an older agent does not know is left for a newer one instead of
 * hiding every other job.
 */
const Jobs = z.object({ jobs: z.array(z.unknown()), continuity: z.unknown().optional() });
export const AgentFrameEnvelope = z.discriminatedUnion("type", [
  z.object({ type: z.literal("snapshot"), seq: Seq, role: z.literal("agent"), view: Jobs }),
  z.object({ type: z.literal("update"), seq: Seq, prev: Seq, role: z.literal("agent"), view: Jobs }),
  ErrorFrame,
]);
