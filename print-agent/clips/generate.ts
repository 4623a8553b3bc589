// Builds the clip bank the hall announcements are made of: a chime (sox) and every word, letter,
// digit and number 1-99 (espeak-ng), as WAV files of one format (22.05 kHz, mono, 16-bit) with
// the silence trimmed. Clips already in the folder are kept, so recorded clips of the same names
// replace the synthetic ones; --force makes them all again.
//   node print-agent/clips/generate.ts <folder> [--lang pl|en] [--force]
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClipSpec } from "../audio/phrases.ts";
import { clipSpecs } from "../audio/phrases.ts";
import { FORMAT } from "../audio/wav.ts";
import type { Language } from "../config.ts";
import type { Runner } from "../run.ts";
import { run, runOk } from "../run.ts";

export interface GenerateOptions {
  force?: boolean;
  /** Only these clip names (default: the whole bank). */
  only?: string[];
  runner?: Runner;
}

const PCM = ["-r", String(FORMAT.sampleRate), "-c", String(FORMAT.channels), "-b", "16", "-e", "signed-integer"];
/** Trim silence at both ends (sox's idiom: trim the start, reverse, trim again, reverse back), then normalise. */
const TRIM = ["silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse", "norm", "-1"];

export async function generateClipBank(
  dir: string,
  lang: Language,
  opts: GenerateOptions = {},
): Promise<{ made: string[]; kept: string[] }> {
  const runner = opts.runner ?? run;
  mkdirSync(dir, { recursive: true });
  const wanted = clipSpecs(lang).filter((s) => !opts.only || opts.only.includes(s.name));
  const made: string[] = [];
  const kept: string[] = [];
  const todo = wanted.filter((s) => {
    if (!opts.force && existsSync(join(dir, `${s.name}.wav`))) {
      kept.push(s.name);
      return false;
    }
    return true;
  });
  // Work beside the bank, so the finished clip is renamed into place on the same file system.
  const work = join(dir, `.work-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  try {
    // A few at a time: each clip is two short processes.
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let s = todo[next++]; s; s = todo[next++]) {
        await makeClip(s, dir, work, lang, runner);
        made.push(s.name);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { made, kept };
}

async function makeClip(spec: ClipSpec, dir: string, work: string, lang: Language, runner: Runner): Promise<void> {
  const out = join(dir, `${spec.name}.wav`);
  const tmp = join(work, `${spec.name}.wav`);
  if (spec.text === null) {
    // A two-tone "ding-dong": G5 then E5, each with a soft attack and a fading tail.
    const hi = join(work, "chime-hi.wav");
    const lo = join(work, "chime-lo.wav");
    await runOk(runner, "sox", ["-n", ...PCM, hi, "synth", "0.45", "sine", "784", "fade", "q", "0.01", "0.45", "0.35", "vol", "0.5"]);
    await runOk(runner, "sox", ["-n", ...PCM, lo, "synth", "0.7", "sine", "659", "fade", "q", "0.01", "0.7", "0.6", "vol", "0.5"]);
    await runOk(runner, "sox", [hi, lo, tmp]);
  } else {
    const raw = join(work, `${spec.name}.raw.wav`);
    await runOk(runner, "espeak-ng", ["-v", lang, "-s", "150", "-w", raw, spec.text]);
    await runOk(runner, "sox", [raw, ...PCM, tmp, ...TRIM]);
  }
  renameSync(tmp, out);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--lang");
  const langArg = args.includes("--lang") ? args[args.indexOf("--lang") + 1] : "pl";
  if (!dir || (langArg !== "pl" && langArg !== "en")) {
    console.error("usage: node print-agent/clips/generate.ts <folder> [--lang pl|en] [--force]");
    process.exit(2);
  }
  const { made, kept } = await generateClipBank(resolve(dir), langArg, { force: args.includes("--force") });
  console.log(`clip bank ${resolve(dir)} (${langArg}): ${made.length} made, ${kept.length} kept`);
}
