// The agent's line to its site object: signs in, opens the live socket (role=agent) through the
// shared reconnecting socket (protocol/live-socket.ts: keep-alive pings, the seq rule, backoff with
// jitter), reads every frame against the protocol's schemas and hands the jobs to the agent.
// Nothing ends the line for good: a server that refuses this agent's protocol version is logged
// loudly and asked again with backoff (the agent may be updated, or the server rolled back).
import type { ErrorCode } from "../protocol/errors.ts";
import { AgentFrameEnvelope, AgentJob, type AgentView, CLOSE, type ClientMessage, PROTOCOL_VERSION } from "../protocol/live.ts";
import { type LiveFrame, LiveSocket } from "../protocol/live-socket.ts";
import type { Credentials } from "./credentials.ts";
import type { Logger } from "./log.ts";
import { errorText } from "./log.ts";

export interface ConnectionOptions {
  server: string;
  siteId: string;
  credentials: Credentials;
  keepAliveMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  log: Logger;
}

export interface ConnectionHandler {
  /** The jobs the server lists now (every frame carries all of them), oldest first. */
  onJobs(jobs: AgentJob[]): void;
  /** The socket is open: a snapshot follows. */
  onOpen(): void;
  /** The server refused a message of ours. */
  onError(code: ErrorCode, message: string): void;
}

/**
 * Reads a frame for the agent: the envelope must match the protocol; each job is checked alone and
 * one this agent cannot read (a newer kind) is counted, not allowed to hide the others.
 */
export function readAgentFrame(text: string, unreadable: (count: number) => void): LiveFrame<AgentView> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: "invalid", why: "not JSON" };
  }
  const f = AgentFrameEnvelope.safeParse(json);
  if (!f.success) return { type: "invalid", why: f.error.issues[0]?.message ?? "unknown frame" };
  const m = f.data;
  if (m.type === "error") return m;
  const jobs: AgentJob[] = [];
  for (const j of m.view.jobs) {
    const job = AgentJob.safeParse(j);
    if (job.success) jobs.push(job.data);
  }
  if (jobs.length < m.view.jobs.length) unreadable(m.view.jobs.length - jobs.length);
  const view = { jobs };
  return m.type === "snapshot" ? { type: "snapshot", seq: m.seq, view } : { type: "update", seq: m.seq, prev: m.prev, view };
}

export class Connection {
  private token: string | null = null;
  /** The last dial failed before the socket opened: the token is checked before the next one. */
  private refusedBefore = false;
  private readonly opts: ConnectionOptions;
  private readonly socket: LiveSocket<AgentView>;

  constructor(opts: ConnectionOptions, handler: ConnectionHandler) {
    this.opts = opts;
    const { server, siteId, log } = opts;
    this.socket = new LiveSocket<AgentView>(
      {
        url: () => this.socketUrl(),
        open: (url) => new WebSocket(url),
        read: (text) =>
          readAgentFrame(text, (n) => log.warn(`${n} job(s) from the server not understood by this agent version; left for a newer one`)),
        pingEveryMs: opts.keepAliveMs,
        // A socket silent for 2.5 keep-alive intervals is dropped (the ping itself comes one interval after the last word).
        answerWithinMs: opts.keepAliveMs * 1.5,
        minDelayMs: opts.minDelayMs,
        maxDelayMs: opts.maxDelayMs,
        endOf: () => null,
      },
      {
        view: (view) => handler.onJobs(view.jobs),
        opened: () => {
          log.info(`connected to ${server} (site ${siteId})`);
          handler.onOpen();
        },
        error: (code, message) => handler.onError(code, message),
        invalid: (why) => log.warn(`ignored a frame from the server: ${why}`),
        closed: (code, reason, opened) => {
          // A socket refused before it opened may mean an expired or revoked token: it is checked before the next dial.
          if (!opened) this.refusedBefore = true;
          if (code === CLOSE.ACCESS_REVOKED) {
            this.token = null;
            opts.credentials.forget();
          }
          if (code === CLOSE.VERSION_UNSUPPORTED) {
            log.error(
              `the server does not speak this agent's protocol version ${PROTOCOL_VERSION} (${code}${reason ? ` ${reason}` : ""}): update the print agent; trying again`,
            );
          } else {
            log.warn(opened ? `connection closed (${code}${reason ? ` ${reason}` : ""})` : `could not open the live socket at ${server}`);
          }
        },
        silent: () => log.warn("no answer to keep-alive pings: dropping the connection"),
        dialFailed: (e) => log.warn(`login to ${server} failed: ${errorText(e)}`),
        retrying: (delay) => log.info(`reconnecting in ${(delay / 1000).toFixed(1)} s`),
      },
    );
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  /** Sends a message if the socket is open; false when it is not (the next snapshot brings the job back). */
  send(msg: ClientMessage): boolean {
    return this.socket.send(msg);
  }

  private async socketUrl(): Promise<string> {
    if (this.token && this.refusedBefore) {
      this.refusedBefore = false;
      if (!this.opts.credentials.paired) this.token = null;
      else if (await this.opts.credentials.refused(this.token)) {
        this.token = null;
        this.opts.credentials.forget();
      }
    }
    this.token ??= await this.opts.credentials.token();
    const url = new URL(`/api/v1/sites/${encodeURIComponent(this.opts.siteId)}/live`, this.opts.server);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("role", "agent");
    url.searchParams.set("access_token", this.token);
    return url.toString();
  }
}
