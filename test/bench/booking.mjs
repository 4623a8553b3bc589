#!/usr/bin/env node
// npm run bench:booking: many citizens racing for few slots. Starts its own `wrangler dev` (see
// server.mjs: snapshot of the sources, free loopback port, temp state), creates a site whose one
// bookable matter has exactly 200 free slots (one day, 5-minute slots, one booking desk), fires 2,000
// booking attempts (200 in flight, distinct phones and client addresses) each at a random slot, confirms
// every hold (202) with its code from GET /api/v1/dev/outbox, and prints a table: holds, refusals by code,
// confirmed bookings, double-booked slots, 5xx answers, create latency; exits 1 when a check fails.
// The floor runs first in the same run: the same attempts at the same slots against a bare object that only
// inserts a hold with its code (test/bench/baseline-object.ts), so the table shows what the machine, the HTTP
// stack and workerd cost at this many in flight before numerek does anything. BENCH_PROFILE=file writes a CPU
// profile of workerd over the race (test/bench/profile.mjs).
// Every wait is bounded; loopback only. BENCH_DEBUG=1 shows wrangler's output. BENCH_HUMAN_CHECK=1 puts the
// human check in front, as in production: the Turnstile stand-in (scripts/turnstile-stand-in.mjs) runs in
// this process as siteverify, and each attempt carries a fresh token minted before the race (the citizen
// ticked the widget before sending).
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTurnstileStandIn } from "../../scripts/turnstile-stand-in.mjs";
import { api, percentile, pool, timed } from "./clients.mjs";
import { startProfile } from "./profile.mjs";
import { startServer } from "./server.mjs";
import { benchBase } from "./workerd.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// BENCH_ATTEMPTS=n runs a shorter race (the same 200 slots and 200 in flight).
// BENCH_IN_FLIGHT=n: fewer (or more) citizens pressing at the same moment.
const N = {
  slots: 200,
  attempts: Number(process.env.BENCH_ATTEMPTS ?? 2000),
  inFlight: Number(process.env.BENCH_IN_FLIGHT ?? 200),
  confirmInFlight: 20,
};
const WATCHDOG_MS = 10 * 60_000; // the whole run
const RESEND_AFTER_MS = 61_000; // a new code is allowed 60 s after the last
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A day two days ahead (UTC date; the site runs on UTC) with 06:00-22:40 open: 200 slots of 5 minutes. */
function siteConfig(siteId, date) {
  const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  const weekday = days[new Date(`${date}T12:00:00Z`).getUTCDay()];
  const openingHours = Object.fromEntries(days.map((d) => [d, d === weekday ? [["06:00", "22:40"]] : []]));
  return {
    id: siteId,
    city: "Benchowo",
    name: `Urząd ${siteId}`,
    address: "ul. Pomiarowa 1",
    voice: false,
    timeZone: "Etc/UTC",
    openingHours,
    departments: [
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [{ id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 5, slotMinutes: 5, bookingDesks: 1 }],
      },
    ],
    desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] }],
    devices: [],
    // Only `date` is inside the horizon, so the other days with its weekday are not offered.
    booking: { horizonDays: 3, checkIn: "kiosk", minNoticeMinutes: 0, maxActivePerContact: 1 },
    closedOnPublicHolidays: false,
    noShowRecallSeconds: 60,
  };
}

const phoneOf = (i) => String(600_000_000 + i);
const ipOf = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function main() {
  const standIn = process.env.BENCH_HUMAN_CHECK === "1" ? await startTurnstileStandIn() : null;
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc", vars: standIn?.vars() ?? {} });
  try {
    const { base, path } = await benchBase(server);
    const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
    const siteId = `bench-booking-${Date.now().toString(36)}`;
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await api(base, `/api/v1/sites/${siteId}?org=demo`, { method: "PUT", token: admin, json: siteConfig(siteId, date) });
    const to = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const availability = async () =>
      (await api(base, `/api/v1/sites/${siteId}/availability?matterId=rej&from=${today}&to=${to}`)).days.flatMap((d) => d.slots);
    const offered = await availability();
    const freeTotal = offered.reduce((n, s) => n + s.free, 0);
    if (offered.length !== N.slots || freeTotal !== N.slots)
      throw new Error(`expected ${N.slots} free slots, got ${offered.length} slots with ${freeTotal} free`);
    const starts = offered.map((s) => s.start);

    // 1. The race: 2,000 attempts, 200 in flight, each at a random slot.
    const pick = Array.from({ length: N.attempts }, () => starts[Math.floor(Math.random() * starts.length)]);
    const tokens = Array.from({ length: N.attempts }, () => standIn?.mint({ hostname: new URL(base).hostname, action: "booking" }));
    // 0. The floor, in the same run: the same attempts at the same slots against a bare object that does only
    // what a hold needs (one insert of the hold with its code; the slot's unique key refuses a second one).
    // The bare object is warmed first (its start and the JIT), as numerek's Worker was by the set-up.
    const loadBefore = loadavg()[0];
    await pool(N.inFlight * 2, N.inFlight, (i) =>
      timed(base, "/bench/baseline/hold", { method: "POST", json: { slot: `warm|${i % 100}`, phone: phoneOf(i) } }),
    );
    const floor = await pool(N.attempts, N.inFlight, (i) =>
      timed(base, "/bench/baseline/hold", { method: "POST", json: { slot: `${siteId}|${pick[i]}`, phone: phoneOf(i) } }),
    );
    const floorHolds = floor.filter((a) => a.status === 202).length;
    const floorLat = floor.map((a) => a.ms);

    const profiling = process.env.BENCH_PROFILE ? await startProfile(server.inspectorPort, process.env.BENCH_PROFILE) : null;
    const t0 = performance.now();
    const attempts = await pool(N.attempts, N.inFlight, async (i) => {
      const r = await timed(base, "/api/v1/bookings", {
        method: "POST",
        headers: { "CF-Connecting-IP": ipOf(i) },
        json: {
          siteId,
          matterId: "rej",
          start: pick[i],
          name: `Obywatel ${i}`,
          phone: phoneOf(i),
          consent: true,
          ...(tokens[i] ? { turnstileToken: tokens[i] } : {}),
        },
      });
      return { i, start: pick[i], holdAt: Date.now(), ...r };
    });
    const raceMs = performance.now() - t0;
    await profiling?.();
    const holds = attempts.filter((a) => a.status === 202);

    // 2. Confirm every hold with the code texted to its phone, read from this site's newest 500 messages
    // (all 200 codes fit); should a code be out of view, it is sent again (allowed after 60 s).
    const pending = new Map(holds.map((a) => [`+48${phoneOf(a.i)}`, a]));
    const confirmed = [];
    const confirmFailures = {};
    const deadline = Date.now() + 5 * 60_000;
    let resent = false;
    while (pending.size > 0 && Date.now() < deadline) {
      const { messages } = await api(base, `/api/v1/dev/outbox?siteId=${siteId}&limit=500`);
      const codes = new Map();
      for (const m of messages) {
        if (m.siteId !== siteId || m.kind !== "code" || codes.has(m.to)) continue; // newest first
        const code = /\b(\d{6})\b/.exec(m.body)?.[1];
        if (code && pending.has(m.to)) codes.set(m.to, code);
      }
      if (codes.size === 0) {
        if (resent) await sleep(1000);
        // Codes out of view: ask for new ones in batches that fit the view.
        const waitFor = Math.max(...[...pending.values()].map((a) => a.holdAt)) + RESEND_AFTER_MS - Date.now();
        if (waitFor > 0) await sleep(Math.min(waitFor, deadline - Date.now()));
        const batch = [...pending.values()].slice(0, 50);
        await pool(batch.length, N.confirmInFlight, (k) =>
          timed(base, `/api/v1/bookings/${batch[k].body.bookingId}/resend`, {
            method: "POST",
            headers: { "CF-Connecting-IP": ipOf(batch[k].i) },
            json: {},
          }),
        );
        resent = true;
        continue;
      }
      const batch = [...codes];
      await pool(batch.length, N.confirmInFlight, async (k) => {
        const [phone, code] = batch[k];
        const a = pending.get(phone);
        const r = await timed(base, `/api/v1/bookings/${a.body.bookingId}/confirm`, { method: "POST", json: { code } });
        if (r.status === 200) {
          confirmed.push({ start: r.body.start, ticketNumber: r.body.ticketNumber });
          pending.delete(phone);
        } else {
          const c = `${r.status} ${r.body?.error?.code ?? "?"}`;
          confirmFailures[c] = (confirmFailures[c] ?? 0) + 1;
          if (r.status !== 422) pending.delete(phone);
        }
      });
    }

    // 3. The checks.
    const refused = {};
    let fivexx = 0;
    for (const a of attempts) {
      if (a.status >= 500 || a.status === 0) fivexx++;
      if (a.status !== 202) {
        const key = `${a.status} ${a.body?.error?.code ?? "?"}`;
        refused[key] = (refused[key] ?? 0) + 1;
      }
    }
    const perSlot = new Map();
    for (const c of confirmed) perSlot.set(c.start, (perSlot.get(c.start) ?? 0) + 1);
    const doubleBooked = [...perSlot.values()].filter((n) => n > 1).length;
    const attempted = new Set(pick);
    const unattempted = starts.filter((s) => !attempted.has(s)).length;
    const freeAfter = (await availability()).reduce((n, s) => n + s.free, 0);
    const lat = attempts.map((a) => a.ms);
    const tickets = new Set(confirmed.map((c) => c.ticketNumber));

    const checks = [
      ["holds ≤ slots", holds.length <= N.slots],
      [`confirmed = slots with an attempt (${N.slots - unattempted})`, confirmed.length === N.slots - unattempted],
      ["double-booked slots = 0", doubleBooked === 0],
      ["5xx / network errors = 0", fivexx === 0],
      ["every hold confirmed", pending.size === 0],
      ["ticket numbers unique", tickets.size === confirmed.length],
      [`free slots after = unattempted (${unattempted})`, freeAfter === unattempted],
    ];
    const rows = [
      ["attempts", N.attempts],
      ["human check", standIn ? `Turnstile stand-in, ${standIn.verified} tokens accepted` : "off (demo without keys)"],
      ["in flight", N.inFlight],
      ["slots offered (free)", `${offered.length} (${freeTotal})`],
      ["holds (202)", holds.length],
      ...Object.entries(refused)
        .sort()
        .map(([k, v]) => [`refused ${k}`, v]),
      ["confirmed bookings", confirmed.length],
      ...Object.entries(confirmFailures)
        .sort()
        .map(([k, v]) => [`confirm answered ${k}`, v]),
      ["slots with no attempt", unattempted],
      ["double-booked slots (confirmed > bookingDesks=1)", doubleBooked],
      ["5xx answers (create)", fivexx],
      ["free slots left after", freeAfter],
      ["create latency p50 / p99 (ms)", `${percentile(lat, 0.5).toFixed(1)} / ${percentile(lat, 0.99).toFixed(1)}`],
      ...[
        ["holds", (a) => a.status === 202],
        ["refusals", (a) => a.status !== 202],
      ].map(([what, which]) => {
        const l = attempts.filter(which).map((a) => a.ms);
        return [`… of the ${what} p50 / p99 (ms)`, l.length ? `${percentile(l, 0.5).toFixed(1)} / ${percentile(l, 0.99).toFixed(1)}` : "-"];
      }),
      ["create phase wall time (s)", (raceMs / 1000).toFixed(2)],
      [
        "floor: bare object, one insert per hold, p50 / p99 (ms)",
        `${percentile(floorLat, 0.5).toFixed(1)} / ${percentile(floorLat, 0.99).toFixed(1)} (${floorHolds} holds)`,
      ],
      ["create p99 / floor p99", (percentile(lat, 0.99) / percentile(floorLat, 0.99)).toFixed(2)],
      ["load average (1 min) before / after", `${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`],
      ["requests", path],
      ["codes re-sent (out of outbox view)", resent ? "yes" : "no"],
    ];
    console.log("\n| measure | value |\n|---|---|");
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
    console.log("\n| check | holds |\n|---|---|");
    for (const [k, ok] of checks) console.log(`| ${k} | ${ok ? "yes" : "NO"} |`);
    return checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    await server.stop();
    await standIn?.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench:booking: no result within ${WATCHDOG_MS / 1000} s`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
