// The floor numerek is measured against: a Durable Object that does the least each operation of a
// queue needs, screens first.
//   walk-in: ONE SQLite insert and ONE small frame to each hall screen (nobody else's view changes);
//   call:    ONE SQLite insert, ONE frame to each hall screen, then ONE frame to each phone whose
//            position changed: the called ticket and every ticket still waiting in that line.
//   GET  /bench/baseline/live?role=display                 hibernating WebSocket (a hall screen)
//   GET  /bench/baseline/live?role=eticket&ticket={id}     hibernating WebSocket (a phone)
//   POST /bench/baseline/ticket {matterId}                 201 {id}
//   POST /bench/baseline/call {matterId}                   200 {id} (the called ticket), 409 if the line is empty
//   booking hold: ONE SQLite insert of the hold with its code, refused when the slot is held (its unique key):
//   POST /bench/baseline/hold {slot, phone}                202 {id}, 409 if the slot is held (npm run bench:booking)
//   POST /bench/baseline/abort                             ctx.abort(): a fresh instance loads from SQLite (npm run bench:wake)
import { DurableObject } from "cloudflare:workers";

const DISPLAY = "display";
const phoneTag = (ticketId: number) => `t:${ticketId}`;

/** Instances started in this isolate (module state outlives each instance): the wake-up bench reads it. */
export let baselineStarts = 0;

export class BenchBaseline extends DurableObject<unknown> {
  /** Waiting ticket ids per line (matter), oldest first; rebuilt from SQLite when the object starts. */
  private readonly waiting = new Map<string, number[]>();

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    baselineStarts++;
    const sql = ctx.storage.sql;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, matter_id TEXT NOT NULL, taken_at INTEGER NOT NULL)",
    );
    sql.exec("CREATE TABLE IF NOT EXISTS calls (ticket_id INTEGER PRIMARY KEY, called_at INTEGER NOT NULL)");
    sql.exec(
      "CREATE TABLE IF NOT EXISTS holds (id INTEGER PRIMARY KEY AUTOINCREMENT, slot TEXT NOT NULL UNIQUE, phone TEXT NOT NULL, code TEXT NOT NULL, at INTEGER NOT NULL)",
    );
    const rows = sql.exec<{ id: number; matter_id: string }>(
      "SELECT id, matter_id FROM tickets WHERE id NOT IN (SELECT ticket_id FROM calls) ORDER BY id",
    );
    for (const r of rows) this.line(r.matter_id).push(r.id);
  }

  private line(matterId: string): number[] {
    let q = this.waiting.get(matterId);
    if (!q) this.waiting.set(matterId, (q = []));
    return q;
  }

  private send(sockets: WebSocket[], frame: string): void {
    for (const ws of sockets) {
      try {
        ws.send(frame);
      } catch {
        /* closing socket: dropped */
      }
    }
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/bench/baseline/live") {
      if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("upgrade required", { status: 426 });
      const ticket = Number(url.searchParams.get("ticket"));
      const tags = url.searchParams.get("role") === DISPLAY ? [DISPLAY] : [phoneTag(ticket)];
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1], tags);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    if (request.method !== "POST") return new Response("not found", { status: 404 });
    // The wake-up floor (npm run bench:wake): the instance is thrown away, its storage kept.
    if (url.pathname === "/bench/baseline/abort") this.ctx.abort("bench: evicted");
    if (url.pathname === "/bench/baseline/hold") {
      const { slot, phone } = (await request.json()) as { slot?: unknown; phone?: unknown };
      const code = String(100_000 + Math.floor(Math.random() * 900_000));
      const row = this.ctx.storage.sql
        .exec<{ id: number }>(
          "INSERT INTO holds (slot, phone, code, at) VALUES (?, ?, ?, ?) ON CONFLICT (slot) DO NOTHING RETURNING id",
          String(slot),
          String(phone),
          code,
          Date.now(),
        )
        .toArray()[0];
      return row ? Response.json({ id: row.id }, { status: 202 }) : Response.json({ error: "SLOT_UNAVAILABLE" }, { status: 409 });
    }
    const { matterId } = (await request.json()) as { matterId?: unknown };
    const line = String(matterId ?? "");
    const now = Date.now();
    if (url.pathname === "/bench/baseline/ticket") {
      const row = this.ctx.storage.sql
        .exec<{ id: number }>("INSERT INTO tickets (matter_id, taken_at) VALUES (?, ?) RETURNING id", line, now)
        .one();
      const q = this.line(line);
      q.push(row.id);
      this.send(this.ctx.getWebSockets(DISPLAY), JSON.stringify({ type: "ticket", seq: row.id, matterId: line, waiting: q.length }));
      return Response.json({ id: row.id }, { status: 201 });
    }
    if (url.pathname === "/bench/baseline/call") {
      const q = this.line(line);
      const id = q.shift();
      if (id === undefined) return Response.json({ error: "EMPTY_LINE" }, { status: 409 });
      this.ctx.storage.sql.exec("INSERT INTO calls (ticket_id, called_at) VALUES (?, ?)", id, now);
      this.send(this.ctx.getWebSockets(DISPLAY), JSON.stringify({ type: "call", ticketId: id, matterId: line, waiting: q.length }));
      this.send(this.ctx.getWebSockets(phoneTag(id)), JSON.stringify({ type: "called", ticketId: id }));
      for (const [i, phone] of q.entries()) {
        this.send(this.ctx.getWebSockets(phoneTag(phone)), JSON.stringify({ type: "position", ticketId: phone, position: i + 1 }));
      }
      return Response.json({ id });
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
