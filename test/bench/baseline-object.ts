// The floor numerek is measured against: a Durable Object that does the least a queue must do
// per ticket, ONE SQLite insert and ONE broadcast of a small JSON message to every socket.
//   GET  /bench/baseline/live?role=display|eticket  hibernating WebSocket
//   POST /bench/baseline/ticket {matterId}           201 {id}
import { DurableObject } from "cloudflare:workers";

export class BenchBaseline extends DurableObject<unknown> {
  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, matter_id TEXT NOT NULL, taken_at INTEGER NOT NULL)",
    );
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/bench/baseline/live") {
      if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("upgrade required", { status: 426 });
      const role = url.searchParams.get("role") === "display" ? "display" : "eticket";
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1], [role]);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    if (url.pathname === "/bench/baseline/ticket" && request.method === "POST") {
      const { matterId } = (await request.json()) as { matterId?: unknown };
      const row = this.ctx.storage.sql
        .exec<{ id: number }>("INSERT INTO tickets (matter_id, taken_at) VALUES (?, ?) RETURNING id", String(matterId ?? ""), Date.now())
        .one();
      const frame = JSON.stringify({ type: "update", seq: row.id, ticketId: row.id });
      for (const ws of this.ctx.getWebSockets()) {
        try {
          ws.send(frame);
        } catch {
          /* closing socket: dropped */
        }
      }
      return Response.json({ id: row.id }, { status: 201 });
    }
    return new Response("not found", { status: 404 });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      /* already closed */
    }
  }
}
