// WebSocket protocol between a site object and its screens, consoles, e-tickets and print agent.
import { z } from "zod";
import type { DeskView, ETicketView, TicketView } from "./api.ts";

export const PROTOCOL_VERSION = 1;

/** Keep-alive: the object answers this text without waking up. */
export const PING = "ping";
export const PONG = "pong";

/**
 * Close codes (4000-4999 are ours): the server ends a stream whose subject no longer exists,
 * and the client says so instead of reconnecting.
 */
export const CLOSE = {
  /** An e-ticket whose ticket is no longer stored. */
  TICKET_GONE: 4404,
  /** A desk screen or clerk console of a desk removed from the site's configuration. */
  DESK_GONE: 4410,
} as const;

/** What a kiosk printer can be: the kiosk shows its QR fallback unless it is "ready". */
export const PRINTER_STATES = ["ready", "paper-out", "cover-open", "offline", "error"] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

export interface PrinterStatus {
  kioskId: string;
  state: PrinterState;
  at: string;
}

// ---- client → server -------------------------------------------------------
export const ClientMessage = z.discriminatedUnion("type", [
  /** The client saw a gap in seq (or just wants a fresh picture): answer with a snapshot. */
  z.strictObject({ type: z.literal("resync") }),
  /** The print agent has printed or spoken this job. */
  z.strictObject({ type: z.literal("ack"), jobId: z.string().min(1).max(64) }),
  /** The print agent reports a printer's state (read with ESC/POS real-time status requests). */
  z.strictObject({
    type: z.literal("printer-state"),
    /** The kiosk the printer belongs to (a kiosk device id of the site). */
    kioskId: z.string().min(1).max(40),
    state: z.enum(PRINTER_STATES),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

// ---- server → client -------------------------------------------------------
export interface CallView {
  ticketId: string;
  number: string;
  deskId: string;
  deskName: string;
  deskNumber: number;
  at: string;
  /** 1 for the first call, 2 and 3 for recalls after "Nie zgłosił się", more for "Wezwij ponownie". */
  attempt: number;
}

export interface WaitingCount {
  matterId: string;
  count: number;
  /** Some open desk serves the matter now (kiosks grey out the others before anyone taps). */
  open: boolean;
}

export interface DisplayView {
  siteName: string;
  /** Newest first. */
  calls: CallView[];
  waiting: WaitingCount[];
  desks: { id: string; name: string; status: "open" | "paused"; number: string | null }[];
  /** Kiosk printers as last reported by the print agent (kiosks show a QR fallback when not ready). */
  printers: PrinterStatus[];
}

export interface DeskScreenView {
  desk: { id: string; name: string; status: "open" | "paused" };
  number: string | null;
}

export interface ClerkView {
  desk: DeskView;
  /** Tickets this desk may serve, in the order call-next would take them. */
  waiting: TicketView[];
  /** Tickets put aside after "Nie zgłosił się", to be called again at this desk. */
  missed: TicketView[];
  /** When the current client was called or started (for the service timer). */
  since: string | null;
}

export interface PrintJob {
  id: string;
  kind: "print";
  ticket: {
    number: string;
    matterName: string;
    siteName: string;
    city: string;
    waitingAhead: number;
    estimatedWaitMinutes: number;
    takenAt: string;
    eticketUrl: string;
  };
  kioskId: string | null;
  createdAt: string;
}

export interface AnnounceJob {
  id: string;
  kind: "announce";
  number: string;
  deskName: string;
  deskNumber: number;
  createdAt: string;
}

export type AgentJob = PrintJob | AnnounceJob;

export interface AgentView {
  /** Jobs not yet acknowledged, oldest first. */
  jobs: AgentJob[];
}

export type RoleView =
  | { role: "display"; view: DisplayView }
  | { role: "desk"; view: DeskScreenView }
  | { role: "clerk"; view: ClerkView }
  | { role: "eticket"; view: ETicketView }
  | { role: "agent"; view: AgentView };

/**
 * A full picture of what this socket shows. `seq` is the site's state version.
 * `prev` is the seq of the previous message sent to the same stream: a client
 * whose last seq is older than `prev` missed something and sends "resync".
 */
export type ServerMessage =
  | ({ type: "snapshot"; protocol: typeof PROTOCOL_VERSION; seq: number } & RoleView)
  | ({ type: "update"; seq: number; prev: number } & RoleView)
  | { type: "error"; code: string; message: string };

/** Client side of the seq rule, shared by every client. */
export function acceptsUpdate(lastSeq: number, msg: { seq: number; prev: number }): "apply" | "stale" | "gap" {
  if (msg.seq <= lastSeq) return "stale";
  if (msg.prev > lastSeq) return "gap";
  return "apply";
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
