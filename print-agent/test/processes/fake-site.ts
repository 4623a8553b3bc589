// Test support: a stand-in for the site object, speaking the agent's side of protocol/live.ts over
// a real WebSocket (the `ws` package) on a loopback port: login, snapshot on connect, an update
// after every change, "ping" → "pong", acks that remove jobs. Tests can refuse connections, cut
// them, drop the socket when a given ack arrives (before recording it), or refuse the agent's
// protocol version the way the site object does (the socket is let in and closed with a code).
// Local continuity: with a replica set, every agent frame carries it (view.continuity); the replay route
// applies the agent's log by the site object's rules (consecutive seqs, entries at or below replayedThrough
// skipped, 409 REPLAY_OUT_OF_ORDER on a gap) and records every request.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebSocket } from "ws";
import { WebSocketServer } from "ws";
import { localDate } from "../../../objects/queue/time.ts";
import { indexSite } from "../../../objects/site/site-index.ts";
import { SiteConfig } from "../../../protocol/config.ts";
import { type ContinuityReplica, type OfflineEntry, ReplayRequest } from "../../../protocol/continuity.ts";
import { type AgentJob, CLOSE, PROTOCOL_PARAM } from "../../../protocol/live.ts";
import { testSiteConfig } from "../../../test/site-config.ts";

const TOKEN = "agent-token-1";

export class FakeSite {
  /** Jobs not yet acknowledged, oldest first (what the agent's view lists). */
  jobs: AgentJob[] = [];
  /** Every ack recorded, in order (repeats included). */
  readonly acks: string[] = [];
  /** Every "unprinted" report, in order (repeats included): the real site keeps these on record, unacknowledged. */
  readonly unprinted: { jobId: string; reason: string }[] = [];
  readonly printerStates: { kioskId: string; state: string }[] = [];
  /** Every text frame the agent sent. */
  readonly frames: string[] = [];
  connections = 0;
  /** The protocol version each connection sent (null: none), in order. */
  readonly versions: (string | null)[] = [];
  /** While true, every connection is closed at once with VERSION_UNSUPPORTED (a server of another version). */
  refuseVersion = false;
  /** While false, upgrades are refused with 503 (the server is "down"). */
  accepting = true;
  /** When set, an ack for this job id closes the socket instead of being recorded (once). */
  cutOnAck: string | null = null;
  /** While true, acks are recorded but the jobs stay listed (the server lost them, say after a restore). */
  keepAcked = false;
  /** While false, "ping" is not answered (a half-dead connection). */
  answerPings = true;
  /** The replica every agent frame carries (null: none, as before local continuity). */
  replica: ContinuityReplica | null = null;
  /** Every replay request's entries' seqs, in order (repeats included). */
  readonly replays: number[][] = [];
  /** The entries applied, in the order applied. */
  readonly applied: OfflineEntry[] = [];
  /** The addresses the agent announced ("continuity" messages). */
  readonly localUrls: (string | null)[] = [];
  private seq = 0;
  private readonly http: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  private constructor() {
    this.http = createServer((req, res) => this.request(req, res));
    this.http.on("upgrade", (req, socket, head) => {
      // An agent killed while it is refused resets the connection; Node leaves an upgrading socket without a listener.
      socket.on("error", () => socket.destroy());
      const url = new URL(req.url ?? "/", "http://x");
      const ok =
        url.pathname === "/api/v1/sites/demo/live" &&
        url.searchParams.get("role") === "agent" &&
        url.searchParams.get("access_token") === TOKEN;
      if (!this.accepting || !ok) {
        socket.end(`HTTP/1.1 ${ok ? "503 Service Unavailable" : "403 Forbidden"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      this.versions.push(url.searchParams.get(PROTOCOL_PARAM));
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on("error", () => {});
        if (this.refuseVersion) return ws.close(CLOSE.VERSION_UNSUPPORTED, "protocol 1 unsupported (server speaks 2): reload or update");
        this.serve(ws);
      });
    });
  }

  static async start(): Promise<FakeSite> {
    const site = new FakeSite();
    await new Promise<void>((resolve) => site.http.listen(0, "127.0.0.1", resolve));
    return site;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  get open(): number {
    return this.sockets.size;
  }

  /** A replica of the test site ("demo", open around the clock) with blocks of 500..999 for today. */
  static replica(localSecret: string): ContinuityReplica {
    const config = SiteConfig.parse(testSiteConfig("demo"));
    const day = localDate(Date.now(), config.timeZone);
    return {
      siteId: "demo",
      config,
      day,
      publicUrl: "http://127.0.0.1:8787",
      tickets: [],
      desks: config.desks.map((d) => ({ id: d.id, status: "open" as const, ticketId: null })),
      recentCalls: [],
      durations: {},
      walkInsTaken: {},
      blocks: [...indexSite(config).matters.keys()].map((matterId) => ({ day, matterId, first: 500, last: 999 })),
      localSecret,
      replayedThrough: 0,
    };
  }

  /** Sets the replica the frames carry, and sends it. */
  setReplica(replica: ContinuityReplica): void {
    this.replica = replica;
    this.broadcast();
  }

  addJobs(...jobs: AgentJob[]): void {
    this.jobs.push(...jobs);
    this.broadcast();
  }

  /** Cuts every connection at once, without a closing handshake. */
  cut(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async close(): Promise<void> {
    this.cut();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private request(req: IncomingMessage, res: ServerResponse): void {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      if (req.url === "/api/v1/sites/demo/continuity/replay" && req.method === "POST") return this.replay(req, res, body);
      const creds =
        req.url === "/api/v1/auth/login" && req.method === "POST" ? (JSON.parse(body || "{}") as Record<string, unknown>) : null;
      if (creds?.username === "agent-demo" && creds.password === "demo") {
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ token: TOKEN, role: "agent", siteIds: ["demo"], expiresAt: "2099-01-01T00:00:00Z" }));
      } else {
        res
          .writeHead(401, { "Content-Type": "application/json" })
          .end(JSON.stringify({ error: { code: "BAD_CREDENTIALS", message: "no" } }));
      }
    });
  }

  /** The site object's replay rules, applied to the replica. */
  private replay(req: IncomingMessage, res: ServerResponse, body: string): void {
    const send = (status: number, json: unknown): void => {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: { code: "TOKEN_INVALID", message: "no" } });
    const replica = this.replica;
    if (!replica) return send(503, { error: { code: "NOT_CONFIGURED", message: "no replica" } });
    let parsed: ReturnType<typeof ReplayRequest.safeParse>;
    try {
      parsed = ReplayRequest.safeParse(JSON.parse(body));
    } catch {
      return send(400, { error: { code: "INVALID_JSON", message: "no" } });
    }
    if (!parsed.success) return send(400, { error: { code: "VALIDATION_FAILED", message: parsed.error.issues[0]?.message ?? "" } });
    const entries = parsed.data.entries;
    this.replays.push(entries.map((e) => e.seq));
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.seq !== entries[i - 1]!.seq + 1)
        return send(400, { error: { code: "VALIDATION_FAILED", message: "not consecutive" } });
    }
    const fresh = entries.filter((e) => e.seq > replica.replayedThrough);
    if (fresh.length && fresh[0]!.seq !== replica.replayedThrough + 1) {
      return send(409, { error: { code: "REPLAY_OUT_OF_ORDER", message: "gap" } });
    }
    const tickets = new Map(replica.tickets.map((t) => [t.id, t]));
    const desks = new Map(replica.desks.map((d) => [d.id, d]));
    for (const e of fresh) {
      this.applied.push(e);
      if (e.type === "issue") {
        const { token: _secret, ...row } = e.ticket;
        tickets.set(row.id, row);
      } else {
        for (const t of e.tickets) tickets.set(t.id, t);
        for (const d of e.desks) desks.set(d.id, d);
      }
    }
    const through = fresh.at(-1)?.seq ?? replica.replayedThrough;
    const active = [...tickets.values()].filter((t) => ["waiting", "called", "serving", "missed"].includes(t.status));
    this.replica = { ...replica, tickets: active, desks: [...desks.values()], replayedThrough: through };
    send(200, { replayedThrough: through, applied: fresh.length, conflicts: [] });
    if (fresh.length) this.broadcast();
  }

  private serve(ws: WebSocket): void {
    this.connections++;
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: "snapshot", protocol: 1, seq: this.seq, role: "agent", view: this.view() }));
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      this.frames.push(text);
      if (text === "ping") {
        if (this.answerPings) ws.send("pong");
        return;
      }
      const msg = JSON.parse(text) as {
        type: string;
        jobId?: string;
        kioskId?: string;
        state?: string;
        reason?: string;
        localUrl?: string | null;
      };
      if (msg.type === "continuity") this.localUrls.push(msg.localUrl ?? null);
      if (msg.type === "ack" && msg.jobId) {
        if (this.cutOnAck === msg.jobId) {
          this.cutOnAck = null;
          ws.terminate();
          return;
        }
        this.acks.push(msg.jobId);
        if (this.keepAcked) return;
        const before = this.jobs.length;
        this.jobs = this.jobs.filter((j) => j.id !== msg.jobId);
        if (this.jobs.length !== before) this.broadcast();
      } else if (msg.type === "unprinted" && msg.jobId && msg.reason) {
        this.unprinted.push({ jobId: msg.jobId, reason: msg.reason });
        if (this.keepAcked) return;
        this.jobs = this.jobs.filter((j) => j.id !== msg.jobId);
        this.broadcast();
      } else if (msg.type === "printer-state" && msg.kioskId && msg.state) {
        this.printerStates.push({ kioskId: msg.kioskId, state: msg.state });
      }
    });
  }

  private broadcast(): void {
    const prev = this.seq;
    this.seq++;
    const frame = JSON.stringify({ type: "update", seq: this.seq, prev, role: "agent", view: this.view() });
    for (const ws of this.sockets) ws.send(frame);
  }

  private view(): { jobs: AgentJob[]; continuity?: ContinuityReplica } {
    return this.replica ? { jobs: this.jobs, continuity: this.replica } : { jobs: this.jobs };
  }
}
