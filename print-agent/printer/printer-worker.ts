// One kiosk printer's queue. A single loop per printer, so a status check and a print never
// overlap: print the oldest job when the printer reads "ready", otherwise read its status every
// interval; report each change of state; drop jobs too old to matter. A job leaves the queue only
// when the printer has taken it (or it is stale), and the agent then records and acknowledges it.
import type { PrinterState, PrintJob } from "../../protocol/live.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";
import { SerialWorker } from "../serial-queue.ts";
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

export class PrinterWorker extends SerialWorker<PrintJob> {
  private readonly o: PrinterWorkerOptions;
  private state: PrinterState | null = null;
  private nearEndWarned = false;

  constructor(options: PrinterWorkerOptions) {
    // Between jobs, and while the printer is not ready, its status is read every interval.
    super(options.intervalMs);
    this.o = options;
  }

  get lastState(): PrinterState | null {
    return this.state;
  }

  /** One look at the printer: drop the oldest job if stale, read the status, print the job if ready. */
  protected async turn(job: PrintJob | undefined): Promise<"done" | "wait"> {
    const { device, log, kioskId } = this.o;
    const now = this.o.now ?? Date.now;
    if (job && now() - Date.parse(job.createdAt) > this.o.maxAgeMs) {
      log.warn(`printer ${kioskId}: ticket ${job.ticket.number} is too old to print (taken ${job.createdAt}); dropped`);
      this.o.onFinished(job, "stale");
      return "done";
    }
    const report = await device.status();
    this.setState(report.state, report.detail);
    if (report.paperNearEnd && !this.nearEndWarned) log.warn(`printer ${kioskId}: the paper roll is nearly used up`);
    this.nearEndWarned = report.paperNearEnd;
    // The server may have withdrawn the job while the status was read.
    if (!job || report.state !== "ready" || !this.queue.begin(job)) return "wait";
    try {
      await device.print(this.o.render(job));
    } catch (e) {
      log.warn(`printer ${kioskId}: printing ${job.ticket.number} failed: ${errorText(e)}; will retry`);
      return "wait";
    }
    log.info(`printer ${kioskId}: printed ticket ${job.ticket.number}`);
    this.o.onFinished(job, "printed");
    return "done";
  }

  private setState(state: PrinterState, detail: string | null): void {
    if (state === this.state) return;
    this.state = state;
    const why = detail ? ` (${detail})` : "";
    if (state === "ready") this.o.log.info(`printer ${this.o.kioskId}: ready`);
    else this.o.log.warn(`printer ${this.o.kioskId}: ${state}${why}`);
    this.o.onState(this.o.kioskId, state);
  }
}
