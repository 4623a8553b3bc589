// The job file and the configuration files: what keeps jobs done once across restarts, and tells
// a technician what is wrong in a config. (The reconnection delays: protocol/live-socket.test.ts.)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../config.ts";
import { JobStore } from "../job-store.ts";
import { announceJob, printJob, removeTempDirs, tempDir } from "./helpers.ts";

afterEach(removeTempDirs);

describe("job store", () => {
  it("remembers pending and done jobs across a restart, and accepts a job only once", () => {
    const path = join(tempDir(), "state", "jobs.json");
    const a = printJob("A001");
    const b = announceJob("A001", 3);
    const first = JobStore.open(path).store;
    expect(first.accept([a, b]).map((j) => j.id)).toEqual([a.id, b.id]);
    first.complete(a.id);
    expect(first.accept([a, b])).toEqual([]);

    const again = JobStore.open(path);
    expect(again.problem).toBeNull();
    expect(again.store.isDone(a.id)).toBe(true);
    expect(again.store.pendingJobs()).toEqual([b]);
    // Only the finished file is ever in place: no temporary file is left behind.
    expect(readdirSync(join(path, ".."))).toEqual(["jobs.json"]);
  });

  it("sets a damaged file aside instead of trusting it", () => {
    const dir = tempDir();
    const path = join(dir, "jobs.json");
    writeFileSync(path, '{"version":1,"pending":[');
    const opened = JobStore.open(path);
    expect(opened.problem).toMatch(/unreadable.*set aside/);
    expect(opened.store.pendingJobs()).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith("jobs.json.corrupt-"))).toBe(true);
  });

  it("forgets ids of jobs done more than a week ago", () => {
    const path = join(tempDir(), "jobs.json");
    const store = JobStore.open(path).store;
    const old = printJob("A001");
    store.accept([old]);
    store.complete(old.id, Date.now() - 8 * 86_400_000);
    store.prune();
    expect(store.isDone(old.id)).toBe(false);
    expect(JSON.parse(readFileSync(path, "utf8")).done).toEqual({});
  });
});

describe("configuration", () => {
  it("the example and the demo configuration are valid; paths are taken from the file's folder", () => {
    const here = join(import.meta.dirname, "..");
    const example = loadConfig(join(here, "agent.example.json"), {});
    expect(example.printers["kiosk-2"]).toMatchObject({ type: "tcp", paper: "58mm", commands: "generic", port: 9100 });
    const demo = loadConfig(join(here, "demo.json"), {});
    expect(demo).toMatchObject({
      server: "http://127.0.0.1:8787",
      siteId: "demo",
      username: "agent-demo",
      store: join(here, ".demo", "jobs.json"),
    });
    expect(demo.printers["kiosk-1"]).toEqual({ type: "virtual", dir: join(here, ".demo", "tickets"), paper: "80mm" });
    expect(demo.audio).toEqual({ type: "wav-dir", dir: join(here, ".demo", "calls") });
    expect(demo.keepAliveSeconds).toBe(30);
  });

  it("names every wrong field, and takes the password from NUMEREK_AGENT_PASSWORD when set", () => {
    const bad = {
      server: "ftp://x",
      siteId: "demo",
      username: "a",
      password: "b",
      store: "s.json",
      printers: { k: { type: "tcp", host: "h", paper: "76mm" } },
    };
    expect(() => parseConfig(bad, "/etc", {})).toThrow(/server:[\s\S]*printers\.k\.paper/);
    const ok = parseConfig({ ...bad, server: "https://x.pl", printers: {} }, "/etc/numerek", { NUMEREK_AGENT_PASSWORD: "secret" });
    expect(ok.password).toBe("secret");
    expect(ok.store).toBe("/etc/numerek/s.json");
  });
});
