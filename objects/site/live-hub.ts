// Sockets of a site object: a snapshot on connect, then coalesced updates stamped with seq,
// each kind of client getting only what it shows; a stream whose ticket or desk is gone is
// closed with a code that says so. Survives hibernation: who a socket is lives in its
// attachment, and the first frame after a wake-up is a snapshot. A public (e-ticket) socket that
// sends more than its allowance is closed with TOO_MANY_MESSAGES, its further frames dropped unread.
import type { ErrorFrame, RoleView, ServerMessage } from "../../protocol/live.ts";
import { assertNever, CLOSE, ClientMessage, type CloseCode, PROTOCOL_VERSION } from "../../protocol/live.ts";
import { SocketAllowance } from "./live-limits.ts";

export type LiveAttachment =
  | { role: "display" }
  /**
   * `serves`: the token's subject when it is the site's agent (role "agent"): its own stream, which carries the
   * site's replica if it is the agent serving local continuity. A manager watching the agent's jobs has none.
   */
  | { role: "agent"; serves?: string }
  | { role: "desk"; deskId: string }
  | { role: "clerk"; deskId: string }
  | { role: "eticket"; ticketId: string };

/** Sent first after a change: what the hall and the staff see. */
const HALL_ROLES = ["display", "desk", "clerk", "agent"] as const;
/** Sent in the next turn: citizens' phones. */
const PHONE_ROLES = ["eticket"] as const;
/** The phones' flush waits behind at most this many newer changes in a row (see schedulePhones). */
const MAX_PHONES_DEFERRED = 3;
/**
 * Changes that only add to the hall's counts (plain walk-ins) reach the screens and consoles at most this often:
 * in a storm of tickets they get one frame per period with all of them, not one per ticket. The agent gets such
 * a change at once (its print jobs, its replica); a call, a desk or anything else goes to everyone at once and
 * takes the counts held back with it.
 */
export const HALL_COUNTS_MS = 100;
/** What a change that only adds to the counts is sent to at once: the print agent. */
const AT_ONCE_ROLES = ["agent"] as const;
/** E-ticket snapshots share one ViewOf for this long while nothing changes (a storm of phones reconnecting). */
const PHONE_SNAPSHOT_VIEWS_MS = 1_000;

/** What a stream was last sent: its seq, and the exact body, to skip a view that has not changed. */
interface Sent {
  seq: number;
  body: string;
}

export function streamKey(a: LiveAttachment): string {
  switch (a.role) {
    case "display":
      return a.role;
    case "agent":
      return a.serves === undefined ? "agent" : `agent:${a.serves}`;
    case "desk":
    case "clerk":
      return `${a.role}:${a.deskId}`;
    case "eticket":
      return `eticket:${a.ticketId}`;
  }
}

/** Why a stream with no view is closed: its ticket, or its desk, no longer exists. */
export function goneClose(a: LiveAttachment): { code: CloseCode; reason: string } | null {
  switch (a.role) {
    case "eticket":
      return { code: CLOSE.TICKET_GONE, reason: "ticket gone" };
    case "desk":
    case "clerk":
      return { code: CLOSE.DESK_GONE, reason: "desk removed" };
    case "display":
    case "agent":
      return null;
  }
}

/** Builds the current view of a stream; null when the stream no longer exists (its ticket or desk is gone). */
export type ViewOf = (a: LiveAttachment) => RoleView | null;
/** Makes a ViewOf for the current state: called once per flush, so work shared by streams is done once. */
export type ViewSource = () => ViewOf;

export class LiveHub {
  /**
   * Per role, per stream: the seq and the exact frame body last sent, to skip unchanged views. Kept by role
   * so that the hall's flush, after every walk-in, looks only at the hall's streams, never at the phones'.
   */
  private readonly lastSent = new Map<LiveAttachment["role"], Map<string, Sent>>();
  private flushScheduled = false;
  /** The hall's flush to come: its timer and when it is due. */
  private hallTimer: ReturnType<typeof setTimeout> | undefined;
  private hallDueAt = 0;
  /** When the hall was last flushed (0: not since the start). */
  private lastHallAt = 0;
  /** The agent's own flush, for a change the rest of the hall takes later. */
  private agentScheduled = false;
  private phonesScheduled = false;
  /**
   * Whether a change since the phones' last flush may have moved what a phone shows (see movesPhones). False
   * after a wake-up too: every change before it was flushed to the phones, so what they show is still true;
   * the first change that can move one sends every phone a fresh snapshot (nothing is known of what each has).
   */
  private phonesDirty = false;
  /** Phones' flushes put off in a row behind a newer change still on its way to the hall. */
  private phonesDeferred = 0;
  /**
   * The views e-ticket snapshots are built from while nothing changes: thousands of phones reconnecting
   * at once (after a wake-up, or the office's Wi-Fi coming back) share the positions and ranges worked
   * out once, instead of each working out the whole line again. Dropped at every change.
   */
  private phoneSnapshotViews: { seq: number; at: number; viewOf: ViewOf } | null = null;
  /** Attachments read once per socket object (a wake-up makes new objects, and the cache refills). */
  private readonly attached = new WeakMap<WebSocket, LiveAttachment>();
  /** Public sockets' allowances, in memory only: a wake-up starts them again. */
  private readonly allowances = new WeakMap<WebSocket, SocketAllowance>();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly seq: () => number,
    private readonly source: ViewSource,
  ) {}

  /** Takes a socket in, tagged by its role, its stream and any `tags` it is counted by. */
  accept(ws: WebSocket, a: LiveAttachment, tags: string[] = []): void {
    this.ctx.acceptWebSocket(ws, [a.role, streamKey(a), ...tags]);
    ws.serializeAttachment(a);
    this.snapshot(ws);
  }

  attachment(ws: WebSocket): LiveAttachment | null {
    let a = this.attached.get(ws);
    if (!a) {
      a = (ws.deserializeAttachment() as LiveAttachment | null) ?? undefined;
      if (a) this.attached.set(ws, a);
    }
    return a ?? null;
  }

  /**
   * Whether a client's frame is read at all, asked before it is parsed. Staff, devices and the
   * agent are signed in and always read; a public socket over its allowance is closed at its
   * first frame over, and whatever it still sends is dropped unread.
   */
  admit(ws: WebSocket, now: number): boolean {
    const allowance = this.allowanceOf(ws, now);
    if (!allowance) return true;
    const verdict = allowance.admit(now);
    switch (verdict) {
      case "read":
        return true;
      case "close":
        closeQuietly(ws, CLOSE.TOO_MANY_MESSAGES, "too many messages");
        return false;
      case "drop":
        return false;
      default:
        return assertNever(verdict);
    }
  }

  /** Answers "resync" with a snapshot; a public socket gets one at most every few seconds. */
  resync(ws: WebSocket, now: number): void {
    const allowance = this.allowanceOf(ws, now);
    if (allowance && !allowance.resync(now)) return;
    this.snapshot(ws);
  }

  /** A public socket's allowance (made on its first frame); null for a signed-in one. */
  private allowanceOf(ws: WebSocket, now: number): SocketAllowance | null {
    const known = this.allowances.get(ws);
    if (known) return known;
    if (this.attachment(ws)?.role !== "eticket") return null;
    const fresh = new SocketAllowance(now);
    this.allowances.set(ws, fresh);
    return fresh;
  }

  /** Sends the whole picture to one socket (on connect and on "resync"). */
  snapshot(ws: WebSocket): void {
    const a = this.attachment(ws);
    if (!a) return;
    const view = this.snapshotViews(a)(a);
    if (!view) return this.end(a, [ws]);
    const seq = this.seq();
    send(ws, { type: "snapshot", protocol: PROTOCOL_VERSION, seq, ...view });
    const sent = this.sentOf(a.role);
    const key = streamKey(a);
    if (!sent.has(key)) sent.set(key, { seq, body: JSON.stringify(view) });
  }

  /** What was last sent to each stream of a role. */
  private sentOf(role: LiveAttachment["role"]): Map<string, Sent> {
    let sent = this.lastSent.get(role);
    if (!sent) this.lastSent.set(role, (sent = new Map()));
    return sent;
  }

  /** What a snapshot is built from: fresh for the hall and the staff, shared by phones while nothing changes. */
  private snapshotViews(a: LiveAttachment): ViewOf {
    if (a.role !== "eticket") return this.source();
    const seq = this.seq();
    const now = Date.now();
    const known = this.phoneSnapshotViews;
    if (known && known.seq === seq && now - known.at < PHONE_SNAPSHOT_VIEWS_MS) return known.viewOf;
    const viewOf = this.source();
    this.phoneSnapshotViews = { seq, at: now, viewOf };
    return viewOf;
  }

  /**
   * Something changed: one flush per turn of the event loop, however many commands came in it; a change that
   * only adds to the hall's counts (`countsOnly`) waits until HALL_COUNTS_MS after the hall's last flush.
   * Screens, desks, consoles and the agent go first; the e-tickets (up to thousands of phones)
   * follow in the next turn, so a call reaches the hall without waiting behind them. A phone gets a
   * frame only when its own view changed (see ViewBuilder.eticket): a call wakes the phones of the
   * line it moved, not every phone of the office.
   */
  changed(phones = true, countsOnly = false): void {
    this.phoneSnapshotViews = null;
    this.phonesDirty ||= phones;
    const now = Date.now();
    // Only the counts moved: the agent now, the rest not sooner than HALL_COUNTS_MS after the hall's last flush.
    const held = countsOnly && !phones;
    const dueAt = held ? Math.max(now, this.lastHallAt + HALL_COUNTS_MS) : now;
    if (held && dueAt > now) this.scheduleAgent();
    if (this.flushScheduled) {
      if (this.hallDueAt <= dueAt) return;
      clearTimeout(this.hallTimer);
    }
    this.flushScheduled = true;
    this.hallDueAt = dueAt;
    this.hallTimer = setTimeout(() => {
      this.flushScheduled = false;
      this.lastHallAt = Date.now();
      this.flushRoles(HALL_ROLES);
      if (this.phonesDirty) this.schedulePhones();
    }, dueAt - now);
  }

  /** The agent's flush in the next turn, for a change whose flush to the rest of the hall is held back. */
  private scheduleAgent(): void {
    if (this.agentScheduled) return;
    this.agentScheduled = true;
    setTimeout(() => {
      this.agentScheduled = false;
      this.flushRoles(AT_ONCE_ROLES);
    }, 0);
  }

  /**
   * The phones' flush, in the turn after the hall's. It reads the state as it is when it runs: when a
   * newer change came in meanwhile and the hall is about to be sent it, the phones wait for that flush
   * (a few times at most, so a stream of changes cannot hold them back), and the hall stays first. A
   * flush held back for counts does not hold them: walk-ins move no phone.
   */
  private schedulePhones(): void {
    if (this.phonesScheduled) return;
    this.phonesScheduled = true;
    setTimeout(() => {
      this.phonesScheduled = false;
      if (this.flushScheduled && this.hallDueAt <= Date.now() && this.phonesDeferred < MAX_PHONES_DEFERRED) {
        this.phonesDeferred++;
        return;
      }
      this.phonesDeferred = 0;
      this.phonesDirty = false;
      this.flushRoles(PHONE_ROLES);
    }, 0);
  }

  /** Sends every stream of these roles whose view differs from what it last got. */
  flushRoles(roles: readonly LiveAttachment["role"][]): void {
    const seq = this.seq();
    const streams = new Map<string, { a: LiveAttachment; sockets: WebSocket[] }>();
    for (const role of roles) {
      for (const ws of this.ctx.getWebSockets(role)) {
        const a = this.attachment(ws);
        if (!a) continue;
        const key = streamKey(a);
        const s = streams.get(key);
        if (s) s.sockets.push(ws);
        else streams.set(key, { a, sockets: [ws] });
      }
    }
    const viewOf = this.source();
    for (const [key, { a, sockets }] of streams) {
      const view = viewOf(a);
      if (!view) {
        this.end(a, sockets);
        continue;
      }
      const body = JSON.stringify(view);
      const sent = this.sentOf(a.role);
      const last = sent.get(key);
      if (last && last.body === body) continue;
      // After a wake-up nothing is known of what the socket has: send a snapshot.
      const frame = last
        ? `{"type":"update","seq":${seq},"prev":${last.seq},${body.slice(1)}`
        : `{"type":"snapshot","protocol":${PROTOCOL_VERSION},"seq":${seq},${body.slice(1)}`;
      for (const ws of sockets) sendRaw(ws, frame);
      sent.set(key, { seq, body });
    }
    // Forget streams of these roles with no socket left.
    for (const role of roles) {
      const sent = this.lastSent.get(role);
      if (sent) for (const key of sent.keys()) if (!streams.has(key)) sent.delete(key);
    }
  }

  /** Closes the sockets of a stream that has nothing left to show, telling the client why. */
  private end(a: LiveAttachment, sockets: WebSocket[]): void {
    const gone = goneClose(a);
    if (!gone) return;
    this.lastSent.get(a.role)?.delete(streamKey(a));
    for (const ws of sockets) closeQuietly(ws, gone.code, gone.reason);
  }
}

function closeQuietly(ws: WebSocket, code: CloseCode, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    /* already closing */
  }
}

/** A client frame is JSON text of at most this many characters. */
export const MAX_FRAME = 4096;

/** A client's frame, read at the edge: a message of the protocol, or the error frame to answer with. */
export function readClientFrame(message: string | ArrayBuffer): ClientMessage | ErrorFrame {
  if (typeof message !== "string" || message.length > MAX_FRAME) {
    return { type: "error", code: "BAD_REQUEST", message: "Send JSON text frames of at most 4 KB." };
  }
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    json = undefined;
  }
  const parsed = ClientMessage.safeParse(json);
  return parsed.success ? parsed.data : { type: "error", code: "VALIDATION_FAILED", message: "Unknown or malformed message." };
}

export function send(ws: WebSocket, msg: ServerMessage): void {
  sendRaw(ws, JSON.stringify(msg));
}

/** A socket that is closing or gone is dropped silently: its client reconnects and gets a snapshot. */
function sendRaw(ws: WebSocket, frame: string): void {
  try {
    ws.send(frame);
  } catch {
    try {
      ws.close(1011, "send failed");
    } catch {
      /* already closed */
    }
  }
}
