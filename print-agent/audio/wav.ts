// WAV files of 16-bit PCM: read (any chunk order, extra chunks skipped), write, and measure.
// The clip bank and every announcement use one format, FORMAT below (espeak-ng's own output).

export interface Pcm {
  sampleRate: number;
  channels: number;
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
}

export const FORMAT = { sampleRate: 22050, channels: 1 } as const;

export function readWav(buf: Uint8Array): Pcm {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number): string => String.fromCharCode(...buf.subarray(at, at + 4));
  if (buf.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("not a WAV file");
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  let data: Uint8Array | null = null;
  for (let at = 12; at + 8 <= buf.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      fmt = {
        format: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
      // WAVE_FORMAT_EXTENSIBLE carries the real format in its sub-format GUID.
      if (fmt.format === 0xfffe && size >= 26) fmt.format = view.getUint16(body + 24, true);
    } else if (id === "data") {
      // espeak-ng writing to a pipe leaves the size at 0x7fffffff: take what is there.
      data = buf.subarray(body, Math.min(body + size, buf.byteLength));
    }
    at = body + size + (size & 1);
  }
  if (!fmt || !data) throw new Error("WAV file without fmt or data chunk");
  if (fmt.format !== 1 || fmt.bits !== 16) throw new Error(`WAV is not 16-bit PCM (format ${fmt.format}, ${fmt.bits} bits)`);
  const count = Math.floor(data.byteLength / 2);
  const samples = new Int16Array(count);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < count; i++) samples[i] = dv.getInt16(i * 2, true);
  return { sampleRate: fmt.rate, channels: fmt.channels, samples };
}

export function writeWav(pcm: Pcm): Buffer {
  const bytes = pcm.samples.length * 2;
  const out = Buffer.alloc(44 + bytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + bytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(pcm.channels, 22);
  out.writeUInt32LE(pcm.sampleRate, 24);
  out.writeUInt32LE(pcm.sampleRate * pcm.channels * 2, 28);
  out.writeUInt16LE(pcm.channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write("data", 36, "ascii");
  out.writeUInt32LE(bytes, 40);
  for (let i = 0; i < pcm.samples.length; i++) out.writeInt16LE(pcm.samples[i]!, 44 + i * 2);
  return out;
}

export function durationSeconds(pcm: Pcm): number {
  return pcm.samples.length / pcm.channels / pcm.sampleRate;
}

/** Samples of silence for `ms` milliseconds in the bank's format. */
export function silenceFrames(ms: number): number {
  return Math.round((ms / 1000) * FORMAT.sampleRate) * FORMAT.channels;
}
