#!/usr/bin/env node
// npm run faults: the fault matrix. Each row runs one fault against a real local server
// (`wrangler dev` with --persist-to, killed with SIGKILL and started again on the same storage and
// port) and real print agent processes, and the table says what was expected, what was observed,
// and how many commands were lost or doubled. Not part of `npm test`: it takes minutes.
//   npm run faults                          every row
//   npm run faults -- --only ticket-burst   one row (or several, comma-separated)
//   npm run faults -- --outage-minutes 10   the internet cut's length (default 2)
import { readFileSync } from "node:fs";
import { faultOptions } from "./options.mjs";
import { ROWS } from "./rows/index.mjs";
import { formatTable, summary } from "./table.mjs";

process.env.WRANGLER_SEND_METRICS = "false";
let options;
try {
  options = faultOptions(
    process.argv.slice(2),
    ROWS.map((r) => r.name),
  );
} catch (e) {
  console.error(`faults: ${e.message}`);
  process.exit(2);
}

/** A row's fault and expectation may depend on the options (the outage's length). */
const text = (v) => (typeof v === "function" ? v(options) : v);
const results = [];
const began = Date.now();
for (const row of ROWS.filter((r) => options.only.includes(r.name))) {
  const t0 = Date.now();
  process.stderr.write(`faults: ${row.name}…\n`);
  let result;
  try {
    const r = await row.run(options);
    result = { fault: text(row.fault), expected: text(row.expected), ...r };
    result.passed ??= r.lost === 0 && r.doubled === 0;
  } catch (e) {
    result = {
      fault: text(row.fault),
      expected: text(row.expected),
      observed: `failed: ${e.message}`,
      lost: null,
      doubled: null,
      passed: false,
    };
  }
  results.push(result);
  process.stderr.write(
    `faults: ${row.name} done in ${Math.round((Date.now() - t0) / 1000)} s (lost ${result.lost ?? "–"}, doubled ${result.doubled ?? "–"})\n`,
  );
}
const load = (() => {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return "unknown";
  }
})();
console.log(formatTable(results));
console.log(`\n${summary(results)} ${Math.round((Date.now() - began) / 1000)} s in all; load average ${load}.`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
