// Starts `wrangler dev` for the bench (own config, free loopback port, throw-away state) and stops it.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Loopback only and left alone: no metrics, no npm update check (banner), no download of the
 * Request.cf object; a private dev registry (the shared one makes every wrangler dev on the
 * machine reload, dropping all sockets, whenever another one starts or stops); no config
 * watching; no local observability collector (a dev tool; it throws on every trace).
 */
const quietEnv = (dir) => ({
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  CI: "1",
  WRANGLER_REGISTRY_PATH: join(dir, "registry"),
  WRANGLER_CI_DISABLE_CONFIG_WATCHING: "true",
  X_LOCAL_OBSERVABILITY: "false",
});

/** What the bench Worker is built from (everything bench-worker.ts imports). */
const SOURCES = ["worker", "objects", "protocol", "test/bench", "tsconfig.json", "package.json"];

/**
 * wrangler dev rebuilds and restarts, closing every socket, when a source file changes; the
 * bench runs on a copy taken at the start, so edits made meanwhile neither reload nor mix in.
 */
function snapshot(root, dir) {
  const src = join(dir, "src");
  for (const p of SOURCES) cpSync(join(root, p), join(src, p), { recursive: true, filter: (f) => !f.includes(".wrangler") });
  symlinkSync(join(root, "node_modules"), join(src, "node_modules"));
  return src;
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns wrangler dev (on a snapshot of the sources, `config` relative to the root) and waits until the Worker answers GET /api/v1/sites (the first request
 * seeds the demo directory). Returns { base, stop, kill, log, inspectorPort, pid } (pid: wrangler's, workerd runs below it); stop() may be called twice.
 * `port` and `state` (a --persist-to folder the caller owns and keeps) let a caller start it again on the
 * same address and storage after kill(), which ends the process group at once with SIGKILL, as a crash would.
 * `vars` are given to the Worker as `--var name:value` (e.g. the Turnstile stand-in's keys and URLs).
 */
export async function startServer({ root, config, port: fixedPort, state, vars = {} }) {
  const [port, inspectorPort] = [fixedPort ?? (await freePort()), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "numerek-bench-"));
  const src = snapshot(root, dir);
  const args = [
    "dev",
    "--config",
    config,
    "--ip",
    HOST,
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    state ?? join(dir, "state"),
    "--show-interactive-dev-session=false",
    "--log-level",
    process.env.BENCH_DEBUG ? "debug" : "warn",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  const child = spawn(join(root, "node_modules", ".bin", "wrangler"), args, {
    cwd: src,
    env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`, ...quietEnv(dir) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: workerd goes down with it
  });
  let log = "";
  const keep = (chunk) => {
    log = (log + chunk).slice(-8000);
    if (process.env.BENCH_DEBUG) process.stderr.write(chunk);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let alive = true;
  void exited.then(() => (alive = false));

  let stopped = false;
  const onSignal = (sig) => void stop().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    if (alive) {
      kill("SIGINT");
      if ((await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)])) === false) kill("SIGKILL");
    }
    kill("SIGKILL"); // any straggler left in the group
    rmSync(dir, { recursive: true, force: true });
  }
  /** The crash: SIGKILL to the whole group, no chance to flush anything; the caller's `state` is kept. */
  async function kill() {
    if (stopped) return;
    stopped = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    if (alive) await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
    rmSync(dir, { recursive: true, force: true });
  }

  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive) break;
    try {
      const res = await fetch(`${base}/api/v1/sites`, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) return { base, stop, kill, log: () => log, inspectorPort, pid: child.pid };
    } catch {
      /* not up yet */
    }
    await sleep(300);
  }
  await stop();
  throw new Error(`wrangler dev did not come up on ${base}${alive ? " in time" : ""}; its output:\n${log}`);
}
