// The agent's line to its site object: logs in, opens the live socket (role=agent), keeps it alive
// with a "ping" every keepAlive, notices a silent socket, and dials again with exponential backoff
// and jitter. It hands every validated frame to the agent and sends what the agent asks.
import type { ClientMessage } from "../protocol/live.ts";
import { PING } from "../protocol/live.ts";
import { backoffDelay } from "./backoff.ts";
import type { Logger } from "./log.ts";
import { errorText } from "./log.ts";
import type { Incoming } from "./server-messages.ts";
import { readFrame } from "./server-messages.ts";

export interface ConnectionOptions {
  server: string;
  siteId: string;
  username: string;
  password: string;
  keepAliveMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  log: Logger;
}

export interface ConnectionHandler {
  /** A validated frame from the server. */
  onFrame(frame: Incoming): void;
  /** The socket is open: a snapshot follows. */
  onOpen(): void;
}

export class Connection {
  private ws: WebSocket | null = null;
  private token: string | null = null;
  private attempt = 0;
  private stopped = true;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;

  private readonly opts: ConnectionOptions;
  private readonly handler: ConnectionHandler;

  constructor(opts: ConnectionOptions, handler: ConnectionHandler) {
    this.opts = opts;
    this.handler = handler;
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.dial();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.drop("agent stopping");
  }

  /** Sends a message if the socket is open; false when it is not (the next snapshot brings the job back). */
  send(msg: ClientMessage): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    try {
      ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  private async dial(): Promise<void> {
    if (this.stopped) return;
    const { server, siteId, log } = this.opts;
    try {
      this.token ??= await this.login();
    } catch (e) {
      log.warn(`login to ${server} failed: ${errorText(e)}`);
      this.retry();
      return;
    }
    if (this.stopped) return;
    const url = new URL(`/api/v1/sites/${encodeURIComponent(siteId)}/live`, server);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("role", "agent");
    url.searchParams.set("access_token", this.token);
    let opened = false;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.addEventListener("open", () => {
      if (this.ws !== ws) return;
      opened = true;
      this.lastHeard = Date.now();
      log.info(`connected to ${server} (site ${siteId})`);
      this.startPings(ws);
      this.handler.onOpen();
    });
    ws.addEventListener("message", (ev: MessageEvent) => {
      if (this.ws !== ws) return;
      this.lastHeard = Date.now();
      if (typeof ev.data !== "string") return;
      const frame = readFrame(ev.data);
      // A snapshot means the server took us in: start the backoff from the bottom again.
      if (frame.type === "jobs" && frame.snapshot) this.attempt = 0;
      this.handler.onFrame(frame);
    });
    ws.addEventListener("close", (ev: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stopPings();
      // A socket refused before it opened may mean an expired token: log in again next time.
      if (!opened) this.token = null;
      log.warn(opened ? `connection closed (${ev.code}${ev.reason ? ` ${ev.reason}` : ""})` : `could not open the live socket at ${server}`);
      this.retry();
    });
    ws.addEventListener("error", () => {
      /* a close event follows */
    });
  }

  private async login(): Promise<string> {
    const res = await fetch(new URL("/api/v1/auth/login", this.opts.server), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: this.opts.username, password: this.opts.password }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as { token?: unknown; error?: { code?: string } } | null;
    if (!res.ok || typeof body?.token !== "string") throw new Error(`HTTP ${res.status} ${body?.error?.code ?? ""}`.trim());
    return body.token;
  }

  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = backoffDelay(this.attempt++, this.opts.minDelayMs, this.opts.maxDelayMs);
    this.opts.log.info(`reconnecting in ${(delay / 1000).toFixed(1)} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.dial();
    }, delay);
  }

  private startPings(ws: WebSocket): void {
    this.stopPings();
    const every = this.opts.keepAliveMs;
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > every * 2.5) {
        this.opts.log.warn("no answer to keep-alive pings: dropping the connection");
        this.drop("keep-alive timeout");
        this.retry();
        return;
      }
      try {
        ws.send(PING);
      } catch {
        /* the close event follows */
      }
    }, every);
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  /** Forgets the current socket at once (its late events are ignored) and closes it. */
  private drop(reason: string): void {
    const ws = this.ws;
    this.ws = null;
    this.stopPings();
    if (!ws) return;
    try {
      ws.close(1000, reason);
    } catch {
      /* already closed */
    }
  }
}
