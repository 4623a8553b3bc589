// The local live sockets: the same frames as the site object's (protocol/live.ts): a snapshot on connect
// and on "resync", an update with seq and prev after every change, "ping" answered with "pong". Sockets
// are bounded; a desk that does not exist closes its socket with DESK_GONE.
import type { WebSocket } from "ws";
import type { ClerkView, DeskScreenView, DisplayView } from "../../protocol/live.ts";
import { CLOSE, PING, PONG, PROTOCOL_VERSION } from "../../protocol/live.ts";

/** The most local sockets at once (a hall's screens and consoles are a few dozen). */
export const MAX_SOCKETS = 200;
/** A socket that has not taken this much of its frames yet is dropped (a screen reconnects and gets a snapshot). */
export const MAX_UNSENT_BYTES = 1024 * 1024;
/** The longest message a local socket takes ("ping", a resync). */
const MAX_MESSAGE = 256;

export type LocalSpec = { role: "display" } | { role: "desk"; deskId: string } | { role: "clerk"; deskId: string };
export type LocalRoleView =
  | { role: "display"; view: DisplayView }
  | { role: "desk"; view: DeskScreenView }
  | { role: "clerk"; view: ClerkView };

interface Client {
  spec: LocalSpec;
  /** The seq of the last frame this socket got. */
  last: number;
}

export class LocalLive {
  private readonly clients = new Map<WebSocket, Client>();
  private seq: number;
  private readonly view: (spec: LocalSpec) => LocalRoleView | null;

  constructor(view: (spec: LocalSpec) => LocalRoleView | null) {
    this.view = view;
    // Seqs start from the clock so that a restarted agent never goes back below what a screen saw.
    this.seq = Date.now();
  }

  get full(): boolean {
    return this.clients.size >= MAX_SOCKETS;
  }

  get count(): number {
    return this.clients.size;
  }

  attach(ws: WebSocket, spec: LocalSpec): void {
    ws.on("error", () => {});
    const client: Client = { spec, last: this.seq };
    this.clients.set(ws, client);
    ws.on("close", () => this.clients.delete(ws));
    ws.on("message", (data, isBinary) => {
      const text = isBinary ? "" : data.toString();
      if (text === PING) return ws.send(PONG);
      if (text.length <= MAX_MESSAGE && isResync(text)) return this.snapshot(ws, client);
      ws.send(
        JSON.stringify({ type: "error", code: "VALIDATION_FAILED", message: 'The local socket takes "ping" and {"type":"resync"}.' }),
      );
    });
    this.snapshot(ws, client);
  }

  /** Every socket gets its view after a change. */
  changed(): void {
    this.seq++;
    for (const [ws, client] of this.clients) {
      const v = this.view(client.spec);
      if (!v) {
        ws.close(CLOSE.DESK_GONE, "no such desk");
        continue;
      }
      // A socket that does not read its frames is not let fill the agent's memory.
      if (ws.bufferedAmount > MAX_UNSENT_BYTES) {
        ws.terminate();
        this.clients.delete(ws);
        continue;
      }
      ws.send(JSON.stringify({ type: "update", seq: this.seq, prev: client.last, ...v }));
      client.last = this.seq;
    }
  }

  closeAll(): void {
    for (const ws of this.clients.keys()) ws.terminate();
    this.clients.clear();
  }

  private snapshot(ws: WebSocket, client: Client): void {
    const v = this.view(client.spec);
    if (!v) {
      ws.close(CLOSE.DESK_GONE, "no such desk");
      return;
    }
    ws.send(JSON.stringify({ type: "snapshot", protocol: PROTOCOL_VERSION, seq: this.seq, ...v }));
    client.last = this.seq;
  }
}

function isResync(text: string): boolean {
  try {
    const m: unknown = JSON.parse(text);
    return typeof m === "object" && m !== null && "type" in m && m.type === "resync";
  } catch {
    return false;
  }
}
