#!/usr/bin/env node
// npm run bench:eta: how the wait estimates hold on 30 simulated office days (objects/sim/: the real queue
// rules, a day with a morning peak and a lunch dip, breaks, bookings, no-shows, transfers, priority clients).
// Prints, for today's single number and for the range side by side, a markdown table over all days and per
// day shape, PASS or FAIL for each target of the range (80 % to 92 % of real waits inside; midpoint MAE at
// least 30 % below today's) and the machine's load; exits 1 when a target is missed.
//   npm run bench:eta -- --seed-offset 1000   30 other days of the same shapes (the estimator was calibrated on the default ones)
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { benchRows, benchTable, runBench, verdicts } from "../objects/sim/bench.ts";

const { values } = parseArgs({ options: { "seed-offset": { type: "string", default: "0" } } });
const seedOffset = Number(values["seed-offset"]);
if (!Number.isInteger(seedOffset) || seedOffset < 0) {
  console.error(`--seed-offset wants a whole number, got ${values["seed-offset"]}`);
  process.exit(2);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const loadBefore = load();
const started = performance.now();
const days = runBench(seedOffset);
const seconds = (performance.now() - started) / 1000;
const rows = benchRows(days);

const seeds = seedOffset === 0 ? "the calibration's seeds" : `seeds shifted by ${seedOffset}`;
console.log(`bench:eta: ${days.length} simulated days (${seeds}), ${rows.all.accuracy.tickets} tickets, in ${seconds.toFixed(1)} s`);
console.log("");
console.log(benchTable(rows));
console.log("");
let failed = false;
for (const v of verdicts(rows.all.accuracy)) {
  console.log(`${v.pass ? "PASS" : "FAIL"}  ${v.line}`);
  failed ||= !v.pass;
}
console.log("");
console.log(`"same minute": the real wait, rounded to whole minutes, equals the number shown (a point has no width).`);
console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after; ${availableParallelism()} cores, Node ${process.version}`);
process.exitCode = failed ? 1 : 0;
