#!/usr/bin/env node
// npm run bench:flood: can one public socket stall an office? Starts its own `wrangler dev` (see
// server.mjs), makes a site with a hall screen, and times a clerk's call-next (HTTP, until the
// answer) in two runs of the same length:
//   1. quiet: no flood;
//   2. burst: one e-ticket socket sends 20,000 frames at once ({"type":"resync"}, the one message
//      an e-ticket may send), and the calls start at the same moment;
// then, the worst case, 10 bursts each on a fresh socket with one call-next sent right behind it.
// The burst has drained when the server has read every frame: it answers the client's close,
// which follows the 20,000 frames on the wire, by ending the connection. Prints a markdown table.
// Needs Node >= 22; npm puts Node 24 on PATH. BENCH_DEBUG=1 shows wrangler's output.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, clientFrame, openCountingSocket, openSocket, percentile, pool, sleep, until } from "./clients.mjs";
import { startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { burst: 20_000, calls: 150, warmup: 10, inFlight: 8, overlaps: 10 };
const TARGET_P99_MS = 100;
const WAIT_MS = 15_000;
const DRAIN_MS = 10 * 60_000; // before the fix a burst took minutes to drain
const WATCHDOG_MS = 20 * 60_000;

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  return { cpu, cores: availableParallelism(), node: process.version, workerd: version("workerd"), load: loadavg()[0] };
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
      { id: "wk", name: "Wydział Komunikacji", matters: [{ id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10 }] },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["rej"] },
    ],
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closedOnPublicHolidays: false,
    noShowRecallSeconds: 60,
  };
}

const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 0.5), p99: percentile(xs, 0.99), max: Math.max(...xs) });

/** `count` call-next (timed) and finish at alternating desks; each sample is [start, ms]. */
async function calls(base, site, token, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const desk = i % 2 ? "d2" : "d1";
    const t0 = performance.now();
    const r = await api(base, `${site}/desks/${desk}/call-next`, { method: "POST", token });
    samples.push([t0, performance.now() - t0]);
    if (!r.ticket) throw new Error(`call-next at ${desk}: nobody waiting`);
    await api(base, `${site}/desks/${desk}/finish`, { method: "POST", token });
  }
  return samples;
}

/**
 * One e-ticket socket, open and past its snapshot, ready to send the burst: `fire()` writes the
 * 20,000 frames and the client's close behind them, and returns when it did. The server answers
 * the close once it has read every frame, by ending the connection (`drainedAt`).
 */
async function floodSocket(url) {
  const flood = { frames: 0, close: null, closedAt: null, drainedAt: null, sentAt: null };
  const socket = await openCountingSocket(url, () => flood.frames++, {
    onClose: (code, reason) => {
      flood.close ??= `${code} ${reason}`;
      flood.closedAt ??= performance.now();
    },
  });
  socket.on("close", () => (flood.drainedAt = performance.now()));
  await until(() => (flood.frames > 0 ? true : undefined), WAIT_MS, "the e-ticket's snapshot");
  const framesBefore = flood.frames;
  flood.answered = () => flood.frames - framesBefore;
  flood.fire = () => {
    flood.sentAt = performance.now();
    socket.write(BURST);
    socket.write(clientFrame(8, Buffer.from([0x03, 0xe8])));
    return flood.sentAt;
  };
  return flood;
}

const BURST = Buffer.concat(Array.from({ length: N.burst }, () => clientFrame(1, Buffer.from(JSON.stringify({ type: "resync" })))));

async function bench(base) {
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const siteId = `flood-${Date.now().toString(36)}`;
  const site = `/api/v1/sites/${siteId}`;
  await api(base, `${site}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId) });
  const tickets = await pool(2 * (N.warmup + N.calls) + N.overlaps + 1, N.inFlight, () =>
    api(base, `${site}/tickets`, { method: "POST", token: admin, json: { matterId: "rej" }, expect: 201 }),
  );
  // The hall screen is open throughout; the citizen with the last ticket floods.
  let screenFrames = 0;
  await openSocket(`${base.replace(/^http/, "ws")}${site}/live?role=display&access_token=${admin}`, () => screenFrames++);
  await until(() => (screenFrames > 0 ? true : undefined), WAIT_MS, "the screen's snapshot");

  await calls(base, site, admin, N.warmup);
  const quiet = (await calls(base, site, admin, N.calls)).map(([, ms]) => ms);

  const token = tickets.at(-1).eticketUrl.split("/t/")[1];
  const eticketUrl = `${base.replace(/^http/, "ws")}/api/v1/etickets/${token}/live`;
  const flood = await floodSocket(eticketUrl);
  await calls(base, site, admin, N.warmup);
  const t0 = flood.fire();
  const during = await calls(base, site, admin, N.calls);
  await until(() => flood.drainedAt ?? undefined, DRAIN_MS, "the burst to drain");
  const drained = flood.drainedAt;

  // The worst case: a call-next sent right behind a burst, again and again.
  const overlap = [];
  const overlapDrains = [];
  for (let i = 0; i < N.overlaps; i++) {
    const again = await floodSocket(eticketUrl);
    const sent = again.fire();
    overlap.push((await calls(base, site, admin, 1))[0][1]);
    await until(() => again.drainedAt ?? undefined, DRAIN_MS, "the burst to drain");
    overlapDrains.push(again.drainedAt - sent);
  }
  await sleep(100);
  return {
    quiet: stats(quiet),
    burst: stats(during.map(([, ms]) => ms)),
    inBurst: during.filter(([start]) => start < drained).map(([, ms]) => ms),
    overlap: stats(overlap),
    overlapDrain: stats(overlapDrains),
    closeAfterMs: flood.closedAt === null ? null : flood.closedAt - t0,
    drainMs: drained - t0,
    close: flood.close ?? "none (the server never closed it)",
    answered: flood.answered(),
  };
}

const f = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(d));

function table(m, r, loadAfter) {
  const inBurst = r.inBurst.length ? stats(r.inBurst) : null;
  const row = (name, s) => `| ${name} | ${s ? s.n : 0} | ${f(s?.p50)} | ${f(s?.p99)} | ${f(s?.max)} |`;
  const holds = r.burst.p99 < TARGET_P99_MS;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; workerd ${m.workerd} (wrangler dev, local);`,
    `load average (1 min) ${f(m.load, 2)} before, ${f(loadAfter, 2)} after.`,
    `One site, 2 desks, a hall screen; ${N.calls} call-next per run (after ${N.warmup} warm-up), each followed by finish.`,
    "",
    "| clerk's call-next (ms) | calls | p50 | p99 | max |",
    "|---|---:|---:|---:|---:|",
    row("quiet", r.quiet),
    row(`with a ${N.burst.toLocaleString("en")}-frame burst on one e-ticket socket`, r.burst),
    row("… of which started before the burst drained", inBurst),
    row(`sent right behind a fresh burst (${N.overlaps} bursts, one call each)`, r.overlap),
    "",
    `The flooding socket: closed with ${r.close} ${f(r.closeAfterMs)} ms after the burst was sent; ` +
      `${r.answered} frames answered; the server had read the whole burst after ${f(r.drainMs)} ms.`,
    `The ${N.overlaps} fresh bursts were read in ${f(r.overlapDrain.p50)} ms (median), ${f(r.overlapDrain.max)} ms at most.`,
    `Target: call-next p99 with the burst < ${TARGET_P99_MS} ms: ${holds ? "holds" : "**MISSED**"}.`,
  ].join("\n");
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench:flood: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const m = machine();
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    console.error(`bench:flood: on ${server.base}…`);
    const r = await bench(server.base);
    console.log(table(m, r, loadavg()[0]));
  } catch (e) {
    console.error(`bench:flood failed: ${e.stack ?? e}\n--- wrangler output (tail) ---\n${server.log()}`);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit();
}

await main();
