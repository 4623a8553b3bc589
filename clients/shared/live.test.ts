// The client's side of the close codes: a stream the server ends because its ticket or desk is
// gone, or because it no longer speaks the page's protocol version, stays closed and reports why;
// any other drop is retried. Every socket says its protocol version in its URL. Node's own WebSocket talks to a
// real server; only the page's window, document and location are plain stand-ins.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocketServer } from "ws";
import { CLOSE, PROTOCOL_PARAM, PROTOCOL_VERSION } from "../../protocol/live.ts";
import { endOfClose, type LiveEnd, LiveSocket, type LiveStatus } from "./live.ts";

let server: WebSocketServer;
/** The path of every connection the server has accepted, in order, without the protocol version… */
const connections: string[] = [];
/** …which every connection sent. */
const versions: (string | null)[] = [];

beforeAll(async () => {
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  // Each connection gets a snapshot, then is closed with the code its path asks for.
  server.on("connection", (ws, req) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    versions.push(url.searchParams.get(PROTOCOL_PARAM));
    url.searchParams.delete(PROTOCOL_PARAM);
    connections.push(url.pathname + url.search);
    ws.send(JSON.stringify({ type: "snapshot", protocol: 1, seq: 7, role: "eticket", view: { number: "A001" } }));
    ws.close(Number(url.searchParams.get("close")), "test");
  });
  vi.stubGlobal("window", new EventTarget());
  vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible" }));
  vi.stubGlobal("location", new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function open(path: string) {
  const seen = { views: [] as unknown[], statuses: [] as LiveStatus[], ends: [] as LiveEnd[] };
  const live = new LiveSocket<unknown>({
    path,
    role: "eticket",
    onView: (v) => seen.views.push(v),
    onStatus: (s) => seen.statuses.push(s),
    onEnd: (why) => seen.ends.push(why),
  });
  live.start();
  return { live, seen };
}

const count = (path: string) => connections.filter((c) => c === path).length;

async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`expected ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("close codes on the client", () => {
  it("ends the stream for the codes the server sends when a ticket or a desk is gone or the version is refused, and for no other", () => {
    expect(endOfClose(CLOSE.TICKET_GONE)).toBe("gone");
    expect(endOfClose(CLOSE.DESK_GONE)).toBe("gone");
    expect(endOfClose(CLOSE.VERSION_UNSUPPORTED)).toBe("version");
    for (const code of [1000, 1001, 1006, 1011, 4000, 4400]) expect(endOfClose(code)).toBeNull();
  });

  it("a ticket or desk gone, a version refused: the view stays, the end is reported, and it never reconnects; a drop reconnects", async () => {
    const ticket = open(`/live?close=${CLOSE.TICKET_GONE}`);
    const desk = open(`/live?close=${CLOSE.DESK_GONE}`);
    const version = open(`/live?close=${CLOSE.VERSION_UNSUPPORTED}`);
    const dropped = open("/live?close=1011");

    await until("the ended streams ended", () => [ticket, desk, version].every((s) => s.seen.ends.length > 0));
    // The dropped stream comes back twice: the retries wait at least 250 ms and 500 ms, longer together
    // than any first retry (at most 500 ms) the ended streams would have made.
    await until("the dropped stream reconnected twice", () => count("/live?close=1011") >= 3);
    dropped.live.stop();

    for (const [{ seen }, why] of [
      [ticket, "gone"],
      [desk, "gone"],
      [version, "version"],
    ] as const) {
      expect(seen.ends).toEqual([why]);
      expect(seen.views).toEqual([{ number: "A001" }]);
      expect(seen.statuses).toEqual(["connecting", "online"]);
    }
    expect(count(`/live?close=${CLOSE.TICKET_GONE}`)).toBe(1);
    expect(count(`/live?close=${CLOSE.DESK_GONE}`)).toBe(1);
    expect(count(`/live?close=${CLOSE.VERSION_UNSUPPORTED}`)).toBe(1);
    expect(new Set(versions)).toEqual(new Set([String(PROTOCOL_VERSION)]));
    expect(dropped.seen.ends).toEqual([]);
    expect(dropped.seen.statuses).toContain("offline");
  });
});
