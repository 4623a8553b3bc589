#!/usr/bin/env node
// npm run bench: numerek against the floor, a Durable Object doing the least each operation needs
// (baseline-object.ts), on the same workerd, same run.
// Starts its own `wrangler dev` (test/bench/wrangler.bench.jsonc on a snapshot of the sources,
// free loopback port, temp state, see server.mjs),
// takes 1,000 tickets at one site and at the baseline, connects 10 group screens and one e-ticket
// socket per ticket to each, then measures
//   1. call-to-screen latency: HTTP call sent → every screen has the update with that call;
//   2. walk-in ticket throughput: POST tickets, 16 in flight, after a warm-up, numerek and the baseline in
//      turn over 8 rounds (so a load that comes and goes falls on both);
// and prints a markdown table with the ratios, the targets (PASS/FAIL) and the machine's load. Needs Node >= 22 (global WebSocket); npm puts Node 24 on PATH.
// Requests and sockets go straight to the Worker's workerd (directBase in workerd.mjs), as at Cloudflare, where
// no dev proxy relays them: wrangler's proxy is a Node process on the same cores that relays every request
// and every frame. BENCH_PROXY=1 goes through it instead. BENCH_DEBUG=1 shows wrangler's output.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, openCountingSocket, openSocket, percentile, phoneAddress, pool, sleep, until } from "./clients.mjs";
import { startProfile } from "./profile.mjs";
import { startServer } from "./server.mjs";
import { siteConfig } from "./site.mjs";
import { benchBase, workerdCpuMs } from "./workerd.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { screens: 10, etickets: 1000, calls: 200, callWarmup: 10, tickets: 2000, ticketWarmup: 200, inFlight: 16, connectInFlight: 25 };
const TARGET = { throughputRatio: 0.8, p99Ratio: 1.5, p99Ms: 20 };
const WAIT_MS = 15_000; // for one update to reach every screen
const ROUNDS = 8; // walk-in rounds, numerek and the baseline in turn
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
    loadavg: loadavg(),
  };
}

/** A group screen: its last message, and when each call (by id) first reached it. */
function screen(callIdOf) {
  const s = { seen: new Map(), last: null, frames: 0 };
  s.onMessage = (data) => {
    const at = performance.now();
    s.frames++;
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

/**
 * Walk-in throughput of both sides, interleaved: after a warm-up of each, ROUNDS rounds in which each side
 * takes N.tickets / ROUNDS walk-ins (N.inFlight at a time), the two in turn, so both meet the same machine
 * (a load that comes and goes falls on both, not on whichever ran second). Requests per second over each
 * side's own rounds.
 */
async function throughputs(sides, cpuMs) {
  for (const side of sides) await pool(N.ticketWarmup, N.inFlight, (i) => side.take(`w${i}`, i));
  const per = N.tickets / ROUNDS;
  const hallFrames = (side) => side.screens.reduce((n, s) => n + s.frames, 0);
  const acc = sides.map((side) => ({ ms: 0, cpu: 0, times: [], frames: side.frames.count, hall: hallFrames(side) }));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, side] of sides.entries()) {
      const t0 = performance.now();
      const cpu0 = cpuMs();
      await pool(per, N.inFlight, async (i) => {
        const s = performance.now();
        await side.take(`m${r * per + i}`, r * per + i);
        acc[k].times.push(performance.now() - s);
      });
      acc[k].ms += performance.now() - t0;
      acc[k].cpu += cpuMs() - cpu0;
    }
  }
  await sleep(1000); // frames still on their way
  return acc.map((a, k) => ({
    rps: N.tickets / (a.ms / 1000),
    cpuPerTicket: a.cpu / N.tickets,
    ...stats(a.times),
    frames: sides[k].frames.count - a.frames,
    hallFrames: hallFrames(sides[k]) - a.hall,
  }));
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
  frames.atStart = frames.count;

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
  return called(frames, latency, take, screens);
}

/** After the calls: the e-ticket frames they sent (frames still arriving settle for a second), and how to take a walk-in. */
async function called(frames, latency, take, screens) {
  await sleep(1000);
  return { latency, callFrames: frames.count - frames.atStart, frames, take, screens };
}

async function benchBaseline(base) {
  const line = (i) => (i % 2 ? "pj" : "rej");
  const take = async (_key, i) =>
    (await api(base, "/bench/baseline/ticket", { method: "POST", json: { matterId: line(i) }, expect: 201 })).id;
  const ids = await pool(N.etickets, N.inFlight, (i) => take(`setup${i}`, i));
  const ws = base.replace(/^http/, "ws");
  const { screens, frames } = await connectAll(
    `${ws}/bench/baseline/live?role=display`,
    ids.map((id) => `${ws}/bench/baseline/live?role=eticket&ticket=${id}`),
    (m) => (m.type === "call" ? m.ticketId : undefined),
  );
  frames.atStart = frames.count;
  const call = async (i) => (await api(base, "/bench/baseline/call", { method: "POST", json: { matterId: line(i) } })).id;
  const latency = await callLatency(screens, call);
  return called(frames, latency, take, screens);
}

async function run() {
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    const { base, path } = await benchBase(server);
    console.error(
      `bench: numerek on ${base} (${path}): 1,000 tickets, ${N.screens + N.etickets} sockets, ${N.calls} calls, ${N.tickets} tickets…`,
    );
    const numerek = { load: loadavg()[0], ...(await benchNumerek(base)) };
    console.error("bench: baseline…");
    const baseline = { load: loadavg()[0], ...(await benchBaseline(base)) };
    console.error(`bench: walk-ins, ${ROUNDS} rounds each in turn…`);
    // BENCH_PROFILE=file: a CPU profile of workerd over the walk-in rounds (test/bench/profile.mjs).
    const profile = process.env.BENCH_PROFILE ? await startProfile(server.inspectorPort, process.env.BENCH_PROFILE) : null;
    [numerek.throughput, baseline.throughput] = await throughputs([numerek, baseline], () => workerdCpuMs(server.pid));
    await profile?.();
    numerek.walkInFrames = numerek.throughput.frames;
    baseline.walkInFrames = baseline.throughput.frames;
    return { numerek, baseline, path };
  } catch (e) {
    e.message += `\n--- wrangler output (tail) ---\n${server.log()}`;
    throw e;
  } finally {
    await server.stop();
  }
}

const f = (x, d = 1) => x.toFixed(d);
const verdict = (ok) => (ok ? "PASS" : "**FAIL**");
const perCall = (frames) => f(frames / (N.callWarmup + N.calls), 0);

function table(m, n, b, loadAfter, path) {
  const tpRatio = n.throughput.rps / b.throughput.rps;
  const p99Ratio = n.latency.p99 / b.latency.p99;
  const targets = [
    [`walk-in throughput ≥ ${TARGET.throughputRatio}× baseline`, tpRatio >= TARGET.throughputRatio],
    [`call-to-screen p99 ≤ ${TARGET.p99Ratio}× baseline`, p99Ratio <= TARGET.p99Ratio],
    [`call-to-screen p99 < ${TARGET.p99Ms} ms`, n.latency.p99 < TARGET.p99Ms],
  ];
  const rows = [
    [
      `Walk-in ticket throughput (req/s, ${N.inFlight} in flight)`,
      f(n.throughput.rps),
      f(b.throughput.rps),
      `${f(tpRatio, 2)}×`,
      `≥ ${TARGET.throughputRatio}×`,
      verdict(targets[0][1]),
    ],
    [
      "Walk-in request latency p50 / p99 (ms)",
      `${f(n.throughput.p50)} / ${f(n.throughput.p99)}`,
      `${f(b.throughput.p50)} / ${f(b.throughput.p99)}`,
      `${f(n.throughput.p99 / b.throughput.p99, 2)}× (p99)`,
      "",
      "",
    ],
    [
      "… workerd's CPU time per walk-in (ms, all its threads)",
      f(n.throughput.cpuPerTicket, 2),
      f(b.throughput.cpuPerTicket, 2),
      `${f(b.throughput.cpuPerTicket / n.throughput.cpuPerTicket, 2)}× (floor / numerek)`,
      "",
      "",
    ],
    ["Call-to-screen p50 (ms)", f(n.latency.p50), f(b.latency.p50), `${f(n.latency.p50 / b.latency.p50, 2)}×`, "", ""],
    [
      "Call-to-screen p99 (ms)",
      f(n.latency.p99),
      f(b.latency.p99),
      `${f(p99Ratio, 2)}×`,
      `≤ ${TARGET.p99Ratio}× and < ${TARGET.p99Ms} ms`,
      `${verdict(targets[1][1])} / ${verdict(targets[2][1])}`,
    ],
    [
      "… of which the HTTP call, p50 / p99 (ms)",
      `${f(n.latency.http.p50)} / ${f(n.latency.http.p99)}`,
      `${f(b.latency.http.p50)} / ${f(b.latency.http.p99)}`,
      "",
      "",
      "",
    ],
    ["E-ticket frames per call", perCall(n.callFrames), perCall(b.callFrames), "", "", ""],
    ["E-ticket frames per walk-in", f(n.walkInFrames / N.tickets, 2), f(b.walkInFrames / N.tickets, 2), "", "", ""],
    [
      "Hall frames per walk-in, per screen",
      f(n.throughput.hallFrames / N.tickets / N.screens, 2),
      f(b.throughput.hallFrames / N.tickets / N.screens, 2),
      "",
      "",
      "",
    ],
  ];
  const failed = targets.filter(([, ok]) => !ok).map(([t]) => t);
  const busy = Math.max(m.load, loadAfter) > m.cores;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; workerd ${m.workerd}; wrangler ${m.wrangler} (wrangler dev, local, requests and sockets ${path});`,
    `load average (1 / 5 / 15 min) ${m.loadavg.map((x) => f(x, 2)).join(" / ")} before, ${f(loadAfter, 2)} (1 min) after${busy ? `: more runnable work than the ${m.cores} cores, other work on the machine shows up in these figures` : ""}.`,
    `Load average (1 min) as each side's calls started: numerek ${f(n.load, 2)}, baseline ${f(b.load, 2)} (the calls run one side after the other; the walk-ins in ${ROUNDS} rounds each, in turn).`,
    `Each of numerek (one site, 2 desks, 2 matters) and the baseline has ${N.etickets} waiting tickets, each with its e-ticket socket, and ${N.screens} group screens;`,
    `${N.calls} calls (after ${N.callWarmup} warm-up); ${N.tickets} walk-ins (after ${N.ticketWarmup} warm-up).`,
    "Baseline: per walk-in one SQLite insert and one frame to each screen; per call one insert, one frame to each screen,",
    "then one frame to each phone whose position changed (the called ticket and every ticket still waiting in its line).",
    "",
    "| Metric | numerek | baseline | ratio | target | result |",
    "|---|---:|---:|---:|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    failed.length ? `Targets: FAIL (${failed.join("; ")}).` : "Targets: PASS (all three).",
  ].join("\n");
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const m = machine();
  try {
    const { numerek, baseline, path } = await run();
    console.log(table(m, numerek, baseline, loadavg()[0], path));
  } catch (e) {
    console.error(`bench failed: ${e.stack ?? e}`);
    process.exitCode = 1;
  }
  clearTimeout(watchdog);
  process.exit(); // the sockets would otherwise keep the process alive
}

await main();
