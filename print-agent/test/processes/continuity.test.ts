// Local continuity: the print agent as the office's fallback, run as its own process (node print-agent/main.ts)
// against a FakeSite. Cut off from the site, it issues walk-ins from its block of numbers, prints them, calls
// them with voice and shows them on local sockets; its log goes back to the site in order, exactly once, also
// after the agent is killed (SIGKILL) in the middle of a burst and started again.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { IssuedTicket } from "../../../protocol/api.ts";
import type { LocalHealth, LocalTokenClaims } from "../../../protocol/continuity.ts";
import { newLocalSecret, signLocalToken } from "../../../protocol/continuity-token.ts";
import { generateClipBank } from "../../clips/generate.ts";
import { removeTempDirs, tempDir, waitFor } from "../helpers.ts";
import { FakeSite } from "./fake-site.ts";

const MAIN = join(import.meta.dirname, "..", "..", "main.ts");

interface RunningAgent {
  url: string;
  output: string[];
  child: ChildProcess;
}

/** One clip bank for every agent started here (espeak-ng and sox make it once). */
let clips = "";
beforeAll(async () => {
  clips = mkdtempSync(join(tmpdir(), "numerek-continuity-clips-"));
  await generateClipBank(clips, "pl");
}, 90_000);
afterAll(() => rmSync(clips, { recursive: true, force: true }));

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  removeTempDirs();
});

async function site(): Promise<{ site: FakeSite; secret: string }> {
  const s = await FakeSite.start();
  cleanup.push(() => s.close());
  const secret = newLocalSecret();
  s.replica = FakeSite.replica(secret);
  return { site: s, secret };
}

/** Writes the agent's configuration: a virtual printer for kiosk k1, calls as WAV files, continuity on a free port. */
function configFor(s: FakeSite, dir: string, voice = true): string {
  const path = join(dir, "agent.json");
  writeFileSync(
    path,
    JSON.stringify({
      server: s.url,
      siteId: "demo",
      username: "agent-demo",
      password: "demo",
      store: "state/jobs.json",
      keepAliveSeconds: 0.5,
      reconnect: { minSeconds: 0.05, maxSeconds: 0.2 },
      statusIntervalSeconds: 0.05,
      printers: { k1: { type: "virtual", dir: "tickets" } },
      audio: voice ? { type: "wav-dir", dir: "calls", clips } : { type: "none" },
      continuity: { port: 0, host: "127.0.0.1", publicUrl: "http://127.0.0.1:8790" },
    }),
  );
  return path;
}

/** Starts `node print-agent/main.ts <config>` and waits for its local server's address in its log. */
async function startAgent(config: string): Promise<RunningAgent> {
  const child = spawn(process.execPath, [MAIN, config], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NUMEREK_SERVER: "" } });
  const output: string[] = [];
  const read = (d: Buffer): void => {
    output.push(...d.toString().split("\n").filter(Boolean));
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  let url = "";
  await waitFor(
    () => {
      const line = output.find((l) => l.includes("local continuity: serving the hall"));
      const m = line ? /listening on ([\d.]+):(\d+)/.exec(line) : null;
      if (m) url = `http://${m[1]}:${m[2]}`;
      return url !== "";
    },
    "the agent's local server",
    20_000,
  );
  return { url, output, child };
}

async function kill(agent: RunningAgent): Promise<void> {
  const exited = new Promise<void>((resolve) => agent.child.once("exit", () => resolve()));
  agent.child.kill("SIGKILL");
  await exited;
}

async function health(agent: RunningAgent): Promise<LocalHealth> {
  return (await (await fetch(`${agent.url}/continuity/v1/health`)).json()) as LocalHealth;
}

async function waitHealth(agent: RunningAgent, what: string, ok: (h: LocalHealth) => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (ok(await health(agent))) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await health(agent))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function token(secret: string, claims: Partial<LocalTokenClaims> & Pick<LocalTokenClaims, "role" | "sub">): Promise<string> {
  return signLocalToken(secret, { site: "demo", exp: Date.now() + 3_600_000, ...claims });
}

function post(
  agent: RunningAgent,
  path: string,
  bearer: string | null,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${agent.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

/** A local live socket that keeps every frame it got. */
async function liveSocket(
  agent: RunningAgent,
  role: string,
  bearer: string,
): Promise<{ frames: { type: string; view: never }[]; ws: WebSocket }> {
  const url = `${agent.url.replace("http", "ws")}/api/v1/sites/demo/live?role=${role}&access_token=${encodeURIComponent(bearer)}&protocol=1`;
  const ws = new WebSocket(url);
  const frames: { type: string; view: never }[] = [];
  ws.on("message", (d) => frames.push(JSON.parse(d.toString()) as { type: string; view: never }));
  ws.on("error", () => {});
  cleanup.push(() => ws.terminate());
  await waitFor(() => frames.length > 0, "the local snapshot");
  return { frames, ws };
}

/** Connected with a replica, then cut off from the site. */
async function cutOff(s: FakeSite, agent: RunningAgent): Promise<void> {
  await waitHealth(agent, "a connected agent with a replica", (h) => h.ready && h.cloud === "connected");
  s.accepting = false;
  s.cut();
  await waitHealth(agent, "the agent cut off", (h) => h.cloud === "cut-off");
}

/** A site and an agent without voice that has the site's replica: ready to serve the hall. */
async function readyAgent(): Promise<{ secret: string; agent: RunningAgent; port: number }> {
  const { site: s, secret } = await site();
  const agent = await startAgent(configFor(s, tempDir(), false));
  await waitHealth(agent, "a replica", (h) => h.ready);
  return { secret, agent, port: Number(new URL(agent.url).port) };
}

/** The stable code of a refusal. */
async function code(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** A WebSocket upgrade request for `path`, as a device on the office's network sends it. */
function upgradeRequest(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
  );
}

/** The agent is still running and answers its health check. */
async function stillUp(agent: RunningAgent): Promise<void> {
  await new Promise((r) => setTimeout(r, 200));
  expect(agent.child.exitCode, agent.output.slice(-10).join("\n")).toBeNull();
  expect(agent.child.signalCode).toBeNull();
  expect((await health(agent)).ready).toBe(true);
}

describe("local continuity", { timeout: 90_000 }, () => {
  it("cut off: a walk-in is numbered from the block, printed and shown; a clerk's call is shown and announced; the log replays once", async () => {
    const { site: s, secret } = await site();
    const dir = tempDir();
    const agent = await startAgent(configFor(s, dir));
    await cutOff(s, agent);
    expect(s.localUrls).toContain("http://127.0.0.1:8790");

    const hall = await liveSocket(agent, "display", await token(secret, { role: "display", sub: "screen-1" }));
    const kiosk = await token(secret, { role: "kiosk", sub: "k1", device: "k1" });
    const res = await post(agent, "/api/v1/sites/demo/tickets", kiosk, { matterId: "rej" }, { "Idempotency-Key": "kiosk-k1-0001" });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as IssuedTicket;
    expect(issued.number).toBe("R500");
    expect(issued.eticketUrl).toMatch(/^http:\/\/127\.0\.0\.1:8787\/t\/demo\./);
    // The same key again: the same ticket, not a second one.
    const again = await post(agent, "/api/v1/sites/demo/tickets", kiosk, { matterId: "rej" }, { "Idempotency-Key": "kiosk-k1-0001" });
    expect(((await again.json()) as IssuedTicket).id).toBe(issued.id);

    await waitFor(() => readdirSync(join(dir, "tickets")).some((f) => f.includes("R500") && f.endsWith(".png")), "the ticket printed");
    type Hall = { waiting: { matterId: string; count: number }[]; calls: { number: string; deskName: string }[] };
    const lastHall = (): Hall => (hall.frames.at(-1) as unknown as { view: Hall }).view;
    await waitFor(() => lastHall().waiting.find((w) => w.matterId === "rej")?.count === 1, "the hall shows one waiting");

    const clerk = await token(secret, { role: "clerk", sub: "anna" });
    const called = await post(agent, "/api/v1/sites/demo/desks/d1/call-next", clerk, {});
    expect(called.status).toBe(200);
    expect(((await called.json()) as { ticket: { number: string } }).ticket.number).toBe("R500");
    await waitFor(() => lastHall().calls[0]?.number === "R500", "the call on the hall screen");
    expect(lastHall().calls[0]?.deskName).toBe("Stanowisko 1");
    const calls = join(dir, "calls");
    await waitFor(() => existsSync(calls) && readdirSync(calls).some((f) => /-R500-desk-1-/.test(f)), "the call spoken", 20_000).catch(
      (e: unknown) => {
        throw new Error(`${e instanceof Error ? e.message : e}\n${agent.output.slice(-15).join("\n")}`);
      },
    );

    // Nothing of this was acknowledged to the site as its jobs; the link returns and the log replays once.
    expect(s.acks).toEqual([]);
    s.accepting = true;
    await waitHealth(agent, "the log replayed", (h) => h.cloud === "connected" && h.pending === 0);
    expect(s.applied.map((e) => e.seq)).toEqual([1, 2]);
    expect(s.applied.map((e) => e.type)).toEqual(["issue", "desk"]);
    expect(s.replica?.tickets.find((t) => t.id === issued.id)?.status).toBe("called");
  });

  it("killed with SIGKILL in the middle of a burst and started again: every ticket answered is replayed once, in order, none doubled", async () => {
    const { site: s, secret } = await site();
    const dir = tempDir();
    const config = configFor(s, dir, false);
    let agent = await startAgent(config);
    await cutOff(s, agent);
    // (Issued at a clerk's console: no printing, so the burst is as fast as the agent's disk.)
    const clerk = await token(secret, { role: "clerk", sub: "anna" });
    const answered = new Map<string, IssuedTicket>();
    const take = async (a: RunningAgent, key: string): Promise<void> => {
      const res = await post(
        a,
        "/api/v1/sites/demo/tickets",
        clerk,
        { matterId: key.endsWith("p") ? "pj" : "rej" },
        { "Idempotency-Key": key },
      );
      if (res.status === 201) answered.set(key, (await res.json()) as IssuedTicket);
      else throw new Error(`HTTP ${res.status}`);
    };
    const keys = Array.from({ length: 40 }, (_, i) => `burst-${String(i).padStart(3, "0")}${i % 3 === 0 ? "p" : "r"}`);
    // Four kiosks' worth of requests at once; the agent dies after the tenth answer, with requests in flight.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < keys.length) {
        const key = keys[next++]!;
        if (answered.size >= 10 && agent.child.exitCode === null && agent.child.signalCode === null) await kill(agent);
        try {
          await take(agent, key);
        } catch {
          /* the agent died: retried below */
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(agent.child.signalCode).toBe("SIGKILL");
    const before = answered.size;
    expect(before).toBeGreaterThanOrEqual(10);
    expect(before).toBeLessThan(keys.length);

    // Started again, still cut off: every request not answered is sent again with its key.
    agent = await startAgent(config);
    await waitHealth(agent, "ready again from its replica on disk", (h) => h.ready && h.cloud === "cut-off");
    for (const key of keys) if (!answered.has(key)) await take(agent, key);
    expect(answered.size).toBe(keys.length);
    const numbers = [...answered.values()].map((t) => t.number);
    expect(new Set(numbers).size).toBe(keys.length);

    s.accepting = true;
    await waitHealth(agent, "the log replayed", (h) => h.cloud === "connected" && h.pending === 0, 20_000);
    const seqs = s.applied.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const issuedIds = s.applied.flatMap((e) => (e.type === "issue" ? [e.ticket.id] : []));
    expect(new Set(issuedIds).size).toBe(issuedIds.length);
    // Every ticket a kiosk got is at the site once; none the kiosks never got (a request cut off before its line was whole).
    expect(new Set(issuedIds)).toEqual(new Set([...answered.values()].map((t) => t.id)));
    for (const r of s.replays) expect(r).toEqual(Array.from({ length: r.length }, (_, i) => (r[0] ?? 0) + i));
  });

  it("refuses what it must: bad tokens 401, bad bodies 400, the cloud's routes 503 OFFLINE_NOT_AVAILABLE; preflights allow the private network", async () => {
    const { secret, agent } = await readyAgent();

    const none = await post(agent, "/api/v1/sites/demo/tickets", null, { matterId: "rej" });
    expect([none.status, await code(none)]).toEqual([401, "UNAUTHENTICATED"]);
    const forged = await token(newLocalSecret(), { role: "kiosk", sub: "k1" });
    const bad = await post(agent, "/api/v1/sites/demo/tickets", forged, { matterId: "rej" });
    expect([bad.status, await code(bad)]).toEqual([401, "TOKEN_INVALID"]);
    const expired = await token(secret, { role: "kiosk", sub: "k1", exp: Date.now() - 1000 });
    const old = await post(agent, "/api/v1/sites/demo/tickets", expired, { matterId: "rej" });
    expect([old.status, await code(old)]).toEqual([401, "TOKEN_INVALID"]);
    const display = await token(secret, { role: "display", sub: "screen-1" });
    const notClerk = await post(agent, "/api/v1/sites/demo/desks/d1/call-next", display, {});
    expect([notClerk.status, await code(notClerk)]).toEqual([403, "FORBIDDEN"]);

    const kiosk = await token(secret, { role: "kiosk", sub: "k1", device: "k1" });
    const shape = await post(agent, "/api/v1/sites/demo/tickets", kiosk, { matterId: "rej", extra: 1 });
    expect([shape.status, await code(shape)]).toEqual([400, "VALIDATION_FAILED"]);
    const notJson = await fetch(`${agent.url}/api/v1/sites/demo/tickets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${kiosk}`, "Content-Type": "application/json" },
      body: "{",
    });
    expect([notJson.status, await code(notJson)]).toEqual([400, "INVALID_JSON"]);
    const huge = await post(agent, "/api/v1/sites/demo/tickets", kiosk, { matterId: "x".repeat(40_000) });
    expect([huge.status, await code(huge)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const clerk = await token(secret, { role: "clerk", sub: "anna" });
    const pause = await post(agent, "/api/v1/sites/demo/desks/d1/pause", clerk, { reason: "nap" });
    expect([pause.status, await code(pause)]).toEqual([400, "VALIDATION_FAILED"]);

    const booking = await post(agent, "/api/v1/bookings", null, {});
    expect([booking.status, await code(booking)]).toEqual([503, "OFFLINE_NOT_AVAILABLE"]);
    const checkIn = await post(agent, "/api/v1/sites/demo/check-in", kiosk, { code: "ABC123" });
    expect([checkIn.status, await code(checkIn)]).toEqual([503, "OFFLINE_NOT_AVAILABLE"]);

    const preflight = await fetch(`${agent.url}/api/v1/sites/demo/tickets`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://numerek.example.pl",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-private-network")).toBe("true");
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");

    // A local socket with a forged token is refused before it opens.
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${agent.url.replace("http", "ws")}/api/v1/sites/demo/live?role=display&access_token=${forged}`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("error", () => {});
    });
    expect(refused).toBe(401);
  });

  it("keeps each token to its role: a screen issues nothing, a clerk kept to desk d2 operates and watches only d2", async () => {
    const { secret, agent } = await readyAgent();

    const display = await token(secret, { role: "display", sub: "screen-1" });
    const issued = await post(agent, "/api/v1/sites/demo/tickets", display, { matterId: "rej" });
    expect([issued.status, await code(issued)]).toEqual([403, "FORBIDDEN"]);

    const clerk = await token(secret, { role: "clerk", sub: "anna", desks: ["d2"] });
    const other = await post(agent, "/api/v1/sites/demo/desks/d1/pause", clerk, { reason: "break" });
    expect([other.status, await code(other)]).toEqual([403, "DESK_FORBIDDEN"]);
    const own = await post(agent, "/api/v1/sites/demo/desks/d2/pause", clerk, { reason: "break" });
    expect(own.status).toBe(200);
    const watched = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${agent.url.replace("http", "ws")}/api/v1/sites/demo/live?role=clerk:d1&access_token=${clerk}&protocol=1`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    expect(watched).toBe(403);
  });

  it("a device of the office's network holding idle connections does not lock the kiosks out", async () => {
    const { agent, port } = await readyAgent();
    // Another address of the loopback network stands for a phone on the office's Wi-Fi.
    const idle = await Promise.all(
      Array.from(
        { length: 300 },
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect({ host: "127.0.0.1", port, localAddress: "127.0.0.2" }, () => resolve(socket));
            socket.on("error", () => resolve(socket));
          }),
      ),
    );
    cleanup.push(() => {
      for (const socket of idle) socket.destroy();
    });
    await new Promise((r) => setTimeout(r, 200));
    // A kiosk's new connection (not one kept alive from before the phone came) is answered.
    const answered = await new Promise<number>((resolve) => {
      const req = get(`${agent.url}/continuity/v1/health`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(0));
    });
    expect(answered).toBe(200);
  });

  it("a device that drops its connection in the middle of a socket's upgrade does not bring the agent down", async () => {
    const { secret, agent, port } = await readyAgent();
    const display = await token(secret, { role: "display", sub: "screen-1" });
    // Upgrades the agent checks (a token it verifies, a socket it opens) and refuses (no such site), each reset by
    // the device (TCP RST) as soon as it is sent: the agent answers or refuses into a connection that is gone.
    const paths = [
      `/api/v1/sites/demo/live?role=display&access_token=${display}&protocol=1`,
      `/api/v1/sites/other/live?role=display&access_token=${display}`,
      "/nowhere",
    ];
    for (let round = 0; round < 30; round++) {
      await Promise.all(
        Array.from(
          { length: 12 },
          (_, i) =>
            new Promise<void>((resolve) => {
              const socket = connect({ host: "127.0.0.1", port }, () => {
                socket.write(upgradeRequest(paths[i % paths.length] ?? "/"), () => setTimeout(() => socket.resetAndDestroy(), i % 4));
              });
              socket.on("error", () => {});
              socket.on("close", () => resolve());
            }),
        ),
      );
    }
    await stillUp(agent);
  });

  it("a device that sends a bad frame to a socket being closed for its old protocol does not bring the agent down", async () => {
    const { secret, agent, port } = await readyAgent();
    const display = await token(secret, { role: "display", sub: "screen-1" });
    // A protocol the agent does not speak: the socket opens and is closed at once with VERSION_UNSUPPORTED.
    // Before the closing handshake ends the device sends an unmasked frame, which a server must refuse.
    const upgraded = await new Promise<string>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.write(upgradeRequest(`/api/v1/sites/demo/live?role=display&access_token=${display}&protocol=999`));
      });
      let head = "";
      socket.on("data", (d: Buffer) => {
        if (head.includes("\r\n\r\n")) return;
        head += d.toString("latin1");
        if (!head.includes("\r\n\r\n")) return;
        socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on("error", () => {});
      socket.on("close", () => resolve(head.split("\r\n")[0] ?? ""));
    });
    expect(upgraded).toBe("HTTP/1.1 101 Switching Protocols");
    await stillUp(agent);
  });
});
