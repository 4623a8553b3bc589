// The agent's line to its site object: signs in, opens the live socket (role=agent) through the
// shared reconnecting socket (protocol/live-socket.ts: keep-alive pings, the seq rule, backoff with
// jitter), reads every frame against the protocol's schemas and hands the jobs to the agent.
// Nothing ends the line for good: a server that refuses this agent's protocol version is logged
// loudly and asked again with backoff (the agent may be updated, or the server rolled back).
import { ContinuityReplica } from "../protocol/continuity.ts";
import type { ErrorCode } from "../protocol/errors.ts";
import { AgentFrameEnvelope, AgentJob, CLOSE, type ClientMessage, PROTOCOL_VERSION } from "../protocol/live.ts";
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

/** What the agent reads of a frame: the jobs, and the site's replica when the frame carries one (null: keep the last). */
export interface AgentFrameView {
  jobs: AgentJob[];
  continuity: ContinuityReplica | null;
}

export interface ConnectionHandler {
  /** The jobs the server lists now (every frame carries all of them), oldest first. */
  onJobs(jobs: AgentJob[]): void;
  /** The site's replica (local continuity), in a frame that carries one. */
  onReplica?(replica: ContinuityReplica): void;
  /** The socket is open: a snapshot follows. */
  onOpen(): void;
  /** The socket closed. */
  onClose?(): void;
  /** The server refused a message of ours. */
  onError(code: ErrorCode, message: string): void;
}

/**
 * Reads a frame for the agent: the envelope must match the protocol; each job is checked alone and
 * one this agent cannot read (a newer kind) is counted, not allowed to hide the others.
 */
export function readAgentFrame(
  text: string,
  unreadable: (count: number) => void,
  unreadableReplica: (why: string) => void = () => {},
): LiveFrame<AgentFrameView> {
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
  // The replica is read here on its own: a frame without one (or with one this agent cannot read) leaves the last in place.
  const raw = replicaOf(json);
  let continuity: ContinuityReplica | null = null;
  if (raw !== undefined) {
    const r = ContinuityReplica.safeParse(raw);
    if (r.success) continuity = r.data;
    else unreadableReplica(r.error.issues[0]?.message ?? "unknown shape");
  }
  const view = { jobs, continuity };
  return m.type === "snapshot" ? { type: "snapshot", seq: m.seq, view } : { type: "update", seq: m.seq, prev: m.prev, view };
}

function replicaOf(json: unknown): unknown {
  if (typeof json !== "object" || json === null || !("view" in json)) return undefined;
  const view = json.view;
  return typeof view === "object" && view !== null && "continuity" in view ? view.continuity : undefined;
}

export class Connection {
  private token: string | null = null;
  /** The last dial failed before the socket opened: the token is checked before the next one. */
  private refusedBefore = false;
  private readonly opts: ConnectionOptions;
  private readonly socket: LiveSocket<AgentFrameView>;

  constructor(opts: ConnectionOptions, handler: ConnectionHandler) {
    this.opts = opts;
    const { server, siteId, log } = opts;
    this.socket = new LiveSocket<AgentFrameView>(
      {
        url: () => this.socketUrl(),
        open: (url) => new WebSocket(url),
        read: (text) =>
          readAgentFrame(
            text,
            (n) => log.warn(`${n} job(s) from the server not understood by this agent version; left for a newer one`),
            (why) => log.warn(`the site's replica is not understood by this agent version (${why}); the last one is kept`),
          ),
        pingEveryMs: opts.keepAliveMs,
        // A socket silent for 2.5 keep-alive intervals is dropped (the ping itself comes one interval after the last word).
        answerWithinMs: opts.keepAliveMs * 1.5,
        minDelayMs: opts.minDelayMs,
        maxDelayMs: opts.maxDelayMs,
        endOf: () => null,
      },
      {
        view: (view) => {
          if (view.continuity) handler.onReplica?.(view.continuity);
          handler.onJobs(view.jobs);
        },
        opened: () => {
          log.info(`connected to ${server} (site ${siteId})`);
          handler.onOpen();
        },
        error: (code, message) => handler.onError(code, message),
        invalid: (why) => log.warn(`ignored a frame from the server: ${why}`),
        closed: (code, reason, opened) => {
          // A socket refused before it opened may mean an expired or revoked token: it is checked before the next dial.
          if (!opened) this.refusedBefore = true;
          if (opened) handler.onClose?.();
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

  /** Tells the site where this agent serves the hall (sent on every open). */
  announceContinuity(localUrl: string | null): boolean {
    return this.socket.send({ type: "continuity", localUrl });
  }

  /** The bearer token the socket opened with (signed in or paired for when there is none yet). */
  async bearer(): Promise<string> {
    this.token ??= await this.opts.credentials.token();
    return this.token;
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
