// Test support: a stand-in for the site object, speaking the agent's side of protocol/live.ts over
// a real WebSocket (the `ws` package) on a loopback port: login, snapshot on connect, an update
// after every change, "ping" → "pong", acks that remove jobs. Tests can refuse connections, cut
// them, drop the socket when a given ack arrives (before recording it), or refuse the agent's
// protocol version the way the site object does (the socket is let in and closed with a code).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebSocket } from "ws";
import { WebSocketServer } from "ws";
import { type AgentJob, CLOSE, PROTOCOL_PARAM } from "../../../protocol/live.ts";

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
  private seq = 0;
  private readonly http: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

  private constructor() {
    this.http = createServer((req, res) => this.request(req, res));
    this.http.on("upgrade", (req, socket, head) => {
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

  private serve(ws: WebSocket): void {
    this.connections++;
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("error", () => {});
    ws.send(JSON.stringify({ type: "snapshot", protocol: 1, seq: this.seq, role: "agent", view: { jobs: this.jobs } }));
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      this.frames.push(text);
      if (text === "ping") {
        if (this.answerPings) ws.send("pong");
        return;
      }
      const msg = JSON.parse(text) as { type: string; jobId?: string; kioskId?: string; state?: string; reason?: string };
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
    const frame = JSON.stringify({ type: "update", seq: this.seq, prev, role: "agent", view: { jobs: this.jobs } });
    for (const ws of this.sockets) ws.send(frame);
  }
}
