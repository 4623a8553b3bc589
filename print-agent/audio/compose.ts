// Joins an announcement's clips and pauses into one WAV, sample for sample, and says where each
// clip lies in it (the wav-dir sink and the tests read that).
import type { ClipBank } from "./clip-bank.ts";
import type { PlanItem } from "./phrases.ts";
import { FORMAT, silenceFrames, writeWav } from "./wav.ts";

export interface Placed {
  clip: string;
  /** Offset and length in samples. */
  start: number;
  length: number;
}

export interface Composed {
  wav: Buffer;
  placed: Placed[];
  seconds: number;
}

export async function compose(bank: ClipBank, plan: PlanItem[]): Promise<Composed> {
  const parts: Int16Array[] = [];
  const placed: Placed[] = [];
  let at = 0;
  for (const item of plan) {
    if ("pauseMs" in item) {
      const n = silenceFrames(item.pauseMs);
      parts.push(new Int16Array(n));
      at += n;
    } else {
      const pcm = await bank.clip(item.clip);
      parts.push(pcm.samples);
      placed.push({ clip: item.clip, start: at, length: pcm.samples.length });
      at += pcm.samples.length;
    }
  }
  const samples = new Int16Array(at);
  let off = 0;
  for (const p of parts) {
    samples.set(p, off);
    off += p.length;
  }
  return { wav: writeWav({ ...FORMAT, samples }), placed, seconds: at / FORMAT.channels / FORMAT.sampleRate };
}
