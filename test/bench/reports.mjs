#!/usr/bin/env node
// npm run bench:reports: the statistics over a year. Starts its own `wrangler dev` (as npm run bench:
// test/bench/wrangler.bench.jsonc on a snapshot of the sources, free loopback port, temp state, see
// server.mjs), gives one site a year of simulated visits (the demo history's entry point, 1,000 visits on
// each working day: Monday to Friday except public holidays), takes some tickets today and serves some,
// then times through the full HTTP path, as a manager asks:
//   1. the 30-day report, and the one-year report (365 days), each under 1 second;
//   2. today's live figures, under 100 ms;
// and prints a markdown table with the machine's load and the site's SQLite size; exits 1 when a target is missed.
// BENCH_DEBUG=1 shows wrangler's output.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { api, percentile, pool } from "./clients.mjs";
import { startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { days: 365, visitsPerDay: 1000, chunkDays: 30, todayTickets: 200, todayServed: 60, runs: 20, warmup: 2 };
const TARGET = { reportMs: 1000, liveMs: 100 };
const WATCHDOG_MS = 30 * 60_000;

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  return { cpu, cores: availableParallelism(), node: process.version, workerd: version("workerd"), wrangler: version("wrangler") };
}

const localDay = (at) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(at);
const daysBefore = (day, n) => new Date(Date.parse(`${day}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** An office open Monday to Friday (around the clock, so today's tickets can be taken at any hour; its history is simulated 07:00–18:00), closed on public holidays; today is open whatever day it is. */
function siteConfig(siteId, today) {
  const allDay = [["00:00", "24:00"]];
  const matter = (id, name, prefix, serviceMinutes) => ({ id, name, prefix, serviceMinutes });
  return {
    id: siteId,
    city: "Benchowo",
    name: `Urząd ${siteId}`,
    address: "ul. Pomiarowa 1",
    voice: false,
    noShowRecallSeconds: 60,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: [], sun: [] },
    specialDays: [{ date: today, hours: allDay }],
    closedOnPublicHolidays: true,
    departments: [
      { id: "wo", name: "Wydział Obywatelski", matters: [matter("dow", "Dowód osobisty", "D", 8), matter("mel", "Meldunek", "M", 6)] },
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [matter("rej", "Rejestracja pojazdu", "R", 12), matter("pj", "Prawo jazdy", "P", 10)],
      },
    ],
    desks: Array.from({ length: 12 }, (_, i) => ({
      id: `d${i + 1}`,
      name: `Stanowisko ${i + 1}`,
      number: i + 1,
      matterIds: i < 6 ? ["dow", "mel"] : ["rej", "pj"],
    })),
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    booking: { horizonDays: 14, checkIn: "kiosk" },
  };
}

const stats = (xs) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99), max: Math.max(...xs) });

/** `runs` timed GETs of `path` (after a warm-up), one at a time. */
async function timeGet(base, path, token) {
  const times = [];
  for (let i = 0; i < N.warmup + N.runs; i++) {
    const t0 = performance.now();
    const body = await api(base, path, { token });
    if (i >= N.warmup) times.push(performance.now() - t0);
    if (i === 0) timeGet.last = body;
  }
  return stats(times);
}

async function bench(base) {
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const siteId = `reports-${Date.now().toString(36)}`;
  const site = `/api/v1/sites/${siteId}`;
  const today = localDay(new Date());
  await api(base, `${site}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId, today) });

  // A year of history, a month at a time (each call fills only the days not filled yet).
  const t0 = performance.now();
  const loaded = { workingDays: 0, closedDays: 0, visits: 0, databaseSize: 0 };
  for (let days = N.chunkDays; ; days = Math.min(N.days, days + N.chunkDays)) {
    const r = await api(base, `/bench/history/${siteId}`, {
      method: "POST",
      json: { days, visitsPerDay: N.visitsPerDay },
      timeoutMs: 300_000,
    });
    for (const k of ["workingDays", "closedDays", "visits"]) loaded[k] += r.value[k];
    loaded.databaseSize = r.value.databaseSize;
    console.error(`bench: ${days} days back: ${loaded.workingDays} working days, ${loaded.visits} visits`);
    if (days === N.days) break;
  }
  const loadSeconds = (performance.now() - t0) / 1000;

  // Today: tickets taken, some served.
  await pool(N.todayTickets, 8, (i) =>
    api(base, `${site}/tickets`, { method: "POST", token: admin, json: { matterId: ["dow", "mel", "rej", "pj"][i % 4] }, expect: 201 }),
  );
  for (let i = 0; i < N.todayServed; i++) {
    const d = `d${(i % 12) + 1}`;
    for (const a of ["call-next", "start", "finish"]) await api(base, `${site}/desks/${d}/${a}`, { method: "POST", token: admin });
  }

  const report = (from) => `${site}/statistics?from=${from}&to=${today}`;
  const month = await timeGet(base, report(daysBefore(today, 29)), admin);
  const monthArrived = timeGet.last.totals.arrived;
  const year = await timeGet(base, report(daysBefore(today, N.days - 1)), admin);
  const yearArrived = timeGet.last.totals.arrived;
  const live = await timeGet(base, report(today), admin);
  const liveArrived = timeGet.last.totals.arrived;
  const after = await api(base, `/bench/history/${siteId}`, { method: "POST", json: { days: N.days } });
  return {
    loaded,
    loadSeconds,
    databaseSize: after.value.databaseSize,
    month: { ...month, arrived: monthArrived },
    year: { ...year, arrived: yearArrived },
    live: { ...live, arrived: liveArrived },
  };
}

const f = (x, d = 1) => x.toFixed(d);
const holds = (ok) => (ok ? "yes" : "**NO**");

function table(m, r, load) {
  const mb = (bytes) => `${f(bytes / 1_048_576)} MB`;
  const row = (name, s, target) => [
    name,
    s.arrived.toLocaleString("en"),
    `${f(s.p50)} / ${f(s.p99)}`,
    `< ${target} ms`,
    holds(s.p99 < target),
  ];
  const rows = [
    row("30-day report (29 days past + today)", r.month, TARGET.reportMs),
    row(`One-year report (${N.days} days)`, r.year, TARGET.reportMs),
    row("Today's live figures", r.live, TARGET.liveMs),
  ];
  const ok = rows.every((x) => x[4] === "yes");
  const text = [
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; workerd ${m.workerd}; wrangler ${m.wrangler} (wrangler dev, local);`,
    `load average (1 / 5 / 15 min) ${load.before.map((x) => f(x, 2)).join(" / ")} before, ${load.after.map((x) => f(x, 2)).join(" / ")} after.`,
    `One site (2 departments, 4 matters, 12 desks): ${r.loaded.workingDays} working days of simulated history (${r.loaded.visits.toLocaleString("en")} visit parts,`,
    `${N.visitsPerDay} tickets a day) and ${r.loaded.closedDays} closed days over ${N.days} days, loaded in ${f(r.loadSeconds)} s; today ${N.todayTickets} tickets, ${N.todayServed} served.`,
    `GET /api/v1/sites/{id}/statistics (JSON, as a manager) ${N.runs} times each after ${N.warmup} warm-up, one at a time.`,
    "",
    "| Request | arrived | p50 / p99 (ms) | target (p99) | holds |",
    "|---|---:|---:|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
    "",
    `The site object's SQLite database after the year: ${mb(r.databaseSize)} (a Durable Object may hold 10 GB).`,
    `Targets: ${ok ? "all hold" : "MISSED (rows marked NO)"}.`,
  ].join("\n");
  return { text, ok };
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM"); // server.mjs stops wrangler on SIGTERM
  }, WATCHDOG_MS);
  const m = machine();
  const before = loadavg();
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    console.error(`bench: reports on ${server.base}: a year of ${N.visitsPerDay} visits a day…`);
    const r = await bench(server.base);
    const { text, ok } = table(m, r, { before, after: loadavg() });
    console.log(text);
    if (!ok) process.exitCode = 1;
  } catch (e) {
    console.error(`bench failed: ${e.stack ?? e}\n--- wrangler output (tail) ---\n${server.log()}`);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit();
}

await main();
