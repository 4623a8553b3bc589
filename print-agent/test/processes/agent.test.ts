// The agent as the site sees it: paper out reported to the server, printing held until the paper
// is back; calls written as WAV files by the wav-dir sink; no sound card does not stop printing;
// the demo's virtual printer; keep-alive pings and reconnection after a silent socket.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../../agent.ts";
import { readWav } from "../../audio/wav.ts";
import { loadConfig } from "../../config.ts";
import { MemoryLogger } from "../../log.ts";
import type { Runner } from "../../run.ts";
import { decodeEscPos } from "../escpos-decoder.ts";
import { announceJob, printedNumbers, printJob, removeTempDirs, tempDir, testConfig, twoMoreStatusReads, waitFor } from "../helpers.ts";
import { FakeSite } from "./fake-site.ts";
import { StandInPrinter } from "./stand-in-printer.ts";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  removeTempDirs();
});

async function site(): Promise<FakeSite> {
  const s = await FakeSite.start();
  cleanup.push(() => s.close());
  return s;
}
async function standIn(): Promise<StandInPrinter> {
  const p = await StandInPrinter.start();
  cleanup.push(() => p.close());
  return p;
}
function run(agent: Agent): Agent {
  agent.start();
  cleanup.push(() => agent.stop());
  return agent;
}
const tcp = (p: StandInPrinter) => ({ "kiosk-1": { type: "tcp", host: "127.0.0.1", port: p.port, paper: "58mm" } });

describe("print agent", { timeout: 15_000 }, () => {
  it("paper out: the server is told, nothing prints; paper back: told again, and the ticket prints once", async () => {
    const s = await site();
    const printer = await standIn();
    printer.state = "paper-out";
    run(new Agent(testConfig(s.url, `${tempDir()}/jobs.json`, { printers: tcp(printer) }), { log: new MemoryLogger() }));
    s.addJobs(printJob("A007"));
    await waitFor(() => s.printerStates.length > 0, "a printer-state message");
    expect(s.printerStates[0]).toEqual({ kioskId: "kiosk-1", state: "paper-out" });
    await waitFor(() => printer.statusRequests >= 12, "a few more status reads");
    expect(printer.jobs).toHaveLength(0);
    expect(s.acks).toEqual([]);

    printer.state = "ready";
    await waitFor(() => s.acks.length === 1, "the ticket printed and acknowledged");
    await twoMoreStatusReads(printer);
    expect(s.printerStates.map((p) => p.state)).toEqual(["paper-out", "ready"]);
    expect(printedNumbers(printer.jobs)).toEqual(["A007"]);
  });

  it("calls become WAV files in the wav-dir sink, one per call, in order, and are acknowledged", { timeout: 40_000 }, async () => {
    const s = await site();
    const calls = tempDir();
    const store = `${tempDir()}/jobs.json`;
    const agentLog = new MemoryLogger();
    run(new Agent(testConfig(s.url, store, { audio: { type: "wav-dir", dir: calls } }), { log: agentLog }));
    const jobs = [announceJob("A012", 5), announceJob("B003", 2)];
    s.addJobs(...jobs);
    // (a call done before the server's update arrives is acknowledged again: harmless, so count ids)
    await waitFor(() => new Set(s.acks).size === 2, "both calls done", 30_000);
    expect(s.jobs).toEqual([]);
    expect(agentLog.lines.filter((l) => l.startsWith("info announced"))).toEqual([
      "info announced A012 → Stanowisko 5",
      "info announced B003 → Stanowisko 2",
    ]);
    const files = readdirSync(calls).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-A012-desk-5-/);
    expect(files[1]).toMatch(/-B003-desk-2-/);
    const wav = readWav(readFileSync(join(calls, files[0]!)));
    expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(2);
    // The clip bank was built beside the job file at start-up.
    expect(existsSync(join(store, "..", "clips", "pl", "stanowisko.wav"))).toBe(true);
  });

  it("with no sound card it says so, acknowledges the call unspoken and keeps printing", async () => {
    const s = await site();
    const printer = await standIn();
    const noCard: Runner = async (cmd, args) =>
      cmd === "aplay" && args[0] === "-l"
        ? { code: 1, stdout: "", stderr: "aplay: device_list:274: no soundcards found...\n" }
        : { code: 1, stdout: "", stderr: `${cmd} should not run\n` };
    const log = new MemoryLogger();
    const clips = tempDir();
    run(
      new Agent(testConfig(s.url, `${tempDir()}/jobs.json`, { printers: tcp(printer), audio: { type: "alsa", clips } }), {
        log,
        runner: noCard,
      }),
    );
    s.addJobs(announceJob("A001", 1), printJob("A002"));
    await waitFor(() => s.acks.length === 2, "both jobs finished");
    await twoMoreStatusReads(printer);
    expect(printedNumbers(printer.jobs)).toEqual(["A002"]);
    expect(log.lines).toContain("warn sound: no sound card found; calls will not be spoken, tickets keep printing");
    expect(log.lines.some((l) => l.includes("call A001 → Stanowisko 1 not spoken"))).toBe(true);
  });

  it("the demo configuration's virtual printer writes each ticket as a PNG and the raw bytes", async () => {
    const s = await site();
    const demo = loadConfig(join(import.meta.dirname, "..", "..", "demo.json"), {});
    expect(demo.printers["kiosk-1"]?.type).toBe("virtual");
    const out = tempDir();
    run(
      new Agent(testConfig(s.url, `${tempDir()}/jobs.json`, { printers: { "kiosk-1": { type: "virtual", dir: out } } }), {
        log: new MemoryLogger(),
      }),
    );
    s.addJobs(printJob("D001"));
    await waitFor(() => s.acks.length === 1, "the ticket printed");
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/^.*-D001-.*\./, "D001."))).toEqual(["D001.bin", "D001.png"]);
    const bin = readFileSync(join(out, files[0]!));
    expect(decodeEscPos(bin).lines.some((l) => l.text === "D001")).toBe(true);
    expect(readFileSync(join(out, files[1]!)).subarray(1, 4).toString()).toBe("PNG");
  });

  it('sends "ping" to keep the socket alive, and dials again when the server stops answering', async () => {
    const s = await site();
    run(new Agent(testConfig(s.url, `${tempDir()}/jobs.json`), { log: new MemoryLogger() }));
    await waitFor(() => s.frames.filter((f) => f === "ping").length >= 2, "two pings");
    expect(s.connections).toBe(1);
    s.answerPings = false;
    await waitFor(() => s.connections === 2, "a new connection after the silence", 5000);
    s.answerPings = true;
    s.addJobs(printJob("Z001", {}));
    // A job for a kiosk without a printer is reported unprinted with a warning (never acknowledged as printed),
    // not kept forever.
    await waitFor(() => s.unprinted.length === 1, "the job finished on the new connection");
    expect(s.unprinted[0]?.reason).toBe("no-printer");
    expect(s.acks).toEqual([]);
  });

  it("a server that refuses the agent's protocol version is logged as such and asked again with backoff; a server that speaks it is served", async () => {
    const s = await site();
    s.refuseVersion = true;
    const log = new MemoryLogger();
    run(new Agent(testConfig(s.url, `${tempDir()}/jobs.json`), { log }));
    const refusals = () => log.lines.filter((l) => l.startsWith("error the server does not speak this agent's protocol version 1"));
    await waitFor(() => refusals().length >= 3, "three refusals");
    expect(refusals()[0]).toBe(
      "error the server does not speak this agent's protocol version 1 (4426 protocol 1 unsupported (server speaks 2): reload or update): update the print agent; trying again",
    );
    expect(log.lines.filter((l) => l.startsWith("info reconnecting in")).length).toBeGreaterThanOrEqual(3);
    expect(s.versions.every((v) => v === "1")).toBe(true);
    // The server is updated (or rolled back): the agent that kept trying takes its jobs.
    s.refuseVersion = false;
    s.addJobs(printJob("V001"));
    await waitFor(() => s.unprinted.length === 1, "the job taken once the version is accepted");
  });

  it("a wrong password is retried with backoff and logged, never crashing the agent", async () => {
    const s = await site();
    const log = new MemoryLogger();
    const config = { ...testConfig(s.url, `${tempDir()}/jobs.json`), password: "wrong" };
    run(new Agent(config, { log }));
    await waitFor(() => log.lines.filter((l) => l.includes("login to")).length >= 2, "two failed logins");
    expect(log.lines.find((l) => l.includes("login to"))).toContain("HTTP 401 BAD_CREDENTIALS");
    expect(s.connections).toBe(0);
  });
});
