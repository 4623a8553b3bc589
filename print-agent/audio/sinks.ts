// Where announcements go: the sound card through ALSA (aplay) or PulseAudio/PipeWire (paplay), or
// a folder of WAV files (the local demo, tests). Before playing, a sink checks there is something
// to play on; with no sound card it says so once and the agent goes on printing.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AudioConfig } from "../config.ts";
import type { Runner } from "../run.ts";
import { run } from "../run.ts";

export interface Announcement {
  jobId: string;
  number: string;
  deskNumber: number;
  wav: Buffer;
  seconds: number;
}

export interface Sink {
  describe(): string;
  /** null when it can play, else why not ("no sound card found"). */
  problem(): Promise<string | null>;
  /** Resolves when the announcement has been played (or written) in full. */
  play(a: Announcement): Promise<void>;
}

export function createSink(config: Exclude<AudioConfig, { type: "none" }>, runner: Runner = run): Sink {
  switch (config.type) {
    case "wav-dir":
      return new WavDirSink(config.dir);
    case "alsa":
      return new PlayerSink(runner, "aplay", ["-q", ...(config.device ? ["-D", config.device] : [])], ["-l"], "ALSA");
    case "pulse":
      return new PlayerSink(runner, "paplay", config.device ? [`--device=${config.device}`] : [], null, "PulseAudio");
  }
}

class WavDirSink implements Sink {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  describe(): string {
    return `announcements written as WAV files to ${this.dir}`;
  }

  async problem(): Promise<string | null> {
    try {
      mkdirSync(this.dir, { recursive: true });
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async play(a: Announcement): Promise<void> {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    const safe = (s: string): string => s.replace(/[^\w-]/g, "_");
    const file = join(this.dir, `${stamp}-${safe(a.number)}-desk-${a.deskNumber}-${safe(a.jobId)}.wav`);
    // Written aside and renamed, so whoever watches the folder never sees half a file.
    writeFileSync(`${file}.part`, a.wav);
    renameSync(`${file}.part`, file);
  }
}

class PlayerSink implements Sink {
  private readonly runner: Runner;
  private readonly cmd: string;
  private readonly args: string[];
  private readonly listArgs: string[] | null;
  private readonly system: string;

  constructor(runner: Runner, cmd: string, args: string[], listArgs: string[] | null, system: string) {
    this.runner = runner;
    this.cmd = cmd;
    this.args = args;
    this.listArgs = listArgs;
    this.system = system;
  }

  describe(): string {
    return `announcements played through ${this.system} (${this.cmd})`;
  }

  async problem(): Promise<string | null> {
    try {
      const r = this.listArgs ? await this.runner(this.cmd, this.listArgs, 10_000) : await this.runner("pactl", ["info"], 10_000);
      const said = `${r.stdout}\n${r.stderr}`;
      if (/no soundcards found/i.test(said)) return "no sound card found";
      if (r.code !== 0) return `${this.system} is not available: ${r.stderr.trim().split("\n")[0] ?? ""}`;
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async play(a: Announcement): Promise<void> {
    const dir = join(tmpdir(), `numerek-call-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${a.jobId.replace(/[^\w-]/g, "_")}.wav`);
    writeFileSync(file, a.wav);
    try {
      const r = await this.runner(this.cmd, [...this.args, file], Math.ceil(a.seconds * 1000) + 15_000);
      if (r.code !== 0) throw new Error(`${this.cmd} failed: ${r.stderr.trim().split("\n")[0] ?? r.code}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
}
