#!/usr/bin/env node
// npm run bench:pump: what SMS pumping and bombing get out of the booking form. Starts its own
// `wrangler dev` (see server.mjs) and five bookable sites, then sends four runs of 1,000 booking
// requests (16 in flight) and counts the codes that went out (each 202 sends one; checked against the
// demo outbox):
//   1. citizens: 1,000 people, each with their own number and address (nothing may be held back);
//   2. bombing: one number from 1,000 addresses, spread over the five sites;
//   3. pumping from one address: 1,000 numbers from one address, spread over the five sites;
//   4. pumping abroad: 1,000 British mobile numbers (a country the sites do not send to), 1,000 addresses;
// and, for the cost of a request, the floor: 1,000 inserts into a bare object (test/bench/baseline-object.ts)
// in the same run. Prints a markdown table. BENCH_DEBUG=1 shows wrangler's output.
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLIENT_CODES, CONTACT_CODES } from "../../objects/limits/allowance.ts";
import { api, percentile, pool, timed } from "./clients.mjs";
import { startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const N = { requests: 1000, inFlight: 16, sites: 5 };
const WATCHDOG_MS = 15 * 60_000;

/** Open 06:00-22:00 every day, two booking desks, 5-minute slots: thousands of free slots in 14 days. */
function siteConfig(siteId) {
  const day = [["06:00", "22:00"]];
  return {
    id: siteId,
    city: "Benchowo",
    name: `Urząd ${siteId}`,
    address: "ul. Pomiarowa 1",
    voice: false,
    timeZone: "Etc/UTC",
    openingHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    departments: [
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [{ id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 5, slotMinutes: 5, bookingDesks: 2 }],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["rej"] },
    ],
    devices: [],
    // One number may hold many visits at a site here, so that only the deployment's counts stop it.
    booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0, maxActivePerContact: 20 },
    closedOnPublicHolidays: false,
    noShowRecallSeconds: 60,
  };
}

const ipOf = (run, i) => `10.${run}.${(i >> 8) & 255}.${i & 255}`;

async function run(base, sites, starts, name, request) {
  const answers = await pool(N.requests, N.inFlight, (i) => {
    const { siteIndex, phone, ip } = request(i);
    const siteId = sites[siteIndex];
    return timed(base, "/api/v1/bookings", {
      method: "POST",
      headers: { "CF-Connecting-IP": ip },
      json: { siteId, matterId: "rej", start: starts[siteId][i % starts[siteId].length], name: `Obywatel ${i}`, phone, consent: true },
    });
  });
  const byAnswer = {};
  for (const a of answers) {
    const k = a.status === 202 ? "202" : `${a.status} ${a.body?.error?.code ?? "?"}`;
    byAnswer[k] = (byAnswer[k] ?? 0) + 1;
  }
  const ms = answers.map((a) => a.ms);
  return { name, codes: byAnswer["202"] ?? 0, byAnswer, p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

async function outboxCodes(base, siteId) {
  const { messages } = await api(base, `/api/v1/dev/outbox?siteId=${siteId}&limit=500`);
  return messages.filter((m) => m.siteId === siteId && m.kind === "code").length;
}

async function bench(base) {
  const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
  const stamp = Date.now().toString(36);
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
  const make = async (name) => {
    const ids = Array.from({ length: N.sites }, (_, k) => `pump-${stamp}-${name}-${k}`);
    const starts = {};
    for (const id of ids) {
      await api(base, `/api/v1/sites/${id}?org=demo`, { method: "PUT", token: admin, json: siteConfig(id) });
      const days = (await api(base, `/api/v1/sites/${id}/availability?matterId=rej&from=${today}&to=${to}`)).days;
      starts[id] = days.flatMap((d) => d.slots).map((s) => s.start);
    }
    return { ids, starts };
  };

  // The floor: the same number of requests into a bare object that only inserts a row.
  const floor = await pool(N.requests, N.inFlight, () =>
    timed(base, "/bench/baseline/ticket", { method: "POST", json: { matterId: "rej" } }),
  );
  const floorMs = floor.map((a) => a.ms);

  const results = [];
  const citizens = await make("citizens");
  results.push(
    await run(base, citizens.ids, citizens.starts, "citizens: own number and address each", (i) => ({
      siteIndex: i % N.sites,
      phone: String(600_000_000 + i),
      ip: ipOf(1, i),
    })),
  );
  const bombing = await make("bombing");
  results.push(
    await run(base, bombing.ids, bombing.starts, "bombing: one number, 1,000 addresses", (i) => ({
      siteIndex: i % N.sites,
      phone: "600 999 001",
      ip: ipOf(2, i),
    })),
  );
  const oneAddress = await make("one-address");
  results.push(
    await run(base, oneAddress.ids, oneAddress.starts, "pumping: 1,000 numbers, one address", (i) => ({
      siteIndex: i % N.sites,
      phone: String(601_000_000 + i),
      ip: "10.3.0.1",
    })),
  );
  const abroad = await make("abroad");
  results.push(
    await run(base, abroad.ids, abroad.starts, "pumping abroad: 1,000 British mobiles", (i) => ({
      siteIndex: i % N.sites,
      phone: `+44 7400 ${String(100_000 + i)}`,
      ip: ipOf(4, i),
    })),
  );
  // The outbox agrees with the answers for the runs an attacker made (the citizens' 1,000 codes exceed its view).
  const outbox = {};
  for (const [name, made] of [
    ["bombing", bombing],
    ["pumping", oneAddress],
    ["abroad", abroad],
  ]) {
    let n = 0;
    for (const id of made.ids) n += await outboxCodes(base, id);
    outbox[name] = n;
  }
  return { floor: { p50: percentile(floorMs, 0.5), p99: percentile(floorMs, 0.99) }, results, outbox };
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "–");

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench:pump: no result after ${WATCHDOG_MS / 60_000} min; giving up`);
    process.kill(process.pid, "SIGTERM");
  }, WATCHDOG_MS);
  const loadBefore = loadavg()[0];
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc" });
  try {
    console.error(`bench:pump: on ${server.base}…`);
    const r = await bench(server.base);
    const [citizens, bombing, pumping, abroad] = r.results;
    const checks = [
      ["every citizen got a code", citizens.codes === N.requests],
      [
        `one number got ${CONTACT_CODES.perHour} codes`,
        bombing.codes === CONTACT_CODES.perHour && r.outbox.bombing === CONTACT_CODES.perHour,
      ],
      [
        `one address got ${CLIENT_CODES.perHour} codes`,
        pumping.codes === CLIENT_CODES.perHour && r.outbox.pumping === CLIENT_CODES.perHour,
      ],
      ["no code abroad", abroad.codes === 0 && r.outbox.abroad === 0],
      ["no 5xx", r.results.every((x) => Object.keys(x.byAnswer).every((k) => !/^(5|0)/.test(k)))],
    ];
    console.log(
      [
        `Machine: ${availableParallelism()} cores; Node ${process.version}; wrangler dev (local); load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`,
        `${N.requests.toLocaleString("en")} booking requests per run, ${N.inFlight} in flight, over ${N.sites} sites.`,
        "",
        "| run | codes sent | answers | p50 (ms) | p99 (ms) |",
        "|---|---:|---|---:|---:|",
        ...r.results.map(
          (x) =>
            `| ${x.name} | ${x.codes} | ${Object.entries(x.byAnswer)
              .sort()
              .map(([k, v]) => `${k}: ${v}`)
              .join(", ")} | ${f(x.p50)} | ${f(x.p99)} |`,
        ),
        `| floor: a bare object's insert | – | – | ${f(r.floor.p50)} | ${f(r.floor.p99)} |`,
        "",
        ...checks.map(([what, ok]) => `- ${ok ? "holds" : "**FAILS**"}: ${what}`),
      ].join("\n"),
    );
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } catch (e) {
    console.error(`bench:pump failed: ${e.stack ?? e}\n--- wrangler output (tail) ---\n${server.log()}`);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit();
}

await main();
