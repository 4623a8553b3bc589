// Voice calls (R3) rendered to WAV from a clip bank built here with espeak-ng and sox: the clips
// in order, sample for sample, and a duration (measured by sox's soxi) equal to the clips plus
// the pauses. Recorded clips replace generated ones; calls never talk over each other.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnounceJob } from "../../../protocol/live.ts";
import type { AnnounceOutcome } from "../../audio/announcer.ts";
import { Announcer } from "../../audio/announcer.ts";
import { ClipBank } from "../../audio/clip-bank.ts";
import { compose } from "../../audio/compose.ts";
import { announcementPlan, clipSpecs, PAUSES } from "../../audio/phrases.ts";
import type { Announcement, Sink } from "../../audio/sinks.ts";
import { readWav } from "../../audio/wav.ts";
import { generateClipBank } from "../../clips/generate.ts";
import { MemoryLogger } from "../../log.ts";
import { announceJob, removeTempDirs, tempDir, waitFor } from "../helpers.ts";

const soxi = (file: string): number => Number(execFileSync("soxi", ["-D", file]).toString().trim());
let dir = "";
const bytesOf = (a: Int16Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

beforeAll(async () => {
  dir = tempDir("numerek-clips-");
  await generateClipBank(dir, "pl");
}, 60_000);
afterAll(removeTempDirs);

describe("clip bank", () => {
  it("has every clip of the Polish bank: chime, words, letters, digits, numbers 1-99", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".wav"));
    expect(files).toHaveLength(clipSpecs("pl").length);
    for (const name of ["chime", "numer", "stanowisko", "pokoj", "letter-a", "letter-z", "digit-0", "digit-9", "number-1", "number-99"]) {
      expect(soxi(join(dir, `${name}.wav`))).toBeGreaterThan(0.1);
    }
  });
});

describe("announcement", () => {
  it('"Numer A 0 1 2, stanowisko 5": chime, then the clips in order, and as long as clips plus pauses', async () => {
    const plan = announcementPlan("A012", "Stanowisko 5", 5);
    const order = ["chime", "numer", "letter-a", "digit-0", "digit-1", "digit-2", "stanowisko", "number-5"];
    expect(plan.flatMap((p) => ("clip" in p ? [p.clip] : []))).toEqual(order);
    const out = await compose(new ClipBank(dir), plan);
    const file = join(tempDir(), "call.wav");
    writeFileSync(file, out.wav);

    const pauses = PAUSES.afterChime + PAUSES.betweenParts + 5 * PAUSES.betweenWords;
    const expected = order.reduce((s, c) => s + soxi(join(dir, `${c}.wav`)), 0) + pauses / 1000;
    expect(soxi(file)).toBeCloseTo(expected, 3);

    // Each clip sits where the plan says, sample for sample, in order, with silence between.
    const all = readWav(readFileSync(file)).samples;
    expect(out.placed.map((p) => p.clip)).toEqual(order);
    let end = 0;
    for (const p of out.placed) {
      const clip = readWav(readFileSync(join(dir, `${p.clip}.wav`))).samples;
      expect(p.start).toBeGreaterThan(end - 1);
      expect(all.subarray(end, p.start).every((s) => s === 0)).toBe(true);
      expect(bytesOf(all.subarray(p.start, p.start + clip.length)).equals(bytesOf(clip))).toBe(true);
      end = p.start + clip.length;
    }
    expect(end).toBe(all.length);
  });

  it('a desk named "Pokój" is announced as a room; numbers over 99 are read digit by digit', () => {
    const clips = (n: string, name: string, d: number): string[] =>
      announcementPlan(n, name, d).flatMap((p) => ("clip" in p ? [p.clip] : []));
    expect(clips("R104", "Pokój 12", 12).slice(-2)).toEqual(["pokoj", "number-12"]);
    expect(clips("A001", "Stanowisko 120", 120).slice(-4)).toEqual(["stanowisko", "digit-1", "digit-2", "digit-0"]);
  });

  it("a recorded clip in another format (44.1 kHz stereo) replaces the generated one and is kept by the generator", async () => {
    const own = tempDir("numerek-recorded-");
    execFileSync("sox", ["-n", "-r", "44100", "-c", "2", "-b", "16", join(own, "numer.wav"), "synth", "0.5", "sine", "300"]);
    const { kept } = await generateClipBank(own, "pl", { only: ["numer", "letter-b", "digit-7", "chime", "stanowisko", "number-3"] });
    expect(kept).toEqual(["numer"]);
    const out = await compose(new ClipBank(own), announcementPlan("B7", "Stanowisko 3", 3));
    const numer = out.placed.find((p) => p.clip === "numer")!;
    expect(numer.length).toBe(11025); // 0.5 s at the bank's 22.05 kHz, mono
    expect(readWav(out.wav).sampleRate).toBe(22050);
  });
});

describe("announcer queue", () => {
  it("plays calls one after another in order, never two at once, and a recall again", async () => {
    const played: { number: string; start: number; end: number }[] = [];
    const sink: Sink = {
      describe: () => "slow test sink",
      problem: async () => null,
      play: async (a: Announcement) => {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, 40));
        played.push({ number: a.number, start, end: performance.now() });
      },
    };
    const finished: [string, AnnounceOutcome][] = [];
    const announcer = new Announcer({
      bank: Promise.resolve(new ClipBank(dir)),
      sink,
      maxAgeMs: 60_000,
      log: new MemoryLogger(),
      onFinished: (j: AnnounceJob, o) => finished.push([j.number, o]),
    });
    announcer.start();
    for (const j of [announceJob("A001", 1), announceJob("B002", 2), announceJob("A001", 1)]) announcer.enqueue(j);
    await waitFor(() => finished.length === 3, "three calls", 10_000);
    await announcer.stop();
    expect(played.map((p) => p.number)).toEqual(["A001", "B002", "A001"]);
    for (let i = 1; i < played.length; i++) expect(played[i]!.start).toBeGreaterThanOrEqual(played[i - 1]!.end);
    expect(finished.every(([, o]) => o === "spoken")).toBe(true);
  });

  it("a call long past is not announced, but finished so it does not hold the queue", async () => {
    const finished: AnnounceOutcome[] = [];
    const sink: Sink = { describe: () => "sink", problem: async () => null, play: async () => {} };
    const announcer = new Announcer({
      bank: Promise.resolve(new ClipBank(dir)),
      sink,
      maxAgeMs: 120_000,
      log: new MemoryLogger(),
      onFinished: (_j, o) => finished.push(o),
    });
    announcer.start();
    announcer.enqueue(announceJob("A001", 1, new Date(Date.now() - 10 * 60_000).toISOString()));
    await waitFor(() => finished.length === 1, "the old call");
    await announcer.stop();
    expect(finished).toEqual(["stale"]);
  });

  it("the generated clip files are real audio, not empty", () => {
    expect(statSync(join(dir, "stanowisko.wav")).size).toBeGreaterThan(5000);
  });
});
