// A live view over the site's WebSocket: snapshot on connect, updates checked against seq
// (a gap asks for "resync"), keep-alive pings, and reconnection with backoff after any drop,
// except when the server closes the stream because its ticket or desk no longer exists.
import { acceptsUpdate, CLOSE, PING, PONG, type RoleView, type ServerMessage } from "../../protocol/live.ts";

export type LiveStatus = "connecting" | "online" | "offline";
/** Why a socket will not come back: its ticket or desk is gone, or the token was refused. */
export type LiveEnd = "gone" | "auth";

/** A close code that ends the stream for good (no reconnecting), or null for a drop worth retrying. */
export function endOfClose(code: number): LiveEnd | null {
  return code === CLOSE.TICKET_GONE || code === CLOSE.DESK_GONE ? "gone" : null;
}

export interface LiveOptions<V> {
  /** Path and query of the socket, e.g. /api/v1/sites/demo/live?role=display&access_token=… */
  path: string;
  role: RoleView["role"];
  onView: (view: V, seq: number) => void;
  onStatus: (status: LiveStatus) => void;
  onEnd?: (why: LiveEnd) => void;
  /** Asked after a few failed attempts in a row: tells a dead end from a network problem. */
  probe?: () => Promise<LiveEnd | null>;
}

const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 6_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const PROBE_AFTER = 3;

export function backoffMs(attempt: number, random = Math.random()): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.round(base * (0.75 + random * 0.5));
}

export class LiveSocket<V> {
  private ws: WebSocket | null = null;
  /** Bumped on every (re)connect: events of an abandoned socket are ignored. */
  private gen = 0;
  private lastSeq = -1;
  private attempt = 0;
  private failuresInRow = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: LiveOptions<V>) {}

  start(): void {
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    document.removeEventListener("visibilitychange", this.onVisible);
    clearTimeout(this.retryTimer);
    this.abandon();
  }

  private connect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.abandon();
    const gen = ++this.gen;
    this.opts.onStatus(this.attempt === 0 && this.lastSeq < 0 ? "connecting" : "offline");
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${scheme}//${location.host}${this.opts.path}`);
    } catch {
      this.dropped(gen);
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      if (gen !== this.gen) return;
      opened = true;
      this.pingTimer = setInterval(() => this.ping(gen), PING_EVERY_MS);
    };
    ws.onmessage = (ev) => {
      if (gen !== this.gen) return;
      clearTimeout(this.pongTimer);
      if (typeof ev.data === "string") this.receive(ev.data);
    };
    ws.onclose = (ev) => {
      if (gen !== this.gen) return;
      const end = endOfClose(ev.code);
      if (end) return this.end(end);
      if (!opened) this.failuresInRow++;
      this.dropped(gen);
    };
    ws.onerror = () => {
      /* onclose follows */
    };
  }

  private receive(data: string): void {
    if (data === PONG) return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    switch (msg.type) {
      case "snapshot":
        if (msg.role !== this.opts.role) return;
        this.lastSeq = msg.seq;
        this.attempt = 0;
        this.failuresInRow = 0;
        this.opts.onView(msg.view as V, msg.seq);
        this.opts.onStatus("online");
        return;
      case "update": {
        if (msg.role !== this.opts.role) return;
        const verdict = acceptsUpdate(this.lastSeq, msg);
        if (verdict === "apply") {
          this.lastSeq = msg.seq;
          this.opts.onView(msg.view as V, msg.seq);
        } else if (verdict === "gap") {
          this.ws?.send(JSON.stringify({ type: "resync" }));
        }
        return;
      }
      case "error":
        console.warn(`numerek live: ${msg.code}: ${msg.message}`);
        return;
    }
  }

  private ping(gen: number): void {
    if (gen !== this.gen || this.ws?.readyState !== WebSocket.OPEN) return;
    this.ws.send(PING);
    clearTimeout(this.pongTimer);
    // No answer in time: the connection is dead even if the browser has not noticed yet.
    this.pongTimer = setTimeout(() => this.dropped(gen), PONG_WITHIN_MS);
  }

  /** The connection is gone: show it, and try again after a growing, jittered delay. */
  private dropped(gen: number): void {
    if (gen !== this.gen || this.stopped) return;
    this.abandon();
    this.opts.onStatus("offline");
    const delay = backoffMs(this.attempt++);
    this.retryTimer = setTimeout(() => void this.retry(), delay);
  }

  private async retry(): Promise<void> {
    if (this.stopped) return;
    if (this.failuresInRow >= PROBE_AFTER && this.opts.probe) {
      const end = await this.opts.probe().catch(() => null);
      if (end) return this.end(end);
    }
    this.connect();
  }

  private end(why: LiveEnd): void {
    this.stop();
    this.opts.onEnd?.(why);
  }

  /** Detaches and closes the current socket without waiting for its close handshake. */
  private abandon(): void {
    this.gen++;
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      try {
        ws.close(1000, "reconnect");
      } catch {
        /* already closing */
      }
    }
  }

  private readonly onOffline = () => {
    if (this.ws) this.dropped(this.gen);
  };

  private readonly onOnline = () => {
    if (this.ws?.readyState === WebSocket.OPEN) return;
    this.attempt = 0;
    this.connect();
  };

  private readonly onVisible = () => {
    if (document.visibilityState === "visible" && !this.ws) {
      this.attempt = 0;
      this.connect();
    }
  };
}
