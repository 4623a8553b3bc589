// One loop over a queue of jobs, oldest first, one turn at a time: the hall speakers (one call at a
// time, never two at once) and each kiosk printer (a status check and a print never overlap) use it.
// A turn looks at the oldest job (or at nothing, when the queue is empty) and says whether that job
// is done (it leaves the queue, and the next turn starts at once) or whether to wait: until the next
// job comes, or `waitMs` at most (a printer reads its status again meanwhile).
export type TurnOutcome = "done" | "wait";

export interface SerialQueueOptions<J> {
  turn: (job: J | undefined) => Promise<TurnOutcome>;
  /** How long "wait" waits at most; without it, until a job is enqueued (or the queue stops). */
  waitMs?: number;
}

export class SerialQueue<J extends { id: string }> {
  private readonly o: SerialQueueOptions<J>;
  private readonly jobs: J[] = [];
  /** The job a turn has begun to carry out: it can no longer be withdrawn. */
  private begun: J | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A job came during the current turn: do not wait after it. */
  private nudged = false;

  constructor(options: SerialQueueOptions<J>) {
    this.o = options;
  }

  /** Adds a job unless one with its id is queued already. */
  enqueue(job: J): void {
    if (this.jobs.some((j) => j.id === job.id)) return;
    this.jobs.push(job);
    this.nudged = true;
    this.wake?.();
  }

  /** Takes out the jobs with these ids that no turn has begun (the server no longer lists them). */
  remove(ids: ReadonlySet<string>): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) {
      const job = this.jobs[i];
      if (job && ids.has(job.id) && job !== this.begun) this.jobs.splice(i, 1);
    }
  }

  /**
   * Called by a turn before it carries out its job: false when the job was withdrawn meanwhile or the
   * queue is stopping (then the turn does nothing with it); from true on, `remove` leaves it alone.
   */
  begin(job: J): boolean {
    if (!this.running || this.jobs[0] !== job) return false;
    this.begun = job;
    return true;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the turn in progress; the jobs left stay queued. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const job = this.jobs[0];
      this.nudged = false;
      const outcome = await this.o.turn(job);
      this.begun = null;
      if (outcome === "done" && job) {
        const i = this.jobs.indexOf(job);
        if (i >= 0) this.jobs.splice(i, 1);
        continue;
      }
      if (this.running && !this.nudged) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = this.o.waitMs === undefined ? undefined : setTimeout(done, this.o.waitMs);
      this.wake = done;
    });
  }
}

/** A worker that carries out its jobs one at a time through a SerialQueue: the hall speakers, a kiosk printer. */
export abstract class SerialWorker<J extends { id: string }> {
  protected readonly queue: SerialQueue<J>;

  /** `waitMs`: how often a turn runs while there is nothing to do (a printer reads its status). */
  constructor(waitMs?: number) {
    this.queue = new SerialQueue<J>({ turn: (job) => this.turn(job), ...(waitMs === undefined ? {} : { waitMs }) });
  }

  /** One turn over the oldest job (or none). */
  protected abstract turn(job: J | undefined): Promise<TurnOutcome>;

  enqueue(job: J): void {
    this.queue.enqueue(job);
  }

  /** Takes out jobs that have not started (the server no longer lists them). */
  remove(ids: ReadonlySet<string>): void {
    this.queue.remove(ids);
  }

  start(): void {
    this.queue.start();
  }

  /** Lets the job being carried out finish. */
  async stop(): Promise<void> {
    await this.queue.stop();
  }
}
