#!/usr/bin/env node
// npm run bench:site-list: what the site list costs a country's deployment. Every Worker instance keeps the
// list of sites (worker/sites.ts) and refreshes it every 10 s while it serves; the one registry object answers.
// Here 5,000 sites (the demo cities' configurations, repeated under new ids) are made into the list as the
// registry does at its start (SiteConfig through the schema, then publicSite), and the answer to a refresh is
// measured with V8's serializer, the one workerd's RPC uses between a Worker and an object: its bytes, and
// the time to write it (the registry) and read it (the Worker), for the whole list (a new Worker instance,
// and every refresh before the lists were sent as changes) and for one site changed since the Worker's
// version (what a refresh carries now); and the Worker laying that change over its list (withChanges).
// Each figure is the median of RUNS; Node's own process, no workerd. Prints a markdown table.
import { cpus, loadavg } from "node:os";
import { deserialize, serialize } from "node:v8";
import { DEMO_SITES } from "../../objects/directory/demo-data.ts";
import { publicSite } from "../../objects/registry/public-site.ts";
import { SiteConfig } from "../../protocol/config.ts";
import { withChanges } from "../../worker/known-sites.ts";

const SITES = Number(process.env.BENCH_SITES ?? 5000);
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (f) => {
  const ms = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), out };
};
const f = (x, d = 1) => x.toFixed(d);

const load = loadavg()[0];
const base = DEMO_SITES.map((c) => SiteConfig.parse(c));
const stored = Array.from({ length: SITES }, (_, i) =>
  JSON.stringify({ ...base[i % base.length], id: `urzad-${String(i).padStart(5, "0")}` }),
);
const orgs = Object.fromEntries(stored.map((_, i) => [`urzad-${String(i).padStart(5, "0")}`, `gmina-${i % 2500}`]));

const made = timed(() => stored.map((c) => publicSite(SiteConfig.parse(JSON.parse(c)))));
const sites = made.out;
const whole = { version: 1, whole: true, sites, orgs };
const changed = { ...sites[1234], name: `${sites[1234].name} (po zmianie)` };
const one = { version: 2, whole: false, sites: [changed], orgs: { [changed.id]: orgs[changed.id] } };
const none = { version: 2, whole: false, sites: [], orgs: {} };

const wire = (answer) => {
  const written = timed(() => serialize(answer));
  const read = timed(() => deserialize(written.out));
  return { bytes: written.out.length, write: written.ms, read: read.ms };
};
const rows = [
  ["the whole list (a new Worker instance; before, every refresh)", wire(whole)],
  ["one site changed since the Worker's version", wire(one)],
  ["nothing changed (an up-to-date Worker's refresh)", wire(none)],
];
const known = withChanges(null, whole);
const laid = timed(() => withChanges(known, one));
if (laid.out.byId.get(changed.id)?.name !== changed.name || laid.out.sites.length !== SITES)
  throw new Error("the change was not laid over the list");

console.log(
  `Machine: ${cpus()[0]?.model ?? "?"}, ${cpus().length} cores; Node ${process.version}; load average (1 min) ${f(load, 2)} before.`,
);
console.log(`${SITES} sites (the demo cities' ${base.length} configurations under new ids); each figure the median of ${RUNS}.\n`);
console.log("| A refresh's answer | bytes | registry writes it (ms) | Worker reads it (ms) |");
console.log("|---|---:|---:|---:|");
for (const [name, r] of rows) console.log(`| ${name} | ${r.bytes.toLocaleString("en")} | ${f(r.write)} | ${f(r.read)} |`);
console.log(`\nThe registry makes the list from its ${SITES} stored configurations at its start: ${f(made.ms, 0)} ms.`);
console.log(`A Worker lays one changed site over its list of ${SITES}: ${f(laid.ms, 2)} ms.`);
