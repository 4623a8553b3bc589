#!/usr/bin/env node
// npm run bench:phones: one site with 10,000 live e-tickets and 20 hall screens.
// Starts its own `wrangler dev` (see server.mjs), takes 10,000 walk-in tickets at one site (2 desks,
// 2 matters, alternating) through the API, connects 20 group screens and each ticket's e-ticket socket
// (each from its own client address), then makes calls (call-next, alternating desks, each followed by
// finish) and measures, per call:
//   screens: HTTP call sent → every screen has the update with the call (its seq is the call's seq);
//   phones:  HTTP call sent → every phone whose position changed (the called ticket and every ticket
//            still waiting in its line) has a frame of that seq or later; "screens first" counts the
//            calls where some phone had such a frame before the first screen had the call (the client
//            reads its sockets in its own order, so only a phone ahead of every screen counts);
//   frames:  e-ticket frames sent per call (its finish included), against the floor (only the phones
//            whose position changed, what test/bench/baseline-object.ts sends).
// The object's memory is read as the resident memory of workerd (the site object's isolate is most of
// it): right after start, with the tickets and sockets, and after the calls.
// Prints a markdown table with the machine's load. BENCH_DEBUG=1 shows wrangler's output;
// BENCH_PHONES=n sets the number of phones (10,000 by default). The sockets go straight to the Worker's
// workerd, past wrangler's proxy (directBase in workerd.mjs); a process may hold `ulimit -n` descriptors, and with
// 20,000 workerd runs out at about 9,900 phones (run with BENCH_PHONES=9000 there).
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, openCountingSocket, percentile, phoneAddress, pool, until } from "./clients.mjs";
import { startServer } from "./server.mjs";
import { siteConfig } from "./site.mjs";
import { directBase, workerdRssMb } from "./workerd.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = {
  phones: Number(process.env.BENCH_PHONES ?? 10_000),
  screens: 20,
  calls: 100,
  warmup: 5,
  inFlight: 16,
  connectInFlight: 25,
};
const TARGET_MS = 1000;
const WAIT_MS = 60_000;
const WATCHDOG_MS = 40 * 60_000;
const LINES = ["rej", "pj"];

const f = (x, d = 1) => x.toFixed(d);
const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
const stats = (xs) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99), max: Math.max(...xs) });
const loadLine = () => readFileSync("/proc/loadavg", "utf8").trim();

/** A hall screen: its last message, and when (and with which seq) each call first reached it. */
function screen() {
  const s = { seen: new Map(), last: null };
  s.onMessage = (data) => {
    const at = performance.now();
    s.last = JSON.parse(data);
    const id = s.last.view?.calls?.[0]?.ticketId;
    if (id !== undefined && !s.seen.has(id)) s.seen.set(id, { at, seq: s.last.seq });
  };
  return s;
}

/** The seq of a frame, read from its first bytes (`{"type":"update","seq":N` or a snapshot's). */
function seqOf(payload) {
  const m = /"seq":(\d+)/.exec(payload.subarray(0, 64).toString("latin1"));
  return m ? Number(m[1]) : -1;
}

async function run(server) {
  const base = await directBase(server);
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const siteId = `phones-${Date.now().toString(36)}`;
  const site = `/api/v1/sites/${siteId}`;
  await api(base, `${site}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId) });
  const memory = { start: workerdRssMb(server.pid) };

  console.error(`bench:phones: ${N.phones} walk-ins at ${siteId}…`);
  const taken = await pool(N.phones, N.inFlight, (i) =>
    api(base, `${site}/tickets`, {
      method: "POST",
      token: admin,
      json: { matterId: LINES[i % 2] },
      headers: { "Idempotency-Key": `phones-${siteId}-${i}` },
      expect: 201,
    }),
  );
  /** The bench's model of each line: waiting phones (by index) in the order they are called. */
  const waiting = new Map(LINES.map((l) => [l, []]));
  const phoneOf = new Map();
  taken.forEach((t, i) => {
    waiting.get(t.matterId).push(i);
    phoneOf.set(t.id, i);
  });

  console.error(`bench:phones: ${N.screens} screens and ${N.phones} e-ticket sockets…`);
  const ws = base.replace(/^http/, "ws");
  const screens = Array.from({ length: N.screens }, screen);
  // Read through the same raw sockets as the phones, so that which came first is the server's order, not the client's.
  await pool(N.screens, N.connectInFlight, (i) =>
    openCountingSocket(`${ws}${site}/live?role=display&access_token=${admin}`, (payload) => screens[i].onMessage(payload.toString("utf8"))),
  );
  /** Per phone: the highest seq it got and when; every frame counted. */
  const lastSeq = new Int32Array(N.phones).fill(-1);
  const lastAt = new Float64Array(N.phones);
  const frames = { count: 0 };
  /** The first moment any phone got a frame of seq ≥ `watch.seq` (screens-first check). */
  const watch = { seq: Number.POSITIVE_INFINITY, firstAt: Number.POSITIVE_INFINITY };
  let connected = 0;
  await pool(N.phones, N.connectInFlight, async (i) => {
    await openCountingSocket(
      `${ws}/api/v1/etickets/${taken[i].eticketUrl.split("/t/")[1]}/live`,
      (payload) => {
        const at = performance.now();
        frames.count++;
        const seq = seqOf(payload);
        if (seq >= watch.seq && at < watch.firstAt) watch.firstAt = at;
        if (seq > lastSeq[i]) (lastSeq[i] = seq), (lastAt[i] = at);
      },
      { headers: { "CF-Connecting-IP": phoneAddress(i) } },
    ).catch((e) => {
      throw new Error(`${e.message} (${connected} phones connected before)`);
    });
    connected++;
  });
  await until(() => (lastSeq.every((s) => s >= 0) && screens.every((s) => s.last) ? true : undefined), WAIT_MS, "every snapshot");
  memory.loaded = workerdRssMb(server.pid);

  console.error(`bench:phones: ${N.warmup} + ${N.calls} calls…`);
  const toScreens = [];
  const toPhones = [];
  const moved = [];
  let phonesBeforeScreens = 0;
  const framesAtStart = frames.count;
  for (let k = 0; k < N.warmup + N.calls; k++) {
    const desk = k % 2 ? "d2" : "d1";
    const t0 = performance.now();
    watch.seq = Number.POSITIVE_INFINITY;
    watch.firstAt = Number.POSITIVE_INFINITY;
    const r = await api(base, `${site}/desks/${desk}/call-next`, { method: "POST", token: admin });
    if (!r.ticket) throw new Error(`call-next at ${desk}: nobody waiting`);
    const id = r.ticket.id;
    const shown = await until(
      () => {
        let latest = { at: 0, seq: 0, first: Number.POSITIVE_INFINITY };
        for (const s of screens) {
          const seen = s.seen.get(id);
          if (!seen) return undefined;
          if (seen.at > latest.at) latest = { ...seen, first: latest.first };
          latest.first = Math.min(latest.first, seen.at);
        }
        return latest;
      },
      WAIT_MS,
      `call ${id} on every screen`,
    );
    watch.seq = shown.seq;
    // Phones that got the call's seq before this line ran (frames read in the same turn) count too.
    for (let i = 0; i < N.phones; i++) if (lastSeq[i] >= shown.seq && lastAt[i] < watch.firstAt) watch.firstAt = lastAt[i];
    // The called ticket and every ticket still waiting in its line have a new position.
    const line = waiting.get(r.ticket.matterId);
    const called = phoneOf.get(id);
    const at = line.indexOf(called);
    if (at < 0) throw new Error(`call ${id}: not waiting in the bench's model`);
    const changed = [called, ...line.slice(at + 1)];
    line.splice(at, 1);
    const reached = await until(
      () => {
        let latest = 0;
        for (const i of changed) {
          if (lastSeq[i] < shown.seq) return undefined;
          latest = Math.max(latest, lastAt[i]);
        }
        return latest;
      },
      WAIT_MS,
      `call ${id} on ${changed.length} phones`,
      () => `: ${changed.filter((i) => lastSeq[i] < shown.seq).length} without it`,
    );
    if (k >= N.warmup) {
      toScreens.push(shown.at - t0);
      toPhones.push(reached - t0);
      moved.push(changed.length);
      if (watch.firstAt < shown.first) phonesBeforeScreens++;
    }
    await api(base, `${site}/desks/${desk}/finish`, { method: "POST", token: admin });
    const free = (s) => s.last.view.desks.find((d) => d.id === desk)?.number === null;
    await until(() => (screens.every(free) ? true : undefined), WAIT_MS, `desk ${desk} free on every screen`);
  }
  // Frames of the last finish still on their way.
  await new Promise((r) => setTimeout(r, 2000));
  const calls = N.warmup + N.calls;
  const floor = moved.reduce((a, b) => a + b, 0) / moved.length;
  memory.after = workerdRssMb(server.pid);
  return {
    siteId,
    screens: stats(toScreens),
    phones: stats(toPhones),
    phonesBeforeScreens,
    framesPerCall: (frames.count - framesAtStart) / calls,
    floorPerCall: floor,
    memory,
  };
}

function table(m, r, loadBefore, loadAfter) {
  const ok = r.phones.p99 < TARGET_MS && r.phonesBeforeScreens === 0;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${process.version}; workerd ${version("workerd")}; wrangler ${version("wrangler")} (wrangler dev, local).`,
    `\`cat /proc/loadavg\` before: ${loadBefore}; after: ${loadAfter}.`,
    `One site (2 desks, 2 matters): ${N.phones} waiting tickets, each with its e-ticket socket, and ${N.screens} group screens;`,
    `${N.calls} calls (after ${N.warmup} warm-up), alternating desks, each followed by finish.`,
    "",
    "| Per call | p50 | p99 | max | target | result |",
    "|---|---:|---:|---:|---|---|",
    `| call sent → every screen has it (ms) | ${f(r.screens.p50)} | ${f(r.screens.p99)} | ${f(r.screens.max)} |  |  |`,
    `| call sent → every phone whose position changed has its frame (ms) | ${f(r.phones.p50)} | ${f(r.phones.p99)} | ${f(r.phones.max)} | p99 < ${TARGET_MS} ms, screens first | ${ok ? "PASS" : "**FAIL**"} |`,
    "",
    "| Figure | value |",
    "|---|---:|",
    `| e-ticket frames per call (its finish included) | ${f(r.framesPerCall, 0)} |`,
    `| floor: phones whose position changed, per call | ${f(r.floorPerCall, 0)} |`,
    `| calls where a phone had its frame before the first screen had the call | ${r.phonesBeforeScreens} of ${N.calls} |`,
    `| workerd resident memory: started / with ${N.phones} tickets and sockets / after the calls (MB) | ${f(r.memory.start, 0)} / ${f(r.memory.loaded, 0)} / ${f(r.memory.after, 0)} |`,
  ].join("\n");
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench:phones: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const m = {
    cpu: /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown",
    cores: availableParallelism(),
  };
  const loadBefore = loadLine();
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    const r = await run(server);
    console.log(table(m, r, loadBefore, loadLine()));
  } catch (e) {
    console.error(`bench:phones failed: ${e.stack ?? e}\n--- wrangler output (tail) ---\n${server.log()}`);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit(); // the sockets would otherwise keep the process alive
}

await main();
