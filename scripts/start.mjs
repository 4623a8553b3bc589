#!/usr/bin/env node
// npm start: installs what is missing, starts numerek locally on workerd (wrangler dev)
// with the demo data, and prints the address of every client.
//   npm start                      http://localhost:8787, this machine only
//   PORT=8080 npm start            another port (or: npm start -- --port 8080)
//   npm start -- --lan             also a phone on the same network: listens on every interface, and the
//                                  QR codes and links carry the machine's LAN address (or NUMEREK_LAN=1;
//                                  --lan=192.168.1.23 names the address)
// Plain JavaScript for any Node >= 18: the machine's own Node runs this file, while
// wrangler runs on the Node 24 that `npm ci` puts in node_modules/.bin.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { lanAddress, redactLine, startOptions } from "./start-options.mjs";
import { startTurnstileStandIn } from "./turnstile-stand-in.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "node_modules", ".bin");
let options;
try {
  options = startOptions(process.argv.slice(2), process.env);
} catch (err) {
  console.error(`numerek: ${err.message}`);
  process.exit(2);
}
const { port } = options;
const lan = options.lan === true ? lanAddress(networkInterfaces()) : options.lan || null;
if (options.lan === true && !lan)
  console.log("numerek: no network address found (is the machine on a network?): starting for this machine only.");
// Where the clients are opened, and what the QR codes and links carry (the Worker's PUBLIC_URL).
const base = `http://${lan ?? "localhost"}:${port}`;
// Where this script and the print agent reach the Worker: always this machine.
const local = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PATH: `${bin}:${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
  // The Worker does not read request.cf; without this, wrangler asks Cloudflare for it at every start
  // and, offline, prints a warning with a stack trace.
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(bin, "wrangler")) || !existsSync(join(bin, "node"))) {
  console.log("numerek: installing dependencies (npm install, from the lockfile)…");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}
// The print agent speaks with espeak-ng and sox. Install them where we may (root on Debian); else say so.
const missing = ["espeak-ng", "sox"].filter((cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0);
if (missing.length) {
  if (process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    console.log(`numerek: installing ${missing.join(", ")} for the print agent's voice (apt-get)…`);
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.log(`numerek: ${missing.join(" and ")} not found: the demo print agent will print but not speak (install them to hear calls).`);
  }
}
if (existsSync(join(root, "clients", "package.json")) || existsSync(join(root, "vite.config.ts"))) {
  run("npm", ["run", "--silent", "build:clients", "--if-present"]);
}

// The booking form's human check: a loopback stand-in for Cloudflare Turnstile (its widget script and
// siteverify), since the demo must work offline; production uses Cloudflare's (see README, Production).
const turnstile = await startTurnstileStandIn({ host: lan ?? "127.0.0.1" });
const turnstileVars = Object.entries(turnstile.vars()).flatMap(([name, value]) => ["--var", `${name}:${value}`]);

const wrangler = spawn(
  join(bin, "wrangler"),
  [
    "dev",
    "--port",
    String(port),
    "--ip",
    lan ? "0.0.0.0" : "127.0.0.1",
    "--show-interactive-dev-session=false",
    "--var",
    `PUBLIC_URL:${base}`,
    ...turnstileVars,
  ],
  {
    cwd: root,
    // Through a pipe wrangler would drop its colours; a terminal still gets them.
    env: process.stdout.isTTY ? { ...env, FORCE_COLOR: "1" } : env,
    stdio: ["ignore", "pipe", "pipe"],
  },
);
// Wrangler's lines pass through redactLine: no e-ticket's key in a request path, no citizen's e-mail address.
for (const [from, to] of [
  [wrangler.stdout, process.stdout],
  [wrangler.stderr, process.stderr],
]) {
  createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => to.write(`${redactLine(line)}\n`));
}
/** The demo site's print agent (started once the Worker answers, so its first sign-in succeeds). */
let agent = null;
const stop = () => {
  agent?.kill("SIGINT");
  wrangler.kill("SIGINT");
  void turnstile.close();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// A child that cannot be started (a missing or broken install) says so instead of ending this script with a stack.
wrangler.on("error", (err) => {
  console.error(`numerek: wrangler could not be started (${err.message}); run npm install and try again.`);
  stop();
  process.exit(1);
});
wrangler.on("exit", (code) => {
  agent?.kill("SIGINT");
  process.exit(code ?? 0);
});

const reachable = lan ?? lanAddress(networkInterfaces());
const phone = lan
  ? `  On a phone          every address above works from a phone on the same network, and the QR codes carry it.
                      (This machine's firewall must let port ${port} in; the demo accounts are open to that network.)`
  : `  On a phone          \`npm start -- --lan\` opens numerek to phones on the same network${reachable ? ` (http://${reachable}:${port})` : ""}.`;

// Wait until the Worker answers (the first request loads the demo cities), then show the way in.
console.log("numerek: starting the Worker on workerd; the first start loads the demo data and may take a minute…");
for (let i = 0; i < 240; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fetch(`${local}/api/v1/sites`);
    if (!res.ok) continue;
    const { sites } = await res.json();
    console.log(`
numerek is running on workerd with ${sites.length} demo sites (${sites.map((s) => s.id).join(", ")}).

  API                 ${base}/api/v1/sites
  OpenAPI             ${base}/api/openapi.json
  Kiosk               ${base}/kiosk/demo
  Group screen        ${base}/display/demo
  Desk screen         ${base}/desk-display/demo/d1
  Clerk console       ${base}/clerk
  E-ticket            ${base}/t/<token from a ticket>
  Booking site        ${base}/booking   (human check: a local Turnstile stand-in at ${turnstile.origin})
  Manager page        ${base}/admin
  Message outbox      ${base}/dev/outbox   (every SMS and e-mail the demo sends; API: ${base}/api/v1/dev/outbox)
  Live queues         ${base}/kolejki   (public; widget: <script src="${base}/widget.js" data-site="demo" async></script>)
  Live socket         ws://${lan ?? "localhost"}:${port}/api/v1/sites/demo/live?role=display&access_token=<token>
${phone}

  Print agent (demo)  tickets as PNG: print-agent/.demo/tickets/   calls as WAV: print-agent/.demo/calls/
  Local fallback      http://127.0.0.1:8790/continuity/v1/health   (the agent serves the hall while the internet is down)

  Demo accounts: admin/admin (every site), kierownik/demo (manager of "demo"), urzednik1..4/demo (desks d1..d4 of "demo"),
  kiosk-demo/demo, ekran-demo/demo, agent-demo/demo; README lists the rest.
  Stop with Ctrl+C. State is kept in .wrangler/state between runs.
`);
    // The demo site's print agent: a virtual printer writing each ticket as a PNG and a WAV file for every call.
    agent = spawn(join(bin, "node"), ["print-agent/main.ts", "print-agent/demo.json"], {
      cwd: root,
      env: { ...env, NUMEREK_SERVER: local },
      stdio: ["ignore", "inherit", "inherit"],
    });
    agent.on("error", (err) =>
      console.error(`numerek: the demo print agent could not be started (${err.message}); the rest runs without it.`),
    );
    break;
  } catch {
    /* not up yet */
  }
}
if (!agent) console.log("numerek: the Worker has not answered for two minutes: wrangler's lines above say why.");
