// One reconnecting live socket, used by the browser clients (clients/shared/live.ts) and the print
// agent (print-agent/connection.ts): dials with the protocol version in the URL, keeps the line
// alive with "ping", applies the seq rule (a gap asks for "resync"), ends the stream for the close
// codes its owner says end it, and otherwise dials again after a growing, jittered delay.
// Plain TypeScript with no DOM or Node API: the caller hands in how to open a WebSocket.
import { backoffDelay } from "./backoff.ts";
import type { ErrorCode } from "./errors.ts";
import type { ClientMessage } from "./live.ts";
import { acceptsUpdate, CLOSE, PING, PONG, withProtocol } from "./live-wire.ts";

/** The part of a WebSocket (the browser's, or Node's global one) this socket uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open", listener: () => void): void;
  addEventListener(type: "message", listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: "close", listener: (ev: { code: number; reason: string }) => void): void;
  addEventListener(type: "error", listener: () => void): void;
}

/** WebSocket.OPEN; the constant is read from no global so that this module runs anywhere. */
const OPEN = 1;
/** An attempt number whose backoff delay is the longest (backoff.ts caps the exponent at 30). */
const SLOWEST_ATTEMPT = 30;

export type LiveStatus = "connecting" | "online" | "offline";
/** Why a socket will not come back: its ticket or desk is gone, its version is refused, or its token. */
export type LiveEnd = "gone" | "version" | "auth";

/** The close codes that end a browser client's stream for good; null for a drop worth retrying. */
export function endOfClose(code: number): LiveEnd | null {
  if (code === CLOSE.TICKET_GONE || code === CLOSE.DESK_GONE) return "gone";
  if (code === CLOSE.VERSION_UNSUPPORTED) return "version";
  if (code === CLOSE.ACCESS_REVOKED) return "auth";
  return null;
}

/** A text frame as the owner's reader understood it (a frame for another role is "invalid"). */
export type LiveFrame<V> =
  | { type: "snapshot"; seq: number; view: V }
  | { type: "update"; seq: number; prev: number; view: V }
  | { type: "error"; code: ErrorCode; message: string }
  | { type: "invalid"; why: string };

export interface LiveSocketOptions<V> {
  /** The socket's URL, asked before every dial (the print agent signs in first); a throw counts as a failed dial. */
  url: () => string | Promise<string>;
  /** Opens a WebSocket: `(url) => new WebSocket(url)` in a browser and in Node 24. */
  open: (url: string) => SocketLike;
  /** Reads a text frame (never "pong", which is handled here). */
  read: (text: string) => LiveFrame<V>;
  /** A "ping" goes this often while the socket is open… */
  pingEveryMs: number;
  /** …and a socket that sends nothing within this long of an unanswered ping is dropped and dialled again. */
  answerWithinMs: number;
  /** Reconnection delays grow from min to max (backoff.ts). */
  minDelayMs: number;
  maxDelayMs: number;
  /** Which close codes end the stream for good (the browser's endOfClose); the others are retried. */
  endOf: (code: number) => LiveEnd | null;
  /** Asked before a dial after `probeAfter` failed dials in a row: tells a dead end from a network problem. */
  probe?: () => Promise<LiveEnd | null>;
  probeAfter?: number;
  random?: () => number;
}

/** What the socket tells its owner; only `view` is required. */
export interface LiveSocketEvents<V> {
  view(view: V, seq: number, snapshot: boolean): void;
  status?(status: LiveStatus): void;
  /** The socket is open: a snapshot follows. */
  opened?(): void;
  /** The server answered a message with an error frame. */
  error?(code: ErrorCode, message: string): void;
  /** A frame that could not be read, or was meant for another role. */
  invalid?(why: string): void;
  /** The socket closed (`opened`: whether it had opened at all). */
  closed?(code: number, reason: string, opened: boolean): void;
  /** Pings went unanswered: the socket is dropped. */
  silent?(): void;
  /** The URL could not be had (say, the sign-in failed). */
  dialFailed?(error: unknown): void;
  /** The next dial comes after this delay. */
  retrying?(delayMs: number): void;
  /** The stream has ended for good: the socket is stopped. */
  ended?(why: LiveEnd): void;
}

export class LiveSocket<V> {
  private readonly o: LiveSocketOptions<V>;
  private readonly on: LiveSocketEvents<V>;
  private ws: SocketLike | null = null;
  /** Bumped whenever the current socket is abandoned: events of an older one are ignored. */
  private gen = 0;
  private lastSeq = -1;
  private attempt = 0;
  private failuresInRow = 0;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private answerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LiveSocketOptions<V>, events: LiveSocketEvents<V>) {
    this.o = options;
    this.on = events;
  }

  get connected(): boolean {
    return this.ws?.readyState === OPEN;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.dial();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.abandon("stopping");
  }

  /** Sends a message if the socket is open; false when it is not. */
  send(msg: ClientMessage): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return false;
    try {
      ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  /** Dials at once, from the shortest delay, unless a socket is open or opening (the network came back). */
  reconnectNow(): void {
    if (!this.running || (this.ws && this.ws.readyState <= OPEN)) return;
    this.attempt = 0;
    void this.dial();
  }

  /** Treats the socket as lost at once (the device went offline) and waits to dial again. */
  dropNow(): void {
    if (this.ws) this.dropped(this.gen);
  }

  private async dial(): Promise<void> {
    if (!this.running) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.abandon("reconnect");
    const gen = ++this.gen;
    this.on.status?.(this.attempt === 0 && this.lastSeq < 0 ? "connecting" : "offline");
    let ws: SocketLike;
    try {
      const url = withProtocol(await this.o.url());
      if (gen !== this.gen) return;
      ws = this.o.open(url);
    } catch (e) {
      if (gen !== this.gen) return;
      this.failuresInRow++;
      this.on.dialFailed?.(e);
      this.dropped(gen);
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.addEventListener("open", () => {
      if (gen !== this.gen) return;
      opened = true;
      this.pingTimer = setInterval(() => this.ping(gen), this.o.pingEveryMs);
      this.on.opened?.();
    });
    ws.addEventListener("message", (ev) => {
      if (gen !== this.gen) return;
      clearTimeout(this.answerTimer);
      this.answerTimer = undefined;
      if (typeof ev.data === "string") this.receive(ev.data);
    });
    ws.addEventListener("close", (ev) => {
      if (gen !== this.gen) return;
      this.ws = null;
      this.on.closed?.(ev.code, ev.reason, opened);
      const end = this.o.endOf(ev.code);
      if (end) return this.end(end);
      if (!opened) this.failuresInRow++;
      // Closed for sending too much: dial again only after the longest delay, not at once.
      if (ev.code === CLOSE.TOO_MANY_MESSAGES) this.attempt = SLOWEST_ATTEMPT;
      this.dropped(gen);
    });
    ws.addEventListener("error", () => {
      /* a close event follows */
    });
  }

  private receive(text: string): void {
    if (text === PONG) return;
    const frame = this.o.read(text);
    switch (frame.type) {
      case "snapshot":
        // The server took us in: the next drop starts the backoff from the bottom again.
        this.lastSeq = frame.seq;
        this.attempt = 0;
        this.failuresInRow = 0;
        this.on.view(frame.view, frame.seq, true);
        this.on.status?.("online");
        return;
      case "update": {
        const verdict = acceptsUpdate(this.lastSeq, frame);
        if (verdict === "apply") {
          this.lastSeq = frame.seq;
          this.on.view(frame.view, frame.seq, false);
        } else if (verdict === "gap") {
          this.send({ type: "resync" });
        }
        return;
      }
      case "error":
        this.on.error?.(frame.code, frame.message);
        return;
      case "invalid":
        this.on.invalid?.(frame.why);
        return;
    }
  }

  private ping(gen: number): void {
    const ws = this.ws;
    if (gen !== this.gen || !ws || ws.readyState !== OPEN) return;
    try {
      ws.send(PING);
    } catch {
      /* the close event follows */
    }
    // No answer in time: the connection is dead even if the socket has not noticed yet.
    this.answerTimer ??= setTimeout(() => {
      this.answerTimer = undefined;
      if (gen !== this.gen) return;
      this.on.silent?.();
      this.dropped(gen);
    }, this.o.answerWithinMs);
  }

  /** The connection is gone: say so, and dial again after a growing, jittered delay. */
  private dropped(gen: number): void {
    if (gen !== this.gen || !this.running) return;
    this.abandon("reconnect");
    this.on.status?.("offline");
    const delay = backoffDelay(this.attempt++, this.o.minDelayMs, this.o.maxDelayMs, this.o.random);
    this.on.retrying?.(delay);
    this.retryTimer = setTimeout(() => void this.retry(), delay);
  }

  private async retry(): Promise<void> {
    this.retryTimer = undefined;
    if (!this.running) return;
    const { probe, probeAfter = 3 } = this.o;
    if (probe && this.failuresInRow >= probeAfter) {
      const end = await probe().catch(() => null);
      if (!this.running) return;
      if (end) return this.end(end);
    }
    void this.dial();
  }

  private end(why: LiveEnd): void {
    this.stop();
    this.on.ended?.(why);
  }

  /** Detaches and closes the current socket without waiting for its close handshake. */
  private abandon(reason: string): void {
    this.gen++;
    clearInterval(this.pingTimer);
    clearTimeout(this.answerTimer);
    this.pingTimer = undefined;
    this.answerTimer = undefined;
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= OPEN) {
      try {
        ws.close(1000, reason);
      } catch {
        /* already closing */
      }
    }
  }
}
