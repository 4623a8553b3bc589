// A real print agent process for a fault row: `node print-agent/main.ts <config>` with a virtual
// printer (a .bin and a .png per ticket) and a wav-dir sink (a .wav per call), on the demo site's
// agent account. kill() is SIGKILL; start() again runs it on the same job file and folders.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const node = join(root, "node_modules", ".bin", "node");
/** Clips are made once (espeak-ng and sox) and shared by every row's agent. */
const CLIPS = join(tmpdir(), "numerek-faults-clips");

/** Agents running now: ended with the script, however it ends (each runs in its own process group). */
const running = new Set();
process.once("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
});

/** `extra`: more configuration (maxJobAgeSeconds, continuity…). */
export function printAgent({ server, siteId = "demo", username = "agent-demo", password = "demo", kioskId = "kiosk-1", extra = {} }) {
  const dir = mkdtempSync(join(tmpdir(), "numerek-faults-agent-"));
  const tickets = join(dir, "tickets");
  const calls = join(dir, "calls");
  mkdirSync(CLIPS, { recursive: true });
  const config = join(dir, "agent.json");
  writeFileSync(
    config,
    JSON.stringify({
      server,
      siteId,
      username,
      password,
      language: "pl",
      store: join(dir, "jobs.json"),
      printers: { [kioskId]: { type: "virtual", dir: tickets, paper: "80mm" } },
      audio: { type: "wav-dir", dir: calls, clips: CLIPS },
      reconnect: { minSeconds: 0.5, maxSeconds: 2 },
      ...extra,
    }),
  );
  let child = null;
  let log = "";
  const files = (folder, ext) => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith(ext));
    } catch {
      return [];
    }
  };
  return {
    dir,
    log: () => log,
    start() {
      child = spawn(node, ["print-agent/main.ts", config], {
        cwd: root,
        env: { ...process.env, NUMEREK_SERVER: "" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      // A failed start shows in the log the fault's report prints, not as an uncaught error of this script.
      child.on("error", (err) => (log = `${log}\nthe agent could not be started: ${err.message}`.slice(-6000)));
      const pid = child.pid;
      running.add(pid);
      child.once("exit", () => running.delete(pid));
      const keep = (d) => (log = (log + d).slice(-6000));
      child.stdout.on("data", keep);
      child.stderr.on("data", keep);
    },
    /** SIGKILL on its process group: no goodbye, nothing flushed. */
    async kill() {
      if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      await exited;
    },
    /** The ticket numbers printed, one entry per print (`20261130T153300-D001-<job>.bin`). */
    printed: () => files(tickets, ".bin").map((f) => f.split("-")[1]),
    /** The numbers announced, one entry per call. */
    announced: () => files(calls, ".wav").map((f) => f.split("-")[1]),
    async stop() {
      await this.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
