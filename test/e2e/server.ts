// Global setup of the browser tests: starts `wrangler dev` on a free loopback port with a fresh
// --persist-to directory (the demo data is seeded on the first request), and stops it afterwards. A test
// may start a server of its own, and stop and start it again on the same port and storage (an outage).
// Its booking form checks for a person through a loopback Turnstile stand-in, started here too.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startTurnstileStandIn } from "../../scripts/turnstile-stand-in.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The Turnstile stand-in of the shared server (test/e2e/booking-human-check.ts mints tokens from it). */
    turnstileOrigin: string;
  }
}

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "node_modules", ".bin");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // The whole process group that we started: wrangler and the workerd it runs.
    process.kill(-child.pid, "SIGTERM");
  });
}

export interface Wrangler {
  base: string;
  /** Stops the server and deletes its storage. */
  stop: () => Promise<void>;
  /** Stops the server (the runtime gone, as in an outage) and keeps its storage and port for `restart`. */
  halt: () => Promise<void>;
  /** Starts the server again on the same port and storage. */
  restart: () => Promise<void>;
}

/** wrangler dev on a free loopback port with fresh storage; `vars` are set over wrangler.jsonc's. */
export async function startWrangler(vars: Record<string, string> = {}): Promise<Wrangler> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), "numerek-e2e-"));
  let child: ChildProcess | null = await runWrangler(port, dir, { PUBLIC_URL: base, ...vars });
  return {
    base,
    stop: async () => {
      if (child) await stop(child);
      child = null;
      await rm(dir, { recursive: true, force: true });
    },
    halt: async () => {
      if (child) await stop(child);
      child = null;
    },
    restart: async () => {
      if (child) await stop(child);
      child = await runWrangler(port, dir, { PUBLIC_URL: base, ...vars });
    },
  };
}

/** Runs wrangler dev on `port` with its storage in `dir`, and waits until it answers. */
async function runWrangler(port: number, dir: string, vars: Record<string, string>): Promise<ChildProcess> {
  const inspector = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(inspector),
    "--persist-to",
    dir,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  const child = spawn(join(bin, "wrangler"), args, {
    cwd: root,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));

  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${base}/api/v1/sites`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`wrangler dev did not answer on ${base}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return child;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const turnstile = await startTurnstileStandIn();
  const server = await startWrangler(turnstile.vars());
  project.provide("baseUrl", server.base);
  project.provide("turnstileOrigin", turnstile.origin);
  return async () => {
    await server.stop();
    await turnstile.close();
  };
}
