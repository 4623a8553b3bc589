#!/usr/bin/env node
// npm run bench: numerek against a minimal Durable Object baseline, on the same workerd, same run.
// Starts its own `wrangler dev` (test/bench/wrangler.bench.jsonc on a snapshot of the sources,
// free loopback port, temp state, see server.mjs),
// connects 10 group screens and 1,000 e-tickets to one site and to the baseline, then measures
//   1. call-to-screen latency: HTTP call-next sent → every screen has the update with that call;
//   2. walk-in ticket throughput: POST tickets, 16 in flight, after a warm-up;
// and prints a markdown table. Needs Node >= 22 (global WebSocket); npm puts Node 24 on PATH.
// BENCH_DEBUG=1 shows wrangler's output.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, openCountingSocket, openSocket, percentile, phoneAddress, pool, until } from "./clients.mjs";
import { startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { screens: 10, etickets: 1000, calls: 200, callWarmup: 10, tickets: 2000, ticketWarmup: 200, inFlight: 16, connectInFlight: 25 };
const TARGET = { throughputRatio: 0.5, p99Ms: 50 };
const WAIT_MS = 15_000; // for one update to reach every screen
const WATCHDOG_MS = 30 * 60_000; // the whole run

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  return {
    cpu,
    cores: availableParallelism(),
    node: process.version,
    workerd: version("workerd"),
    wrangler: version("wrangler"),
    load: loadavg()[0],
  };
}

function siteConfig(siteId) {
  const allDay = [["00:00", "24:00"]];
  return {
    id: siteId,
    city: "Benchowo",
    name: `Urząd ${siteId}`,
    address: "ul. Pomiarowa 1",
    voice: true,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    departments: [
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [
          { id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10 },
          { id: "pj", name: "Prawo jazdy", prefix: "P", serviceMinutes: 6 },
        ],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej", "pj"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["pj"] },
    ],
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closedOnPublicHolidays: false,
    noShowRecallSeconds: 60,
  };
}

/** A group screen: its last message, and when each call (by id) first reached it. */
function screen(callIdOf) {
  const s = { seen: new Map(), last: null };
  s.onMessage = (data) => {
    const at = performance.now();
    s.last = JSON.parse(data);
    const id = callIdOf(s.last);
    if (id !== undefined && !s.seen.has(id)) s.seen.set(id, at);
  };
  return s;
}

/** When the last of the screens got call `id`; undefined while some screen has not. */
function allSeen(screens, id) {
  let latest = 0;
  for (const s of screens) {
    const at = s.seen.get(id);
    if (at === undefined) return undefined;
    latest = Math.max(latest, at);
  }
  return latest;
}

/** Opens the screens (WebSocket, decoded) and the e-tickets (frames counted); returns both. */
async function connectAll(screenUrl, eticketUrls, callIdOf) {
  const screens = Array.from({ length: N.screens }, () => screen(callIdOf));
  await pool(N.screens, N.connectInFlight, (i) => openSocket(screenUrl, screens[i].onMessage));
  const frames = { count: 0, sockets: new Set() };
  // Each e-ticket from its own phone (the object caps the sockets per client address).
  await pool(eticketUrls.length, N.connectInFlight, (i) =>
    openCountingSocket(eticketUrls[i], () => (frames.count++, frames.sockets.add(i)), { headers: { "CF-Connecting-IP": phoneAddress(i) } }),
  );
  return { screens, frames };
}

/**
 * Call-to-screen latency: `call()` makes the call over HTTP and returns its id; the sample is
 * from sending it to the moment the last screen has it. `after(i)` runs untimed (finish).
 */
async function callLatency(screens, call, after = async () => {}) {
  const total = [];
  const http = [];
  for (let i = 0; i < N.callWarmup + N.calls; i++) {
    const t0 = performance.now();
    const id = await call(i);
    const tHttp = performance.now();
    const shown = await until(() => allSeen(screens, id), WAIT_MS, `call ${id} on every screen`);
    if (i >= N.callWarmup) total.push(shown - t0), http.push(tHttp - t0);
    await after(i);
  }
  return { ...stats(total), http: stats(http) };
}

/** Requests per second over N.tickets requests (after N.ticketWarmup), N.inFlight at a time. */
async function throughput(request) {
  await pool(N.ticketWarmup, N.inFlight, (i) => request(`w${i}`, i));
  const times = [];
  const t0 = performance.now();
  await pool(N.tickets, N.inFlight, async (i) => {
    const s = performance.now();
    await request(`m${i}`, i);
    times.push(performance.now() - s);
  });
  return { rps: N.tickets / ((performance.now() - t0) / 1000), ...stats(times) };
}

const stats = (xs) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) });

async function benchNumerek(base) {
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const siteId = `bench-${Date.now().toString(36)}`;
  const site = `/api/v1/sites/${siteId}`;
  await api(base, `${site}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId) });
  const take = (key, i) =>
    api(base, `${site}/tickets`, {
      method: "POST",
      token: admin,
      json: { matterId: i % 2 ? "pj" : "rej" },
      headers: { "Idempotency-Key": `bench-${siteId}-${key}` },
      expect: 201,
    });
  const tokens = (await pool(N.etickets, N.inFlight, (i) => take(`setup${i}`, i))).map((t) => t.eticketUrl.split("/t/")[1]);

  const ws = base.replace(/^http/, "ws");
  const { screens, frames } = await connectAll(
    `${ws}${site}/live?role=display&access_token=${admin}`,
    tokens.map((t) => `${ws}/api/v1/etickets/${t}/live`),
    (m) => m.view?.calls?.[0]?.ticketId,
  );
  await until(() => (frames.sockets.size === tokens.length && screens.every((s) => s.last) ? true : undefined), WAIT_MS, "every snapshot");

  // Alternating desks: call-next (timed), then finish and wait until every screen shows the desk free.
  const desk = (i) => (i % 2 ? "d2" : "d1");
  const latency = await callLatency(
    screens,
    async (i) => {
      const r = await api(base, `${site}/desks/${desk(i)}/call-next`, { method: "POST", token: admin });
      if (!r.ticket) throw new Error(`call-next at ${desk(i)}: nobody waiting`);
      return r.ticket.id;
    },
    async (i) => {
      await api(base, `${site}/desks/${desk(i)}/finish`, { method: "POST", token: admin });
      const free = (s) => s.last.view.desks.find((d) => d.id === desk(i))?.number === null;
      await until(() => (screens.every(free) ? true : undefined), WAIT_MS, `desk ${desk(i)} free on every screen`);
    },
  );
  const before = frames.count;
  return { latency, throughput: await throughput(take), eticketFrames: frames.count - before };
}

async function benchBaseline(base) {
  const ws = base.replace(/^http/, "ws");
  const { screens, frames } = await connectAll(
    `${ws}/bench/baseline/live?role=display`,
    Array.from({ length: N.etickets }, () => `${ws}/bench/baseline/live?role=eticket`),
    (m) => m.ticketId,
  );
  const post = async () => (await api(base, "/bench/baseline/ticket", { method: "POST", json: { matterId: "rej" }, expect: 201 })).id;
  const latency = await callLatency(screens, post);
  const before = frames.count;
  return { latency, throughput: await throughput(post), eticketFrames: frames.count - before };
}

async function run() {
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    console.error(
      `bench: numerek on ${server.base}: 1,000 tickets, ${N.screens + N.etickets} sockets, ${N.calls} calls, ${N.tickets} tickets…`,
    );
    const numerek = await benchNumerek(server.base);
    console.error("bench: baseline…");
    const baseline = await benchBaseline(server.base);
    return { numerek, baseline };
  } catch (e) {
    e.message += `\n--- wrangler output (tail) ---\n${server.log()}`;
    throw e;
  } finally {
    await server.stop();
  }
}

const f = (x, d = 1) => x.toFixed(d);
const holds = (ok) => (ok ? "yes" : "**NO**");

function table(m, n, b, loadAfter) {
  const tpRatio = n.throughput.rps / b.throughput.rps;
  const rows = [
    [
      `Walk-in ticket throughput (req/s, ${N.inFlight} in flight)`,
      f(n.throughput.rps),
      f(b.throughput.rps),
      `${f(tpRatio, 2)}×`,
      `≥ ${TARGET.throughputRatio}× baseline`,
      holds(tpRatio >= TARGET.throughputRatio),
    ],
    [
      "Ticket request latency p50 / p99 (ms)",
      `${f(n.throughput.p50)} / ${f(n.throughput.p99)}`,
      `${f(b.throughput.p50)} / ${f(b.throughput.p99)}`,
      `${f(n.throughput.p99 / b.throughput.p99, 2)}× (p99)`,
      "",
      "",
    ],
    ["Call-to-screen p50 (ms)", f(n.latency.p50), f(b.latency.p50), `${f(n.latency.p50 / b.latency.p50, 2)}×`, "", ""],
    [
      "Call-to-screen p99 (ms)",
      f(n.latency.p99),
      f(b.latency.p99),
      `${f(n.latency.p99 / b.latency.p99, 2)}×`,
      `< ${TARGET.p99Ms} ms`,
      holds(n.latency.p99 < TARGET.p99Ms),
    ],
    [
      "… of which the HTTP call, p50 / p99 (ms)",
      `${f(n.latency.http.p50)} / ${f(n.latency.http.p99)}`,
      `${f(b.latency.http.p50)} / ${f(b.latency.http.p99)}`,
      "",
      "",
      "",
    ],
  ];
  const ok = tpRatio >= TARGET.throughputRatio && n.latency.p99 < TARGET.p99Ms;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; workerd ${m.workerd}; wrangler ${m.wrangler} (wrangler dev, local);`,
    `load average (1 min) ${f(m.load, 2)} before, ${f(loadAfter, 2)} after: other work on the machine shows up as noise.`,
    `Each of numerek (one site, 2 desks, 2 matters) and the baseline object has ${N.screens} group-screen and ${N.etickets} e-ticket sockets;`,
    `${N.calls} calls (after ${N.callWarmup} warm-up); ${N.tickets} tickets (after ${N.ticketWarmup} warm-up).`,
    "",
    "| Metric | numerek | baseline | ratio | target | holds |",
    "|---|---:|---:|---:|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    `E-ticket frames received during the ticket runs: numerek ${n.eticketFrames}, baseline ${b.eticketFrames}.`,
    `Targets: ${ok ? "all hold" : "MISSED (rows marked NO)"}.`,
  ].join("\n");
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const m = machine();
  try {
    const { numerek, baseline } = await run();
    console.log(table(m, numerek, baseline, loadavg()[0]));
  } catch (e) {
    console.error(`bench failed: ${e.stack ?? e}`);
    process.exitCode = 1;
  }
  clearTimeout(watchdog);
  process.exit(); // the sockets would otherwise keep the process alive
}

await main();
