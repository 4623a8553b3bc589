// One kiosk printer's queue. A single loop per printer, so a status check and a print never
// overlap: print the oldest job when the printer reads "ready", otherwise read its status every
// interval; report each change of state; drop jobs too old to matter. A job leaves the queue only
// when the printer has taken it (or it is stale), and the agent then records and acknowledges it.
import type { PrintJob, PrinterState } from "../../protocol/live.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";
import type { RenderedTicket } from "../ticket/render.ts";
import type { PrinterDevice } from "./device.ts";

export interface PrinterWorkerOptions {
  kioskId: string;
  device: PrinterDevice;
  render: (job: PrintJob) => RenderedTicket;
  intervalMs: number;
  maxAgeMs: number;
  log: Logger;
  onState: (kioskId: string, state: PrinterState) => void;
  onFinished: (job: PrintJob, outcome: "printed" | "stale") => void;
  now?: () => number;
}

export class PrinterWorker {
  private readonly o: PrinterWorkerOptions;
  private readonly queue: PrintJob[] = [];
  private state: PrinterState | null = null;
  private nearEndWarned = false;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** The job being sent to the printer right now, if any. */
  private printing: string | null = null;

  constructor(options: PrinterWorkerOptions) {
    this.o = options;
  }

  get lastState(): PrinterState | null {
    return this.state;
  }

  enqueue(job: PrintJob): void {
    if (this.queue.some((j) => j.id === job.id)) return;
    this.queue.push(job);
    this.wake?.();
  }

  /** Takes jobs out that have not started (the server no longer lists them). */
  remove(ids: Set<string>): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const id = this.queue[i]!.id;
      if (ids.has(id) && id !== this.printing) this.queue.splice(i, 1);
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { device, log, kioskId } = this.o;
    const now = this.o.now ?? Date.now;
    while (this.running) {
      const job = this.queue[0];
      if (job && now() - Date.parse(job.createdAt) > this.o.maxAgeMs) {
        this.queue.shift();
        log.warn(`printer ${kioskId}: ticket ${job.ticket.number} is too old to print (taken ${job.createdAt}); dropped`);
        this.o.onFinished(job, "stale");
        continue;
      }
      const report = await device.status();
      this.setState(report.state, report.detail);
      if (report.paperNearEnd && !this.nearEndWarned) log.warn(`printer ${kioskId}: the paper roll is nearly used up`);
      this.nearEndWarned = report.paperNearEnd;
      // The server may have withdrawn the job while the status was read.
      if (job && this.queue[0] === job && report.state === "ready" && this.running) {
        this.printing = job.id;
        try {
          await device.print(this.o.render(job));
          this.queue.shift();
          log.info(`printer ${kioskId}: printed ticket ${job.ticket.number}`);
          this.o.onFinished(job, "printed");
          continue;
        } catch (e) {
          log.warn(`printer ${kioskId}: printing ${job.ticket.number} failed: ${errorText(e)}; will retry`);
        } finally {
          this.printing = null;
        }
      }
      await this.sleep(this.o.intervalMs);
    }
  }

  private setState(state: PrinterState, detail: string | null): void {
    if (state === this.state) return;
    this.state = state;
    const why = detail ? ` (${detail})` : "";
    if (state === "ready") this.o.log.info(`printer ${this.o.kioskId}: ready`);
    else this.o.log.warn(`printer ${this.o.kioskId}: ${state}${why}`);
    this.o.onState(this.o.kioskId, state);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
