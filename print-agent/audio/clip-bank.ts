// The clips an announcement is made of, read from a folder once and kept in memory. A recorded
// clip in another format (44.1 kHz, stereo, …) is converted to the bank's format with sox.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Runner } from "../run.ts";
import { run, runOk } from "../run.ts";
import type { Pcm } from "./wav.ts";
import { FORMAT, readWav } from "./wav.ts";

export class ClipBank {
  readonly dir: string;
  private readonly runner: Runner;
  private readonly cache = new Map<string, Pcm>();

  constructor(dir: string, runner: Runner = run) {
    this.dir = dir;
    this.runner = runner;
  }

  has(name: string): boolean {
    return this.cache.has(name) || existsSync(this.file(name));
  }

  file(name: string): string {
    return join(this.dir, `${name}.wav`);
  }

  async clip(name: string): Promise<Pcm> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const path = this.file(name);
    if (!existsSync(path)) throw new Error(`clip ${name}.wav is missing from ${this.dir}`);
    let pcm: Pcm | null = null;
    try {
      pcm = readWav(readFileSync(path));
    } catch {
      pcm = null; // not 16-bit PCM: sox converts it below
    }
    if (!pcm || pcm.sampleRate !== FORMAT.sampleRate || pcm.channels !== FORMAT.channels) pcm = await this.convert(path);
    this.cache.set(name, pcm);
    return pcm;
  }

  private async convert(path: string): Promise<Pcm> {
    const work = mkdtempSync(join(tmpdir(), "numerek-clip-"));
    try {
      const out = join(work, "clip.wav");
      await runOk(this.runner, "sox", [
        path,
        "-r",
        String(FORMAT.sampleRate),
        "-c",
        String(FORMAT.channels),
        "-b",
        "16",
        "-e",
        "signed-integer",
        out,
      ]);
      return readWav(readFileSync(out));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
