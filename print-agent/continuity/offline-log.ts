// The agent's offline log: every action it took for the hall (a walk-in issued, a desk command), one JSON
// line each, appended and fsync'd before the device gets its answer. The site object applies the entries
// in order, exactly once, when they are replayed (continuity/replayer.ts). A line also keeps the answer the
// device got under its Idempotency-Key, so a retry after a crash gets the same ticket, not a second one.
// A crash can tear only the last line (the device never got an answer for it): it is dropped on load.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { OfflineEntry } from "../../protocol/continuity.ts";
import { writeAtomically } from "./replica-store.ts";

/** The answer a device got for a request with an Idempotency-Key (scoped to the token's subject). */
export const KeptAnswer = z.strictObject({
  key: z.string().min(1).max(200),
  fingerprint: z.string().min(1).max(100),
  status: z.number().int(),
  body: z.unknown(),
});
export type KeptAnswer = z.infer<typeof KeptAnswer>;

const LogLine = z.strictObject({ entry: OfflineEntry, answer: KeptAnswer.optional() });
export type LogLine = z.infer<typeof LogLine>;

/** Lines the site has applied are dropped from the file once they are this old (their keys' retries are long over). */
export const APPLIED_KEPT_MS = 2 * 24 * 3_600_000;

export class OfflineLog {
  readonly path: string;
  private lines: LogLine[] = [];
  private fd: number;

  private constructor(path: string, lines: LogLine[]) {
    this.path = path;
    this.lines = lines;
    this.fd = openSync(path, "a", 0o600);
  }

  /**
   * Opens the log. A last line cut short by a crash is dropped (its device got no answer); any other line
   * that cannot be read stops the load with an error: entries are never skipped silently.
   */
  static open(path: string): { log: OfflineLog; problem: string | null } {
    mkdirSync(dirname(path), { recursive: true });
    let text = "";
    try {
      text = readFileSync(path, "utf8");
    } catch {
      /* a new log */
    }
    const raw = text.split("\n");
    const lines: LogLine[] = [];
    let problem: string | null = null;
    let kept = "";
    for (let i = 0; i < raw.length; i++) {
      const line = raw[i] ?? "";
      if (line === "") continue;
      const last = i === raw.length - 1;
      const parsed = parseLine(line);
      if (parsed) {
        lines.push(parsed);
        kept += `${line}\n`;
        continue;
      }
      if (!last) throw new Error(`offline log ${path}: line ${i + 1} is unreadable; the log is kept as it is for a person to look at`);
      problem = `offline log ${path}: its last line was cut short by a crash (never answered) and is dropped`;
    }
    // The file is put back to its whole lines (a torn last line gone, a last line missing its newline ended).
    if (kept !== text) writeAtomically(path, kept);
    lines.forEach((l, i) => {
      if (i > 0 && l.entry.seq <= (lines[i - 1]?.entry.seq ?? 0)) throw new Error(`offline log ${path}: sequence numbers go backwards`);
    });
    return { log: new OfflineLog(path, lines), problem };
  }

  /** The highest sequence number written (0: none). */
  get lastSeq(): number {
    return this.lines.at(-1)?.entry.seq ?? 0;
  }

  /** The seq of the next entry: never one the site has applied already (it would skip it as a repeat). */
  nextSeq(siteThrough: number): number {
    return Math.max(this.lastSeq, siteThrough) + 1;
  }

  entries(): OfflineEntry[] {
    return this.lines.map((l) => l.entry);
  }

  /** Entries above `seq`, oldest first, at most `limit`. */
  above(seq: number, limit = Number.POSITIVE_INFINITY): OfflineEntry[] {
    const out: OfflineEntry[] = [];
    for (const l of this.lines) {
      if (l.entry.seq <= seq) continue;
      out.push(l.entry);
      if (out.length >= limit) break;
    }
    return out;
  }

  answers(): KeptAnswer[] {
    return this.lines.flatMap((l) => (l.answer ? [l.answer] : []));
  }

  /**
   * Appends one entry and waits for the disk to hold it. Its seq is above every seq written; it is the next one,
   * except after a log lost with its disk, when numbering goes on above what the site has applied (nextSeq).
   */
  append(entry: OfflineEntry, answer?: KeptAnswer): void {
    if (entry.seq <= this.lastSeq) throw new Error(`offline log: entry ${entry.seq} is not above ${this.lastSeq}`);
    const line: LogLine = answer ? { entry, answer } : { entry };
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fsyncSync(this.fd);
    this.lines.push(line);
  }

  /**
   * Drops the lines the site has applied (seq at or below `through`) written before `before`, so that a log
   * kept for months holds only what is recent: the file is rewritten whole (a crash leaves the old one or
   * the new one). The last line always stays, so numbering goes on above it.
   */
  compact(through: number, before: number): void {
    const drop = (l: LogLine, i: number): boolean => i < this.lines.length - 1 && l.entry.seq <= through && l.entry.at < before;
    if (!this.lines[0] || !drop(this.lines[0], 0)) return;
    const kept = this.lines.filter((l, i) => !drop(l, i));
    writeAtomically(this.path, kept.map((l) => `${JSON.stringify(l)}\n`).join(""));
    closeSync(this.fd);
    this.fd = openSync(this.path, "a", 0o600);
    this.lines = kept;
  }

  close(): void {
    closeSync(this.fd);
    this.fd = -1;
  }
}

function parseLine(line: string): LogLine | null {
  try {
    const parsed = LogLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
