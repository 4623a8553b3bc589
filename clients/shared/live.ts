// A live view over the site's WebSocket in a browser: the shared reconnecting socket
// (protocol/live-socket.ts) on the page's host, or on the office's print agent while the office is cut
// off, told when the device goes offline or online and when the page becomes visible again. A stream whose ticket or desk is gone, or whose
// protocol version the server no longer speaks, ends for good and says why.
import { backoffDelay } from "../../protocol/backoff.ts";
import type { LiveRole, ServerMessage } from "../../protocol/live.ts";
import { LiveSocket as CoreSocket, endOfClose, type LiveEnd, type LiveFrame, type LiveStatus } from "../../protocol/live-socket.ts";

export type { LiveEnd, LiveStatus };
export { endOfClose };

export interface LiveOptions<V> {
  /** Path and query of the socket, e.g. /api/v1/sites/demo/live?role=display&access_token=… */
  path: string;
  /** The server's origin (the site's print agent while the office is cut off); null: the page's own host. */
  origin?: string | null;
  role: LiveRole;
  onView: (view: V, seq: number) => void;
  onStatus: (status: LiveStatus) => void;
  onEnd?: (why: LiveEnd) => void;
  /** The socket closed with this code (it dials again unless the code ends the stream). */
  onClosed?: (code: number) => void;
  /** Asked after a few failed attempts in a row: tells a dead end from a network problem. */
  probe?: () => Promise<LiveEnd | null>;
}

const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 6_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** The clients' retry delay (sockets and requests alike): 0.5 s doubling up to 10 s, with jitter. */
export function backoffMs(attempt: number, random = Math.random()): number {
  return backoffDelay(attempt, BACKOFF_MIN_MS, BACKOFF_MAX_MS, () => random);
}

/** The socket's address: ws(s):// on the given origin, or on the page's own host. */
export function socketUrl(origin: string | null, path: string, page: { protocol: string; host: string } = location): string {
  if (origin) return `${origin.replace(/^http/, "ws")}${path}`;
  return `${page.protocol === "https:" ? "wss:" : "ws:"}//${page.host}${path}`;
}

/**
 * Reads a frame of this stream. The server is trusted here: the browser bundles carry no schemas
 * (the site object builds every frame from the same contract), so a frame is only checked for its role.
 */
function reader<V>(role: LiveRole): (text: string) => LiveFrame<V> {
  return (text) => {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(text) as ServerMessage;
    } catch {
      return { type: "invalid", why: "not JSON" };
    }
    if (msg.type === "error") return msg;
    if (msg.role !== role) return { type: "invalid", why: `a frame for ${msg.role}` };
    const view = msg.view as V;
    return msg.type === "snapshot" ? { type: "snapshot", seq: msg.seq, view } : { type: "update", seq: msg.seq, prev: msg.prev, view };
  };
}

/**
 * Told on `window` when a live socket is closed because its token no longer works (4401: the device
 * revoked, the account disabled or signed out everywhere): the screen's gate signs it out.
 */
export const AUTH_LOST_EVENT = "numerek:auth-lost";

export class LiveSocket<V> {
  private readonly socket: CoreSocket<V>;

  constructor(opts: LiveOptions<V>) {
    this.socket = new CoreSocket<V>(
      {
        url: () => socketUrl(opts.origin ?? null, opts.path),
        open: (url) => new WebSocket(url),
        read: reader<V>(opts.role),
        pingEveryMs: PING_EVERY_MS,
        answerWithinMs: PONG_WITHIN_MS,
        minDelayMs: BACKOFF_MIN_MS,
        maxDelayMs: BACKOFF_MAX_MS,
        endOf: endOfClose,
        ...(opts.probe ? { probe: opts.probe } : {}),
      },
      {
        view: (view, seq) => opts.onView(view, seq),
        status: opts.onStatus,
        error: (code, message) => console.warn(`numerek live: ${code}: ${message}`),
        closed: (code) => opts.onClosed?.(code),
        ended: (why) => {
          this.unlisten();
          opts.onEnd?.(why);
          if (why === "auth") window.dispatchEvent(new Event(AUTH_LOST_EVENT));
        },
      },
    );
  }

  start(): void {
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.socket.start();
  }

  stop(): void {
    this.unlisten();
    this.socket.stop();
  }

  private unlisten(): void {
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    document.removeEventListener("visibilitychange", this.onVisible);
  }

  private readonly onOffline = (): void => this.socket.dropNow();

  private readonly onOnline = (): void => this.socket.reconnectNow();

  private readonly onVisible = (): void => {
    if (document.visibilityState === "visible") this.socket.reconnectNow();
  };
}
