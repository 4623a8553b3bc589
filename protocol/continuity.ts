// Local continuity at the site: when the office's internet link (or the cloud) is down, the site PC's
// print agent keeps the hall running. This file is the contract between its three parties:
// - the site object sends its agent a replica of the configuration and today's queue (in the agent's
//   live view), with blocks of ticket numbers reserved for offline use and the secret of local tokens;
// - kiosks, hall screens, desk screens and clerk consoles fetch the agent's address and a local token
//   (GET …/continuity) and switch to the agent when the cloud is unreachable;
// - the agent logs every offline action with its own sequence number and replays the log to the site
//   object (POST …/continuity/replay), which applies each entry exactly once by the written rules of
//   objects/continuity/reconcile.ts.
import { z } from "zod";
import { type DeskCommand, PauseReason, TicketStatus } from "./api.ts";
import { Id, SiteConfig } from "./config.ts";

/** A local date, YYYY-MM-DD. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
/** An instant, ms since the epoch. */
const Ms = z.number().int().min(0);
const TicketId = z.string().min(1).max(64);

/** A desk command as the API's desk routes take it (protocol/api.ts DeskCommand). */
export const DeskCommandBody: z.ZodType<DeskCommand> = z.union([
  z.strictObject({ action: z.enum(["call-next", "recall", "no-show", "start", "finish", "resume"]) }),
  z.strictObject({ action: z.literal("pause"), reason: PauseReason }),
  z.strictObject({ action: z.literal("call"), ticketId: TicketId }),
  z.strictObject({ action: z.literal("transfer"), ticketId: TicketId, matterId: Id }),
  z.strictObject({ action: z.literal("transfer"), ticketId: TicketId, deskId: Id }),
]);

/** A ticket as the queue rules keep it (objects/queue/model.ts Ticket), without its e-ticket secret. */
export const ContinuityTicket = z.strictObject({
  id: TicketId,
  day: Day,
  number: z.string().min(1).max(12),
  matterId: Id,
  source: z.enum(["walk-in", "booking"]),
  status: TicketStatus,
  takenAt: Ms,
  reservedAt: Ms.nullable(),
  priority: z.literal(true).optional(),
  interpreter: z.literal(true).optional(),
  deskId: Id.nullable(),
  misses: z.number().int().min(0).max(3),
  recallAt: Ms.nullable(),
  calledAt: Ms.nullable(),
  startedAt: Ms.nullable(),
  finishedAt: Ms.nullable(),
});
export type ContinuityTicket = z.infer<typeof ContinuityTicket>;

/** A desk's state (objects/queue/model.ts Desk). */
export const ContinuityDesk = z.strictObject({
  id: Id,
  status: z.enum(["open", "paused"]),
  ticketId: TicketId.nullable(),
  pause: z.strictObject({ reason: PauseReason, since: Ms }).optional(),
});
export type ContinuityDesk = z.infer<typeof ContinuityDesk>;

/** A number called to a desk (objects/queue/model.ts CallEvent). */
export const ContinuityCall = z.strictObject({
  ticketId: TicketId,
  number: z.string().min(1).max(12),
  deskId: Id,
  at: Ms,
  attempt: z.number().int().min(1).max(3),
  reason: z.enum(["call", "recall", "auto-recall"]),
});
export type ContinuityCall = z.infer<typeof ContinuityCall>;

/**
 * Ticket numbers of one matter and local day that the site object set aside for its agent: the cloud never
 * gives them out (its counter jumps over the block), the agent numbers offline walk-ins from `first` up to `last`.
 */
export const OfflineBlock = z.strictObject({
  day: Day,
  matterId: Id,
  first: z.number().int().min(1),
  last: z.number().int().min(1),
});
export type OfflineBlock = z.infer<typeof OfflineBlock>;

/**
 * What the site object sends its print agent in every agent view (AgentView.continuity): enough to run the
 * hall alone. Today's active tickets only (the finished ones matter to no offline decision); `walkInsTaken`
 * counts today's walk-ins by number prefix for the daily caps.
 */
export const ContinuityReplica = z.object({
  siteId: Id,
  config: SiteConfig,
  /** The local day the site object is in. */
  day: Day,
  /** The public address e-ticket links start with (eticketUrl of objects/site/tickets.ts). */
  publicUrl: z.string().url(),
  tickets: z.array(ContinuityTicket),
  desks: z.array(ContinuityDesk),
  /** The latest calls, newest first (what hall screens show as called). */
  recentCalls: z.array(ContinuityCall),
  /** Recent service durations per matter, ms (the wait estimate's input). */
  durations: z.record(z.string(), z.array(z.number().int().min(0))),
  walkInsTaken: z.record(z.string(), z.number().int().min(0)),
  /** Today's and tomorrow's blocks for this agent. */
  blocks: z.array(OfflineBlock),
  /** The key local tokens are signed with (base64url, 32 bytes): the agent checks devices' tokens with it. */
  localSecret: z.string().min(43).max(64),
  /** The highest sequence number of this agent's log the site has applied (0: none). */
  replayedThrough: z.number().int().min(0),
});
export type ContinuityReplica = z.infer<typeof ContinuityReplica>;

// ---- devices: the agent's address and a local token ----------------------------------------------

/** The roles a local token is given to: the devices and staff that work in the hall. */
export const LOCAL_ROLES = ["kiosk", "display", "clerk", "manager"] as const;
export const LocalRole = z.enum(LOCAL_ROLES);
export type LocalRole = z.infer<typeof LocalRole>;

/** What a local token says (its payload, before the signature). */
export const LocalTokenClaims = z.strictObject({
  /** The site. */
  site: Id,
  role: LocalRole,
  /** Who: a kiosk's or screen's device id, a clerk's or manager's user name. */
  sub: z.string().min(1).max(80),
  /** The device id of a kiosk (its printer), when the holder is a kiosk. */
  device: z.string().min(1).max(40).optional(),
  /** The desks a clerk may operate, when their account names them (absent: every desk, as in the cloud). */
  desks: z.array(Id).max(20).optional(),
  /** Valid until (ms since the epoch). */
  exp: Ms,
});
export type LocalTokenClaims = z.infer<typeof LocalTokenClaims>;

/** GET /api/v1/sites/{siteId}/continuity: where the site's agent answers on the LAN, and a token it accepts. */
export const ContinuityInfo = z.object({
  /** The agent's address on the office's network (null: no agent of this site serves continuity). */
  localUrl: z.string().url().nullable(),
  /** A local token for this device or person (protocol/continuity-token.ts), valid until `expiresAt`. */
  token: z.string().min(1).max(2000),
  expiresAt: z.string().describe("ISO 8601"),
});
export type ContinuityInfo = z.infer<typeof ContinuityInfo>;

/** GET {localUrl}/continuity/v1/health: the agent answers, and says whether it is cut off from the cloud. */
export const LocalHealth = z.object({
  siteId: Id,
  /** Whether the agent's own link to the site object is up now. */
  cloud: z.enum(["connected", "cut-off"]),
  /** Offline actions not yet applied by the site object. */
  pending: z.number().int().min(0),
  /** The agent holds a replica to work from (false: it cannot serve the hall). */
  ready: z.boolean(),
});
export type LocalHealth = z.infer<typeof LocalHealth>;

// ---- the agent's log, replayed -----------------------------------------------------------------------

const Seq = z.number().int().min(1);

/** An offline walk-in: the ticket as the agent issued and printed it (its e-ticket secret included, for the paper's link). */
export const OfflineIssue = z.strictObject({
  type: z.literal("issue"),
  seq: Seq,
  at: Ms,
  /** The kiosk that printed it (null: a clerk issued it). */
  kioskId: z.string().min(1).max(40).nullable(),
  ticket: ContinuityTicket.extend({ token: z.string().min(20).max(200) }),
  /** The wait shown on the paper, minutes. */
  estimate: z.strictObject({ minutes: z.number().int().min(0), low: z.number().int().min(0), high: z.number().int().min(0) }),
});
export type OfflineIssue = z.infer<typeof OfflineIssue>;

/**
 * An offline desk command with what it did: the rows the agent's rules changed (the site applies these,
 * it does not decide the command again: the citizen called offline is the one who came to the desk).
 */
export const OfflineDeskAction = z.strictObject({
  type: z.literal("desk"),
  seq: Seq,
  at: Ms,
  deskId: Id,
  command: DeskCommandBody,
  /** Who pressed it (the clerk's or manager's user name from their local token). */
  by: z.string().min(1).max(80),
  tickets: z.array(ContinuityTicket).max(10),
  desks: z.array(ContinuityDesk).max(10),
  calls: z.array(ContinuityCall).max(10),
});
export type OfflineDeskAction = z.infer<typeof OfflineDeskAction>;

export const OfflineEntry = z.discriminatedUnion("type", [OfflineIssue, OfflineDeskAction]);
export type OfflineEntry = z.infer<typeof OfflineEntry>;

/** The most entries one replay request carries. */
export const REPLAY_BATCH = 200;
/** …and the most bytes of JSON (the API takes bodies up to 256 KB). */
export const REPLAY_MAX_BYTES = 200 * 1024;

/** The longest run of entries from the start that fits one replay request (at least one). */
export function replayBatch(entries: readonly OfflineEntry[]): OfflineEntry[] {
  const batch: OfflineEntry[] = [];
  let bytes = 20;
  for (const e of entries.slice(0, REPLAY_BATCH)) {
    bytes += new TextEncoder().encode(JSON.stringify(e)).length + 1;
    if (batch.length && bytes > REPLAY_MAX_BYTES) break;
    batch.push(e);
  }
  return batch;
}

/** POST /api/v1/sites/{siteId}/continuity/replay (the agent's token): the next entries of its log, in order. */
export const ReplayRequest = z.strictObject({ entries: z.array(OfflineEntry).min(1).max(REPLAY_BATCH) });
export type ReplayRequest = z.infer<typeof ReplayRequest>;

/** Which written rule settled an entry that met a change made online while the office was cut off. */
export const CONFLICT_RULES = [
  /** A ticket ended online (cancelled from its e-ticket, removed by a manager) and only called offline: the online end stands. */
  "ended-online-stands",
  /** A ticket ended online but served offline: the service happened, the offline record wins. */
  "served-offline-wins",
  /** A ticket changed online and offline while still in the queue: the hall's (offline) state wins. */
  "hall-wins",
  /** A desk pointed at a ticket whose online end stands: the desk is freed. */
  "desk-freed",
] as const;
export const ConflictRule = z.enum(CONFLICT_RULES);
export type ConflictRule = z.infer<typeof ConflictRule>;

export const ReplayResponse = z.object({
  /** The highest sequence number applied (entries at or below it sent again are skipped: exactly once). */
  replayedThrough: z.number().int().min(0),
  /** How many entries of this request were applied now. */
  applied: z.number().int().min(0),
  conflicts: z.array(z.object({ seq: Seq, ticketId: TicketId, rule: ConflictRule })),
});
export type ReplayResponse = z.infer<typeof ReplayResponse>;
