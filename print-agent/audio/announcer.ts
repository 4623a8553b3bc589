// The hall speakers' queue: one call at a time, in the order the calls came, never two at once.
// Each call is composed from the clip bank and handed to the sink; a recall is a new job and is
// announced again. With no sound card (or no clip bank) a call is logged, not spoken, and the
// job is still finished so it does not hold up the queue on the server.
import type { AnnounceJob } from "../../protocol/live.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";
import { SerialWorker } from "../serial-queue.ts";
import type { ClipBank } from "./clip-bank.ts";
import { compose } from "./compose.ts";
import { announcementPlan } from "./phrases.ts";
import type { Sink } from "./sinks.ts";

export type AnnounceOutcome = "spoken" | "stale" | "silent";

export interface AnnouncerOptions {
  /** Resolves when the bank is ready (it may be generated at start-up); null when there is none. */
  bank: Promise<ClipBank | null>;
  sink: Sink;
  maxAgeMs: number;
  log: Logger;
  onFinished: (job: AnnounceJob, outcome: AnnounceOutcome) => void;
  now?: () => number;
  /** After a failed check of the sound output, look again after this long (a speaker may be plugged in). */
  recheckMs?: number;
}

export class Announcer extends SerialWorker<AnnounceJob> {
  private readonly o: AnnouncerOptions;
  private sinkProblem: { text: string; at: number } | null = null;

  constructor(options: AnnouncerOptions) {
    // With no call queued, wait for the next one.
    super();
    this.o = options;
  }

  protected async turn(job: AnnounceJob | undefined): Promise<"done" | "wait"> {
    if (!job || !this.queue.begin(job)) return "wait";
    this.o.onFinished(job, await this.announce(job));
    return "done";
  }

  private async announce(job: AnnounceJob): Promise<AnnounceOutcome> {
    const { log } = this.o;
    const now = this.o.now ?? Date.now;
    const what = `${job.number} → ${job.deskName}`;
    if (now() - Date.parse(job.createdAt) > this.o.maxAgeMs) {
      log.warn(`call ${what} is too old to announce (${job.createdAt}); skipped`);
      return "stale";
    }
    const problem = await this.outputProblem(now());
    if (problem) {
      log.info(`call ${what} not spoken: ${problem}`);
      return "silent";
    }
    const bank = await this.o.bank;
    if (!bank) {
      log.info(`call ${what} not spoken: no clip bank`);
      return "silent";
    }
    try {
      const composed = await compose(bank, announcementPlan(job.number, job.deskName, job.deskNumber));
      await this.o.sink.play({
        jobId: job.id,
        number: job.number,
        deskNumber: job.deskNumber,
        wav: composed.wav,
        seconds: composed.seconds,
      });
      log.info(`announced ${what}`);
      return "spoken";
    } catch (e) {
      log.warn(`call ${what} could not be played: ${errorText(e)}`);
      return "silent";
    }
  }

  /** Checks the sound output, and after a failure only every recheckMs; says so once per failure. */
  private async outputProblem(now: number): Promise<string | null> {
    const last = this.sinkProblem;
    if (last && now - last.at < (this.o.recheckMs ?? 60_000)) return last.text;
    const text = await this.o.sink.problem();
    if (text && last?.text !== text) this.o.log.warn(`sound: ${text}; calls will not be spoken, tickets keep printing`);
    if (!text && last) this.o.log.info(`sound: ${this.o.sink.describe()} works again`);
    this.sinkProblem = text ? { text, at: now } : null;
    return text;
  }
}
