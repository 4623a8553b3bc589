// The agent's server on the office LAN, at the same paths as the cloud API, so that a kiosk, a hall screen or a
// clerk console that lost the cloud only swaps the origin and the token: the health check, the site list,
// walk-in tickets, the nine desk commands and the live socket. Everything else needs the cloud and answers
// 503 OFFLINE_NOT_AVAILABLE. Every input is checked with the protocol's schemas; tokens are the site's local
// tokens (protocol/continuity-token.ts) checked with the replica's secret.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { publicSite } from "../../objects/registry/public-site.ts";
import {
  CallTicketRequest,
  type DeskCommand,
  EmptyRequest,
  IssueTicketRequest,
  LiveQuery,
  PauseRequest,
  TransferRequest,
} from "../../protocol/api.ts";
import type { LocalHealth, LocalRole, LocalTokenClaims } from "../../protocol/continuity.ts";
import { verifyLocalToken } from "../../protocol/continuity-token.ts";
import { ERRORS, type ErrorCode } from "../../protocol/errors.ts";
import { CLOSE, protocolSupported } from "../../protocol/live.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";
import { CORS_HEADERS, idempotencyOf, LocalError, parseBody, parseQuery, readBody, sendError, sendJson } from "./local-http.ts";
import { LocalLive, type LocalRoleView, type LocalSpec } from "./local-live.ts";
import type { LocalSite } from "./local-site.ts";

/** The most connections the server holds at once (sockets of screens and consoles included). */
export const MAX_CONNECTIONS = 256;
/**
 * The most connections one address holds at once: a device of the office's network that opens connections and
 * lets them idle cannot take every one of MAX_CONNECTIONS from the kiosks (a browser holds about ten per host).
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 64;

/** An answer to a command: its status and JSON body (a refusal is the API's error body). */
export interface Answer {
  status: number;
  body: unknown;
}

export type Idem = { key: string; fingerprint: string } | null;

/** What the server asks of the agent's continuity: the state, and the commands that write the log. */
export interface LocalBackend {
  health(): LocalHealth;
  site(): LocalSite | null;
  issue(claims: LocalTokenClaims, body: IssueTicketRequest, idem: Idem): Answer;
  desk(claims: LocalTokenClaims, deskId: string, command: DeskCommand, idem: Idem): Answer;
  view(spec: LocalSpec): LocalRoleView | null;
}

const TICKET_TAKERS: readonly LocalRole[] = ["kiosk", "clerk", "manager"];
const CLERKS: readonly LocalRole[] = ["clerk", "manager"];

const TICKETS = /^\/api\/v1\/sites\/([^/]{1,80})\/tickets$/;
const DESK = /^\/api\/v1\/sites\/([^/]{1,80})\/desks\/([^/]{1,80})\/([a-z-]{1,20})$/;
const LIVE = /^\/api\/v1\/sites\/([^/]{1,80})\/live$/;
const DESK_ID = /^[a-z0-9-]{1,40}$/;

export interface LocalServerOptions {
  host: string;
  port: number;
  tls?: { cert: string; key: string } | undefined;
  backend: LocalBackend;
  log: Logger;
  now?: () => number;
}

export class LocalServer {
  readonly live: LocalLive;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly o: LocalServerOptions;
  private readonly now: () => number;

  constructor(o: LocalServerOptions) {
    this.o = o;
    this.now = o.now ?? Date.now;
    this.live = new LocalLive((spec) => o.backend.view(spec));
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      this.request(req, res).catch((e: unknown) => this.failed(res, e));
    };
    this.server = o.tls ? createTlsServer({ cert: o.tls.cert, key: o.tls.key }, handler) : createServer(handler);
    this.server.maxConnections = MAX_CONNECTIONS;
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 15_000;
    this.server.on("upgrade", (req, socket, head) => {
      // Node hands an upgrading socket over without its own error listener: a device that resets the connection
      // while its token is checked, or while it is refused, would otherwise end the agent with ECONNRESET.
      socket.on("error", () => socket.destroy());
      this.upgrade(req, socket, head).catch((e: unknown) => {
        o.log.warn(`local socket refused: ${errorText(e)}`);
        refuseUpgrade(socket, "INTERNAL");
      });
    });
    this.server.on("clientError", (_e, socket: Socket) => socket.destroy());
    const perAddress = new Map<string, number>();
    this.server.on("connection", (socket: Socket) => {
      const address = socket.remoteAddress ?? "";
      const held = (perAddress.get(address) ?? 0) + 1;
      if (held > MAX_CONNECTIONS_PER_ADDRESS) {
        socket.destroy();
        return;
      }
      perAddress.set(address, held);
      socket.once("close", () => {
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
    });
  }

  /** Listens; answers the address it listens on. */
  start(): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.o.port, this.o.host, () => {
        this.server.off("error", reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  async stop(): Promise<void> {
    this.live.closeAll();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private failed(res: ServerResponse, e: unknown): void {
    if (res.headersSent) return;
    if (e instanceof LocalError) return sendError(res, e.code, e.message);
    this.o.log.error(`local API: ${errorText(e)}`);
    sendError(res, "INTERNAL");
  }

  private async request(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname;
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const { backend } = this.o;
    if (req.method === "GET" && path === "/continuity/v1/health") return sendJson(res, 200, backend.health());
    const site = backend.site();
    if (!site && path.startsWith("/api/")) return sendError(res, "OFFLINE_NOT_READY");
    if (!site) return sendError(res, "NOT_FOUND");
    if (req.method === "GET" && path === "/api/v1/sites") return sendJson(res, 200, { sites: [publicSite(site.index.config)] });

    const ticket = TICKETS.exec(path);
    if (req.method === "POST" && ticket) {
      const claims = await this.authorise(site, req.headers.authorization, ticket[1] ?? "", TICKET_TAKERS);
      const body = parseBody(req, await readBody(req), IssueTicketRequest);
      const idem = idempotencyOf(req, path, claims.sub, body);
      return answer(res, backend.issue(claims, body, idem));
    }
    const desk = DESK.exec(path);
    if (req.method === "POST" && desk) {
      const [, siteId = "", deskId = "", action = ""] = desk;
      const claims = await this.authorise(site, req.headers.authorization, siteId, CLERKS);
      if (!DESK_ID.test(deskId)) throw new LocalError("UNKNOWN_DESK");
      assertDesk(claims, deskId);
      const command = deskCommandOf(action, req, await readBody(req));
      if (!command) return sendError(res, "OFFLINE_NOT_AVAILABLE");
      const idem = idempotencyOf(req, path, claims.sub, command);
      return answer(res, backend.desk(claims, deskId, command, idem));
    }
    return sendError(res, "OFFLINE_NOT_AVAILABLE");
  }

  /** The caller's local token, checked: its signature, its site, its time, its role. */
  private async authorise(
    site: LocalSite,
    header: string | undefined,
    siteId: string,
    roles: readonly LocalRole[],
  ): Promise<LocalTokenClaims> {
    if (siteId !== site.replica.siteId) throw new LocalError("UNKNOWN_SITE");
    const m = /^Bearer (\S{1,2000})$/.exec(header ?? "");
    if (!header) throw new LocalError("UNAUTHENTICATED");
    if (!m?.[1]) throw new LocalError("TOKEN_INVALID");
    return this.check(site, m[1], roles);
  }

  private async check(site: LocalSite, token: string, roles: readonly LocalRole[]): Promise<LocalTokenClaims> {
    const claims = await verifyLocalToken(site.replica.localSecret, token, site.replica.siteId, this.now());
    if (!claims) throw new LocalError("TOKEN_INVALID");
    if (!roles.includes(claims.role)) throw new LocalError("FORBIDDEN");
    return claims;
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://local");
    const live = LIVE.exec(url.pathname);
    const site = this.o.backend.site();
    if (!live) return refuseUpgrade(socket, "OFFLINE_NOT_AVAILABLE");
    if (!site) return refuseUpgrade(socket, "OFFLINE_NOT_READY");
    let spec: LocalSpec;
    try {
      if ((live[1] ?? "") !== site.replica.siteId) throw new LocalError("UNKNOWN_SITE");
      const q = parseQuery(url.searchParams, LiveQuery);
      const bearer = /^Bearer (\S{1,2000})$/.exec(req.headers.authorization ?? "")?.[1];
      const token = q.access_token ?? bearer;
      if (!token) throw new LocalError("UNAUTHENTICATED");
      const [kind, deskId = ""] = q.role.split(":");
      switch (kind) {
        case "display":
          await this.check(site, token, ["display", "kiosk", "clerk", "manager"]);
          spec = { role: "display" };
          break;
        case "desk":
          await this.check(site, token, ["display", "clerk", "manager"]);
          spec = { role: "desk", deskId };
          break;
        case "clerk":
          assertDesk(await this.check(site, token, CLERKS), deskId);
          spec = { role: "clerk", deskId };
          break;
        default:
          // The agent's own view lives in the cloud only.
          throw new LocalError("FORBIDDEN");
      }
      if (this.live.full) throw new LocalError("RATE_LIMITED", "Too many local sockets are open.");
      const versionOk = protocolSupported(q.protocol ?? null);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        // ws emits a device's bad frame as an error of the socket: without a listener it would end the agent,
        // also while a socket of an old protocol is being closed.
        ws.on("error", () => {});
        if (!versionOk) return ws.close(CLOSE.VERSION_UNSUPPORTED, "protocol unsupported: reload or update");
        this.live.attach(ws, spec);
      });
    } catch (e) {
      if (e instanceof LocalError) return refuseUpgrade(socket, e.code, e.message);
      throw e;
    }
  }
}

/** A clerk operates only the desks their token names (as the cloud's assertDesk); a manager every desk. */
function assertDesk(claims: LocalTokenClaims, deskId: string): void {
  if (claims.role === "clerk" && claims.desks && !claims.desks.includes(deskId)) throw new LocalError("DESK_FORBIDDEN");
}

function answer(res: ServerResponse, a: Answer): void {
  sendJson(res, a.status, a.body);
}

/** The desk command of a desk route's action and body (null: no such action here). */
function deskCommandOf(action: string, req: IncomingMessage, text: string): DeskCommand | null {
  switch (action) {
    case "call-next":
    case "recall":
    case "no-show":
    case "start":
    case "finish":
    case "resume":
      parseBody(req, text, EmptyRequest);
      return { action };
    case "pause":
      return { action: "pause", reason: parseBody(req, text, PauseRequest).reason };
    case "call":
      return { action: "call", ...parseBody(req, text, CallTicketRequest) };
    case "transfer":
      return { action: "transfer", ...parseBody(req, text, TransferRequest) };
    default:
      return null;
  }
}

/** Answers a refused upgrade with the API's error body and closes the connection. */
function refuseUpgrade(socket: Duplex, code: ErrorCode, message?: string): void {
  const [status] = ERRORS[code];
  const body = JSON.stringify({ error: { code, message: message ?? ERRORS[code][1] } });
  const cors = Object.entries(CORS_HEADERS)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : "Refused"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${cors}Connection: close\r\n\r\n${body}`,
  );
}
