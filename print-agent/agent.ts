// The site agent: takes jobs from the site object, remembers them, hands them to the printers and
// the speakers, and acknowledges each one after it is done (at-least-once delivery, done once:
// a job seen again is only acknowledged again). It also reports each kiosk printer's state.
import type { AgentJob, PrinterState, PrinterStatus, UnprintedReason } from "../protocol/live.ts";
import { PROTOCOL_VERSION } from "../protocol/live.ts";
import { Announcer } from "./audio/announcer.ts";
import { ClipBank } from "./audio/clip-bank.ts";
import { clipSpecs } from "./audio/phrases.ts";
import type { Sink } from "./audio/sinks.ts";
import { createSink } from "./audio/sinks.ts";
import { generateClipBank } from "./clips/generate.ts";
import type { AgentConfig, ContinuityConfig } from "./config.ts";
import { clipDir } from "./config.ts";
import { Connection } from "./connection.ts";
import { Continuity } from "./continuity/continuity.ts";
import { LOCAL_JOB_PREFIX } from "./continuity/local-site.ts";
import { Credentials } from "./credentials.ts";

/** What the manager page's device list shows of this agent. */
const AGENT_VERSION = `agent/${PROTOCOL_VERSION}`;

import { JobStore } from "./job-store.ts";
import type { Logger } from "./log.ts";
import { consoleLogger, errorText } from "./log.ts";
import type { PrinterDevice } from "./printer/device.ts";
import { createPrinter } from "./printer/device.ts";
import { PrinterWorker } from "./printer/printer-worker.ts";
import type { Runner } from "./run.ts";
import { renderTicket } from "./ticket/render.ts";

export interface AgentDeps {
  log?: Logger;
  now?: () => number;
  /** Runs espeak-ng, sox and the players (tests replace it to simulate a machine without a sound card). */
  runner?: Runner;
  /** Replaces the configured printers (tests). */
  printers?: Record<string, PrinterDevice>;
  sink?: Sink;
}

export class Agent {
  private readonly config: AgentConfig;
  private readonly log: Logger;
  private readonly store: JobStore;
  private readonly printers = new Map<string, PrinterWorker>();
  private readonly announcer: Announcer | null;
  private readonly connection: Connection;
  /** The office's local fallback (absent: the configuration serves no continuity). */
  private readonly continuity: Continuity | null;
  /** Printer states as last reported on the current connection. */
  private reported = new Map<string, PrinterState>();

  constructor(config: AgentConfig, deps: AgentDeps = {}) {
    this.config = config;
    const log = (this.log = deps.log ?? consoleLogger);
    const opened = JobStore.open(config.store);
    this.store = opened.store;
    if (opened.problem) log.warn(opened.problem);
    const now = deps.now ?? Date.now;
    for (const [kioskId, pc] of Object.entries(config.printers)) {
      const device = deps.printers?.[kioskId] ?? createPrinter(pc);
      const commands = pc.type === "tcp" ? pc.commands : "escpos";
      const ticketOpts = { paper: pc.paper, language: config.language, timeZone: config.timeZone };
      this.printers.set(
        kioskId,
        new PrinterWorker({
          kioskId,
          device,
          log,
          now,
          render: (job) => renderTicket(job, ticketOpts, commands),
          intervalMs: config.statusIntervalSeconds * 1000,
          maxAgeMs: config.maxJobAgeSeconds.print * 1000,
          onState: (k, s) => this.printerState(k, s),
          onFinished: (job, outcome) => this.finished(job, outcome === "stale" ? "too-old" : null),
        }),
      );
      log.info(`printer ${kioskId}: ${device.describe()}`);
    }
    const audio = config.audio;
    if (audio.type === "none") {
      this.announcer = null;
      log.info("sound: none configured; calls are acknowledged without being spoken");
    } else {
      const sink = deps.sink ?? createSink(audio, deps.runner);
      log.info(`sound: ${sink.describe()}`);
      this.announcer = new Announcer({
        bank: this.prepareBank(deps.runner),
        sink,
        log,
        now,
        maxAgeMs: config.maxJobAgeSeconds.announce * 1000,
        onFinished: (job) => this.finished(job),
      });
    }
    this.connection = new Connection(
      {
        server: config.server,
        siteId: config.siteId,
        credentials: new Credentials({
          server: config.server,
          siteId: config.siteId,
          username: config.username,
          password: config.password,
          tokenFile: config.tokenFile,
          version: AGENT_VERSION,
          log,
        }),
        log,
        keepAliveMs: config.keepAliveSeconds * 1000,
        minDelayMs: config.reconnect.minSeconds * 1000,
        maxDelayMs: config.reconnect.maxSeconds * 1000,
      },
      {
        onOpen: () => this.onOpen(),
        onClose: () => this.continuity?.link(),
        onJobs: (jobs) => this.takeJobs(jobs),
        onReplica: (replica) => this.continuity?.replica(replica),
        onError: (code, message) => log.warn(`the server said ${code}: ${message}`),
      },
    );
    this.continuity = config.continuity ? this.openContinuity(config.continuity, log, now) : null;
  }

  /** The office's local fallback; null (and said) when it cannot be set up: printing and calls go on without it. */
  private openContinuity(config: ContinuityConfig, log: Logger, now: () => number): Continuity | null {
    try {
      return new Continuity({
        config,
        store: this.config.store,
        server: this.config.server,
        siteId: this.config.siteId,
        log,
        now,
        token: () => this.connection.bearer(),
        connected: () => this.connection.connected,
        print: (job) => this.dispatch(job),
        announce: (job) => this.dispatch(job),
        printers: () => this.printerStatuses(),
      });
    } catch (e) {
      log.error(`local continuity is off: ${errorText(e)}`);
      return null;
    }
  }

  /** Starts the queues with the jobs remembered from before a restart, serves the hall locally, then connects. */
  async start(): Promise<void> {
    this.store.prune();
    for (const w of this.printers.values()) w.start();
    this.announcer?.start();
    const pending = this.store.pendingJobs();
    if (pending.length) this.log.info(`resuming ${pending.length} job(s) accepted before the restart`);
    for (const job of pending) this.dispatch(job);
    if (this.continuity) {
      try {
        await this.continuity.start();
      } catch (e) {
        this.log.error(`local continuity cannot serve: ${errorText(e)}`);
      }
    }
    this.connection.start();
  }

  /** Disconnects and lets the job in progress finish; jobs not done stay in the store for the next start. */
  async stop(): Promise<void> {
    this.connection.stop();
    await this.continuity?.stop();
    await Promise.all([...[...this.printers.values()].map((w) => w.stop()), this.announcer?.stop()]);
  }

  private onOpen(): void {
    this.reported = new Map();
    this.connection.announceContinuity(this.continuity?.localUrl ?? null);
    this.continuity?.link();
    // The server keeps what it was told before: tell it again, it may have changed while we were away.
    for (const [kioskId, w] of this.printers) if (w.lastState) this.printerState(kioskId, w.lastState);
  }

  /** Every frame lists all open jobs (a stale or missed frame is the live socket's business: it asks for a snapshot). */
  private takeJobs(jobs: AgentJob[]): void {
    for (const job of jobs) if (this.store.isDone(job.id)) this.report(job.id, this.store.unprintedReason(job.id));
    const fresh = this.store.accept(jobs);
    for (const job of fresh) this.dispatch(job);
    // Jobs we hold that the server no longer lists were acknowledged elsewhere.
    const listed = new Set(jobs.map((j) => j.id));
    const gone = this.store
      .pendingJobs()
      .filter((j) => !listed.has(j.id) && !fresh.includes(j))
      .map((j) => j.id);
    if (gone.length) {
      const ids = new Set(gone);
      for (const w of this.printers.values()) w.remove(ids);
      this.announcer?.remove(ids);
      this.store.forget(gone);
    }
  }

  private dispatch(job: AgentJob): void {
    if (job.kind === "print") {
      const worker = this.printers.get(job.kioskId ?? "");
      if (worker) return worker.enqueue(job);
      this.log.warn(`no printer configured for kiosk ${job.kioskId ?? "(none)"}: ticket ${job.ticket.number} not printed`);
      return this.finished(job, "no-printer");
    }
    if (this.announcer) return this.announcer.enqueue(job);
    this.finished(job);
  }

  /**
   * Done, or (`unprinted`) a ticket given up on without printing: recorded first, then reported; if the report
   * is lost, the next snapshot brings the job back and it is reported again. A ticket not printed is never
   * acknowledged as done: the site keeps it on record for a person to see.
   */
  private finished(job: AgentJob, unprinted: UnprintedReason | null = null): void {
    // The agent's own jobs (tickets issued and calls made locally) are the offline log's business, not the site's.
    if (job.id.startsWith(LOCAL_JOB_PREFIX)) {
      if (unprinted) this.log.warn(`local ticket ${job.kind === "print" ? job.ticket.number : ""} not printed (${unprinted})`);
      return;
    }
    try {
      this.store.complete(job.id, Date.now(), unprinted);
    } catch (e) {
      this.log.error(`cannot record job ${job.id} as done: ${errorText(e)}`);
      return;
    }
    this.report(job.id, unprinted);
  }

  private report(jobId: string, unprinted: UnprintedReason | null): void {
    this.connection.send(unprinted ? { type: "unprinted", jobId, reason: unprinted } : { type: "ack", jobId });
  }

  /** The kiosk printers as the local hall view shows them. */
  private printerStatuses(): PrinterStatus[] {
    const at = new Date().toISOString();
    return [...this.printers].flatMap(([kioskId, w]) => (w.lastState ? [{ kioskId, state: w.lastState, at }] : []));
  }

  private printerState(kioskId: string, state: PrinterState): void {
    if (this.reported.get(kioskId) === state) return;
    if (this.connection.send({ type: "printer-state", kioskId, state })) this.reported.set(kioskId, state);
  }

  /** The clip bank, with the clips it lacks generated (espeak-ng and sox) before the first call. */
  private async prepareBank(runner: Runner | undefined): Promise<ClipBank | null> {
    const dir = clipDir(this.config);
    if (!dir) return null;
    const bank = new ClipBank(dir, runner);
    const missing = clipSpecs(this.config.language)
      .filter((s) => !bank.has(s.name))
      .map((s) => s.name);
    if (!missing.length) return bank;
    try {
      this.log.info(`building ${missing.length} voice clip(s) in ${dir} with espeak-ng and sox`);
      await generateClipBank(dir, this.config.language, { only: missing, ...(runner ? { runner } : {}) });
      return bank;
    } catch (e) {
      this.log.warn(`cannot build the clip bank in ${dir}: ${errorText(e)}; calls will not be spoken (apt install espeak-ng sox)`);
      return null;
    }
  }
}
