#!/usr/bin/env node
// npm run bench:city [-- --minutes M --day tue --seed 1]: a day of the seven Toruń and Koszalin demo
// sites at 60× speed against one local server (wrangler dev as the other benches start it, the Worker's
// booking human check pointed at the loopback Turnstile stand-in). Each site's day, from its opening to
// its closing on --day, runs from the start of the run: kiosk walk-ins (kiosk.mjs), a clerk at every desk
// (clerk.mjs), e-tickets followed on phones (phones.mjs), bookings through the public API (bookings.mjs,
// citizen.mjs) and, at 8:00, a booking storm at Toruń's Wydział Komunikacji (storm.mjs). Prints p50/p99
// per operation and the errors, which must be 0 (exit 1 otherwise), with the machine's load.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Prng } from "../../../objects/sim/prng.ts";
import { api } from "../clients.mjs";
import { startServer } from "../server.mjs";
import { directBase } from "../workerd.mjs";
import { runBookings } from "./bookings.mjs";
import { createCitizens } from "./citizen.mjs";
import { runClerk } from "./clerk.mjs";
import { startHumanCheck } from "./human-check.mjs";
import { runKiosk } from "./kiosk.mjs";
import { parseOptions } from "./options.mjs";
import { createOutbox } from "./outbox.mjs";
import { createPhones } from "./phones.mjs";
import { clock as runClock, runSpeed, walkInMinutes } from "./schedule.mjs";
import { prepareSites } from "./sites.mjs";
import { runStorm, STORM } from "./storm.mjs";
import { createTally, formatTable } from "./tally.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const loadavg = () => readFileSync("/proc/loadavg", "utf8").trim();
/** Time allowed beyond the day itself: the server's start, the last clients served, codes read. */
const SLACK_MS = 5 * 60_000;
/** The run starts this long after the set-up, so every actor is in place at the opening. */
const LEAD_MS = 1000;

async function main(options) {
  const loadBefore = loadavg();
  console.error(`bench:city: load before ${loadBefore}; starting the server…`);
  const turnstile = await startHumanCheck(root);
  const server = await startServer({ root, config: "test/bench/wrangler.bench.jsonc", vars: turnstile.vars }).catch((e) => {
    turnstile.close();
    throw e;
  });
  try {
    const base = server.base;
    const { token: admin } = await api(base, "/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin" } });
    const sites = await prepareSites(base, admin, options.day);
    const spans = sites.map((s) => s.day.close - s.day.open);
    const speed = runSpeed(spans, options.minutes);
    const clock = runClock(speed);
    const tally = createTally();
    // The phones go straight to the Worker's workerd, past wrangler's proxy, as in bench:phones.
    const phones = createPhones({ base: await directBase(server), tally });
    const citizens = createCitizens({ base, turnstile, outbox: createOutbox(base), tally });
    const startAt = performance.now() + LEAD_MS;
    const rng = (what) => new Prng(options.seed, what);
    const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    console.error(
      `bench:city: ${sites.length} sites, ${sites.reduce((n, s) => n + s.desks.length, 0)} desks, ${options.day}, ${speed.toFixed(1)}× ` +
        `(the longest day, ${Math.max(...spans) / 60} h, in ${(clock.msOf(Math.max(...spans)) / 60_000).toFixed(1)} min)…`,
    );
    const storm = sites.find((s) => s.id === STORM.siteId);
    const stormAt = startAt + clock.msOf(8 * 60 - storm.day.open);
    const stormRun = (async () => {
      const wait = stormAt - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return runStorm({ site: storm, citizens, rng: rng("storm") });
    })();
    const perSite = await Promise.all(
      sites.map(async (site) => {
        const span = site.day.close - site.day.open;
        const closeAt = startAt + clock.msOf(span);
        const arrivals = walkInMinutes({ span, desks: site.desks.length, seed: options.seed, stream: site.id });
        const [walkIns, bookings, ...served] = await Promise.all([
          runKiosk({ base, site, arrivals, clock, startAt, tally, phones, rng: rng(`kiosk ${site.id}`) }),
          runBookings({ site, citizens, clock, startAt, tally, rng: rng(`bookings ${site.id}`) }),
          ...site.desks.map((deskId) =>
            runClerk({ base, site, deskId, clock, closeAt, tally, phones, rng: rng(`clerk ${site.id} ${deskId}`) }),
          ),
        ]);
        return {
          site,
          walkIns,
          bookings,
          served: served.reduce((a, b) => a + b, 0),
          hours: `${hhmm(site.day.open)}-${hhmm(site.day.close)}`,
        };
      }),
    );
    const stormResult = await stormRun.catch((e) => {
      tally.fail("storm-hold", e.message);
      return null;
    });
    const leftWaiting = phones.hangUpAll();
    const loadAfter = loadavg();

    console.log(
      `\nnpm run bench:city${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}: ${options.day}, ${speed.toFixed(1)}×, seed ${options.seed}\n`,
    );
    console.log(formatTable(tally.rows()));
    console.log("\n| site | hours | desks | walk-ins | bookings | served |\n|---|---|---:|---:|---:|---:|");
    for (const r of perSite)
      console.log(`| ${r.site.id} | ${r.hours} | ${r.site.desks.length} | ${r.walkIns} | ${r.bookings} | ${r.served} |`);
    if (stormResult)
      console.log(
        `\nStorm at 8:00 (${STORM.siteId}, ${stormResult.day}): ${stormResult.attempts} citizens (${STORM.inFlight} at once) for ${stormResult.slots} free slots, ` +
          `${stormResult.confirmed} confirmed, ${stormResult.overbooked} slots over-booked, ${stormResult.seconds.toFixed(1)} s.`,
      );
    console.log(
      `Bookings confirmed ${citizens.counts.confirmed}, checked in ${citizens.counts.checkedIn}, slots taken meanwhile ${citizens.counts.refused}; ` +
        `e-tickets ${phones.counts.phones}, socket frames ${phones.counts.frames}, calls not timed (socket opened after the call) ${phones.counts.untimed}, ` +
        `phones still waiting at closing ${leftWaiting}.`,
    );
    const errors = tally.errorCount() + (stormResult?.overbooked ?? 1);
    console.log(`Errors: ${errors}${errors ? `: ${tally.firstErrors(10).join("; ")}` : ""}`);
    console.log(`Load average (1 / 5 / 15 min, runnable/all, last pid): before ${loadBefore}, after ${loadAfter}.`);
    return errors === 0 ? 0 : 1;
  } finally {
    await server.stop();
    turnstile.close();
  }
}

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  console.error(`bench:city: ${e.message}`);
  process.exit(2);
}
const watchdog = setTimeout(
  () => {
    console.error("bench:city: no result in time");
    process.exit(2);
  },
  (options.minutes ?? 11) * 60_000 + SLACK_MS,
);
watchdog.unref();
main(options).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
