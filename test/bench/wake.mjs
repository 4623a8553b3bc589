#!/usr/bin/env node
// npm run bench:wake: how fast a site object that went away answers its first request.
// Starts its own `wrangler dev` (see server.mjs), takes a day of 5,000 walk-in tickets at one site
// through the API (the real commit path), connects 1,000 e-ticket sockets (the first 1,000 tickets'
// phones), times 20 walk-ins on the warm object, then makes the object go away in three ways and times
// the first request after each (a kiosk walk-in, POST tickets, through the Worker):
//   city:  no request to this office for IDLE_MS while another office asks for its queue every few
//          seconds (the Worker's lists and the registry and directory objects stay awake); workerd
//          (wrangler dev too) evicts an object whose only connections are hibernating sockets after
//          about 10 s, and the sockets stay open: the real wake-up, and the one the target is for.
//   idle:  the same with no request at all: the first one also has the Worker refresh its lists
//          behind it, which wakes the registry and directory in the same workerd.
//          In both, whether a new instance started is read from the bench Worker's count of site-object
//          starts (bench-worker.ts), not assumed; an alarm firing during the idle time would also start one.
//   abort: ctx.abort() on the object (bench-worker.ts): the instance is thrown away, storage kept,
//          so the first request runs the constructor's load from SQLite. In workerd the abort drops
//          every socket (no close frame), so this is a wake-up without sockets; the sockets still
//          open 200 ms after the abort are counted, and all are reconnected before the next one.
// Prints a markdown table with the machine's load. BENCH_DEBUG=1 shows wrangler's output. BENCH_PROFILE=prefix
// writes a CPU profile of workerd over one more wake-up of each kind (prefix-<numerek|floor>-<city|idle|abort>.cpuprofile),
// from just before the object goes away to the first answer (test/bench/profile.mjs), the other office's
// requests included; the profiler slows it, so that wake-up is not one of the samples.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, openCountingSocket, percentile, phoneAddress, pool, sleep, timed } from "./clients.mjs";
import { startProfile } from "./profile.mjs";
import { startServer } from "./server.mjs";
import { siteConfig } from "./site.mjs";
import { benchBase } from "./workerd.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { tickets: 5000, etickets: 1000, warm: 20, idleReps: 5, abortReps: 5, inFlight: 16, connectInFlight: 25 };
const IDLE_MS = 15_000;
/** While the office is idle, another office of the city asks this often, and last this long before the probe. */
const CITY_EVERY_MS = 3_000;
const CITY_QUIET_BEFORE_MS = 1_500;
const TARGET_MS = 50;
const WATCHDOG_MS = 30 * 60_000;

const f = (x, d = 1) => x.toFixed(d);
const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;

/** The phones: one socket each, with its own client address; `open` holds the ones still connected. */
function phones(urls) {
  const open = new Set();
  const closes = [];
  const connect = (i) =>
    openCountingSocket(urls[i], () => {}, {
      headers: { "CF-Connecting-IP": phoneAddress(i) },
      onClose: (code, reason) => closes.push(`${code} ${reason}`),
    }).then((socket) => {
      open.add(i);
      socket.on("close", () => open.delete(i));
    });
  return {
    open,
    closes,
    /** Connects every phone not connected now. */
    async fill() {
      const missing = urls.map((_, i) => i).filter((i) => !open.has(i));
      await pool(missing.length, N.connectInFlight, (k) => connect(missing[k]));
      return missing.length;
    },
  };
}

/**
 * One object through the whole measurement: a day of tickets, the phones, warm requests, then the first
 * request after each way of going away. `subject`: { name, take(i) → timed walk-in, phoneUrls(day), abort(),
 * starts() → instances started so far }. `otherOffice()`: one request of another office of the city (the
 * same for both subjects).
 */
async function measure(subject, otherOffice, inspectorPort) {
  console.error(`bench:wake: ${subject.name}: ${N.tickets} walk-ins…`);
  const t0 = performance.now();
  const day = await pool(N.tickets, N.inFlight, subject.take);
  const bad = day.filter((r) => r.status !== 201);
  if (bad.length) throw new Error(`${bad.length} walk-ins failed, e.g. ${bad[0].status} ${JSON.stringify(bad[0].body)}`);
  const fillSeconds = (performance.now() - t0) / 1000;
  console.error(`bench:wake: ${subject.name}: ${N.etickets} e-ticket sockets…`);
  const p = phones(subject.phoneUrls(day.slice(0, N.etickets)));
  await p.fill();

  let n = N.tickets;
  const probe = async () => {
    const r = await subject.take(n++);
    if (r.status !== 201) throw new Error(`walk-in: ${r.status} ${JSON.stringify(r.body)}`);
    return r.ms;
  };
  const warm = [];
  for (let i = 0; i < N.warm; i++) warm.push(await probe());

  /** One wake-up; `profile`: under the CPU profiler, which slows it, so it is not one of the samples. */
  const rep = async (mode, profiled = false) => {
    const reconnected = await p.fill();
    const before = await subject.starts();
    const openBefore = p.open.size;
    const profile = profiled ? await startProfile(inspectorPort, `${process.env.BENCH_PROFILE}-${subject.name}-${mode}.cpuprofile`) : null;
    if (mode === "idle") await sleep(IDLE_MS);
    else if (mode === "city") {
      // This office is idle; the others are not: their requests keep the Worker's lists and the shared
      // objects (registry, directory) awake, as a city's traffic would. None in the last moments.
      // Its requests are timed back from the probe: the last one CITY_QUIET_BEFORE_MS before it.
      const until = Date.now() + IDLE_MS;
      const last = until - CITY_QUIET_BEFORE_MS;
      for (let at = last - Math.floor((last - Date.now()) / CITY_EVERY_MS) * CITY_EVERY_MS; at <= last; at += CITY_EVERY_MS) {
        await sleep(Math.max(0, at - Date.now()));
        await otherOffice();
      }
      await sleep(Math.max(0, until - Date.now()));
    } else await subject.abort();
    await sleep(200); // closes caused by the eviction reach the client
    const openAfterEviction = p.open.size;
    const ms = await probe();
    await profile?.();
    return { ms, newInstance: (await subject.starts()) > before, reconnected, openBefore, openAfterEviction };
  };
  const results = { idle: [], city: [], abort: [] };
  if (process.env.BENCH_PROFILE) {
    for (const mode of ["idle", "city", "abort"]) {
      console.error(`bench:wake: ${subject.name}: ${mode}, profiled (not a sample)…`);
      await rep(mode, true);
    }
  }
  for (let i = 0; i < N.idleReps; i++) {
    console.error(`bench:wake: ${subject.name}: idle ${IDLE_MS / 1000} s, repetition ${i + 1}…`);
    results.idle.push(await rep("idle"));
  }
  for (let i = 0; i < N.idleReps; i++) {
    console.error(`bench:wake: ${subject.name}: idle ${IDLE_MS / 1000} s while other offices work, repetition ${i + 1}…`);
    results.city.push(await rep("city"));
  }
  for (let i = 0; i < N.abortReps; i++) {
    console.error(`bench:wake: ${subject.name}: ctx.abort(), repetition ${i + 1}…`);
    results.abort.push(await rep("abort"));
  }
  return { fillSeconds, warm, results, closes: p.closes };
}

async function run(base, inspectorPort) {
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const siteId = `wake-${Date.now().toString(36)}`;
  const site = `/api/v1/sites/${siteId}`;
  await api(base, `${site}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId) });
  const ws = base.replace(/^http/, "ws");
  // Another office of the same organisation: its queue, through the same Worker (auth, the site list).
  const otherOffice = () => api(base, "/api/v1/sites/demo/queue", { token: admin });
  const numerek = await measure(
    {
      name: "numerek",
      take: (i) =>
        timed(base, `${site}/tickets`, {
          method: "POST",
          json: { matterId: i % 2 ? "pj" : "rej" },
          headers: { Authorization: `Bearer ${admin}`, "Idempotency-Key": `wake-${siteId}-${i}` },
        }),
      phoneUrls: (day) => day.map((r) => `${ws}/api/v1/etickets/${r.body.eticketUrl.split("/t/")[1]}/live`),
      abort: () => api(base, `/bench/wake/${siteId}/abort`, { method: "POST" }),
      starts: async () => (await api(base, "/bench/wake/started")).started,
    },
    otherOffice,
    inspectorPort,
  );
  // The floor, in the same run: the bare object (baseline-object.ts) with the same day and phones; its
  // constructor loads only its waiting tickets' ids from SQLite.
  const floor = await measure(
    {
      name: "floor",
      take: (i) => timed(base, "/bench/baseline/ticket", { method: "POST", json: { matterId: i % 2 ? "pj" : "rej" } }),
      phoneUrls: (day) => day.map((r) => `${ws}/bench/baseline/live?role=eticket&ticket=${r.body.id}`),
      abort: () => api(base, "/bench/baseline/abort", { method: "POST" }),
      starts: async () => (await api(base, "/bench/wake/started")).baseline,
    },
    otherOffice,
    inspectorPort,
  );
  return { numerek, floor };
}

function table(load0, { numerek, floor }, loadAfter, path) {
  const cores = availableParallelism();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const ms = (xs) => xs.map((x) => x.ms ?? x);
  const evictions = (xs) => {
    const fresh = xs.filter((x) => x.newInstance).length;
    const kept = [...new Set(xs.map((x) => `${x.openAfterEviction}/${x.openBefore}`))].join(", ");
    return `new instance ${fresh} of ${xs.length}; sockets open after eviction ${kept}`;
  };
  const row = (label, mine, base, target) => {
    const [p50, p99] = [percentile(ms(mine), 0.5), percentile(ms(mine), 0.99)];
    const [f50, f99] = [percentile(ms(base), 0.5), percentile(ms(base), 0.99)];
    const verdict = target ? `< ${TARGET_MS} ms: ${p99 < TARGET_MS ? "PASS" : "**FAIL**"}` : "";
    const what = mine[0]?.ms === undefined ? "" : `numerek: ${evictions(mine)}; floor: ${evictions(base)}`;
    return `| ${label} | ${mine.length} | ${f(p50)} / ${f(p99)} | ${f(f50)} / ${f(f99)} | ${f(p50 / f50, 2)} | ${what} | ${verdict} |`;
  };
  const fresh = (xs) => xs.every((x) => x.newInstance);
  const codes = [...new Set([...numerek.closes, ...floor.closes])].join("; ");
  return [
    `Machine: ${cpu}, ${cores} cores; Node ${process.version}; workerd ${version("workerd")}; wrangler ${version("wrangler")} (wrangler dev, local, requests and sockets ${path});`,
    `load average (1 / 5 / 15 min) ${load0.map((x) => f(x, 2)).join(" / ")} before, ${f(loadAfter, 2)} (1 min) after${Math.max(load0[0], loadAfter) > cores ? `: more runnable work than the ${cores} cores, other work on the machine shows up in these figures` : ""}.`,
    `One site with ${N.tickets} of today's tickets (taken through the API in ${f(numerek.fillSeconds)} s) and ${N.etickets} e-ticket sockets;`,
    "each sample is one kiosk walk-in (POST tickets through the Worker), the first request after the object went away.",
    `The floor is the bare object (test/bench/baseline-object.ts) with the same ${N.tickets} tickets and ${N.etickets} sockets, measured in the same run.`,
    "",
    "| First request after | samples | numerek p50 / p99 (ms) | floor p50 / p99 (ms) | p50 ratio | what happened | target |",
    "|---|---:|---:|---:|---:|---|---|",
    row("nothing (warm object, for comparison)", numerek.warm, floor.warm, false),
    row(
      `${IDLE_MS / 1000} s idle while other offices work (workerd's own eviction of this object)`,
      numerek.results.city,
      floor.results.city,
      fresh(numerek.results.city),
    ),
    row(
      `${IDLE_MS / 1000} s idle, the whole city quiet (the registry and the directory asleep too)`,
      numerek.results.idle,
      floor.results.idle,
      false,
    ),
    row("ctx.abort() (fresh instance over the same storage)", numerek.results.abort, floor.results.abort, true),
    "",
    `With ${N.idleReps} and ${N.abortReps} samples p99 is the slowest sample. Close frames the phones received: ${codes || "none"}.`,
    ...[
      ["while other offices work", numerek.results.city],
      ["with the whole city quiet", numerek.results.idle],
    ]
      .filter(([, xs]) => !fresh(xs))
      .map(
        ([how, xs]) =>
          `Idle ${how}: in ${xs.filter((x) => !x.newInstance).length} of ${xs.length} samples no new instance started after ${IDLE_MS / 1000} s without requests to it, so workerd in wrangler dev did not evict the object; those are warm requests, not wake-ups, and there is no verdict.`,
      ),
    "While other offices work, one of them asks for its queue through the same Worker every",
    `${CITY_EVERY_MS / 1000} s until ${CITY_QUIET_BEFORE_MS / 1000} s before the probe: the Worker's lists of sites and of revoked accounts stay fresh and the`,
    "registry and directory objects awake, as a city's traffic keeps them. With the whole city quiet, the first request also",
    "has the Worker refresh both lists behind it, which wakes those two objects in the same workerd (on Cloudflare they run elsewhere).",
  ].join("\n");
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench:wake: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const load0 = loadavg();
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    const { base, path } = await benchBase(server);
    const r = await run(base, server.inspectorPort);
    console.log(table(load0, r, loadavg()[0], path));
  } catch (e) {
    console.error(`bench:wake failed: ${e.stack ?? e}\n--- wrangler output (tail) ---\n${server.log()}`);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit(); // the sockets would otherwise keep the process alive
}

await main();
