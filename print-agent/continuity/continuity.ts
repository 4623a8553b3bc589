// The office's local fallback: the agent keeps the site's latest replica and its offline log beside its job
// file, serves kiosks, hall screens and clerk consoles on the LAN (continuity/local-server.ts) whenever they
// ask, prints and speaks what it decides itself (never acknowledged to the site: these are its own jobs), and
// replays the log to the site object while its socket is open (continuity/replayer.ts).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DeskActor, DeskCommand, IssueTicketRequest } from "../../protocol/api.ts";
import type { ContinuityReplica, LocalHealth, LocalTokenClaims, OfflineEntry } from "../../protocol/continuity.ts";
import { ERRORS } from "../../protocol/errors.ts";
import type { AnnounceJob, PrinterStatus, PrintJob } from "../../protocol/live.ts";
import { assertNever } from "../../protocol/live.ts";
import type { ContinuityConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import { errorText } from "../log.ts";
import { KeptRefusals } from "./kept-refusals.ts";
import type { LocalRoleView, LocalSpec } from "./local-live.ts";
import type { Answer, Idem, LocalBackend } from "./local-server.ts";
import { LocalServer } from "./local-server.ts";
import { type Decided, LocalSite, type Refusal } from "./local-site.ts";
import { APPLIED_KEPT_MS, type KeptAnswer, OfflineLog } from "./offline-log.ts";
import { Replayer } from "./replayer.ts";
import { loadReplica, saveReplica } from "./replica-store.ts";

/** How often missed tickets due for their recall are looked for. */
const RECALL_EVERY_MS = 1000;
/** The replica goes to disk at most this often (and when the link drops). */
const REPLICA_SAVE_EVERY_MS = 1000;

export interface ContinuityDeps {
  config: ContinuityConfig;
  /** The agent's job file: the replica and the log live beside it. */
  store: string;
  server: string;
  siteId: string;
  log: Logger;
  now: () => number;
  token: () => Promise<string>;
  connected: () => boolean;
  print: (job: PrintJob) => void;
  announce: (job: AnnounceJob) => void;
  printers: () => PrinterStatus[];
}

export class Continuity implements LocalBackend {
  private readonly d: ContinuityDeps;
  private readonly replicaPath: string;
  private readonly offline: OfflineLog | null;
  private local: LocalSite | null = null;
  private readonly server: LocalServer;
  private readonly replayer: Replayer;
  /** Answers of commands that ran (in the log, kept for good). */
  private readonly kept = new Map<string, KeptAnswer>();
  private readonly refusals = new KeptRefusals();
  private recallTimer: ReturnType<typeof setInterval> | null = null;
  private lastReplica = "";
  /** The newest replica not yet on disk, and the timer that writes it. */
  private unsaved: ContinuityReplica | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(d: ContinuityDeps) {
    this.d = d;
    const dir = dirname(d.store);
    this.replicaPath = join(dir, "continuity-replica.json");
    let offline: OfflineLog | null = null;
    try {
      const opened = OfflineLog.open(join(dir, "continuity-log.jsonl"));
      offline = opened.log;
      if (opened.problem) d.log.warn(opened.problem);
      for (const a of offline.answers()) this.kept.set(a.key, a);
    } catch (e) {
      d.log.error(`local continuity is off: ${errorText(e)}`);
    }
    this.offline = offline;
    const loaded = loadReplica(this.replicaPath);
    if (loaded.problem) d.log.warn(loaded.problem);
    if (loaded.replica && offline) this.local = new LocalSite(loaded.replica, offline.entries());
    const tls = d.config.tls ? { cert: readFileSync(d.config.tls.cert, "utf8"), key: readFileSync(d.config.tls.key, "utf8") } : undefined;
    this.server = new LocalServer({ host: d.config.host, port: d.config.port, tls, backend: this, log: d.log, now: d.now });
    this.replayer = new Replayer({
      server: d.server,
      siteId: d.siteId,
      token: d.token,
      connected: d.connected,
      above: (seq, limit) => offline?.above(seq, limit) ?? [],
      siteThrough: () => this.local?.replica.replayedThrough ?? 0,
      applied: () => {},
      log: d.log,
    });
  }

  /** Serves on the LAN; resumes the replay of what is pending. */
  async start(): Promise<void> {
    if (!this.offline) return;
    const at = await this.server.start();
    this.d.log.info(
      `local continuity: serving the hall at ${this.d.config.publicUrl} (listening on ${at.address}:${at.port})${this.local ? "" : "; no replica of the site yet"}`,
    );
    this.recallTimer = setInterval(() => this.recallDue(), RECALL_EVERY_MS);
    this.replayer.kick();
  }

  async stop(): Promise<void> {
    if (this.recallTimer) clearInterval(this.recallTimer);
    this.saveReplica();
    this.replayer.stop();
    await this.server.stop();
    this.offline?.close();
  }

  /** The address devices are told (ClientMessage "continuity"). */
  get localUrl(): string | null {
    return this.offline ? this.d.config.publicUrl : null;
  }

  /**
   * The site's replica from an agent frame: the local state is rebuilt from it and the log at once, and it is
   * written to disk at most once a second (and as soon as the link drops). Writing (and fsync'ing) every
   * frame of a busy hour would slow the agent's reading of its socket, and frames still queued when the link
   * is cut are lost with it: the copy the hall falls back on would lag the cloud. A crash loses at most
   * the last second's copy, which the next frame brings back; the offline log is fsync'd entry by entry.
   */
  replica(r: ContinuityReplica): void {
    if (!this.offline) return;
    const text = JSON.stringify(r);
    if (text !== this.lastReplica) {
      this.lastReplica = text;
      try {
        this.offline.compact(r.replayedThrough, this.d.now() - APPLIED_KEPT_MS);
      } catch (e) {
        this.d.log.warn(`cannot drop old applied lines from the offline log: ${errorText(e)}`);
      }
      this.local = new LocalSite(r, this.offline.entries());
      this.server.live.changed();
      this.unsaved = r;
      this.saveTimer ??= setTimeout(() => this.saveReplica(), REPLICA_SAVE_EVERY_MS);
    }
    this.replayer.kick();
  }

  private saveReplica(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const r = this.unsaved;
    this.unsaved = null;
    if (!r) return;
    try {
      saveReplica(this.replicaPath, r);
    } catch (e) {
      this.d.log.warn(`cannot keep the site's replica on disk: ${errorText(e)}`);
    }
  }

  /** The agent's socket opened or closed: a copy not yet on disk is written now (the hall may need it for long). */
  link(): void {
    if (!this.d.connected()) this.saveReplica();
    this.replayer.kick();
  }

  health(): LocalHealth {
    const pending = this.offline ? this.offline.above(this.replayer.replayedThrough).length : 0;
    return {
      siteId: this.d.siteId,
      cloud: this.d.connected() ? "connected" : "cut-off",
      pending,
      ready: this.local !== null,
    };
  }

  site(): LocalSite | null {
    return this.local;
  }

  view(spec: LocalSpec): LocalRoleView | null {
    const site = this.local;
    if (!site) return null;
    const now = this.d.now();
    switch (spec.role) {
      case "display":
        return { role: "display", view: site.display(now, this.d.printers()) };
      case "desk": {
        const view = site.deskScreen(now, spec.deskId);
        return view ? { role: "desk", view } : null;
      }
      case "clerk": {
        const view = site.clerk(now, spec.deskId);
        return view ? { role: "clerk", view } : null;
      }
      default:
        return assertNever(spec);
    }
  }

  issue(claims: LocalTokenClaims, body: IssueTicketRequest, idem: Idem): Answer {
    const kioskId = claims.role === "kiosk" ? (claims.device ?? claims.sub) : null;
    const flags = { priority: body.priority === true, interpreter: body.interpreter === true };
    return this.command(idem, 201, (site, now, seq) => {
      const r = site.walkIn(body.matterId, kioskId, flags, now, seq);
      return r.ok ? { ok: true, answer: r.answer.issued, entry: r.entry, after: () => r.answer.print && this.d.print(r.answer.print) } : r;
    });
  }

  desk(claims: LocalTokenClaims, deskId: string, command: DeskCommand, idem: Idem): Answer {
    const actor: DeskActor = claims.role === "clerk" ? "clerk" : "manager";
    return this.command(idem, 200, (site, now, seq) => {
      const r = site.deskAction(deskId, command, actor, claims.sub, now, seq);
      return r.ok ? { ...r, after: () => {} } : r;
    });
  }

  /**
   * One command: the answer kept under its key if it ran before; else decided by the rules, written to the
   * log (fsync'd) with its answer, laid over the state, and only then printed, spoken, shown and answered.
   */
  private command<T>(
    idem: Idem,
    status: number,
    decide: (site: LocalSite, now: number, seq: number) => (Decided<T, OfflineEntry> & { after: () => void }) | Refusal,
  ): Answer {
    const site = this.local;
    const offline = this.offline;
    if (!site || !offline) return refusal({ ok: false, code: "OFFLINE_NOT_READY" });
    const now = this.d.now();
    if (idem) {
      const prior = this.kept.get(idem.key) ?? this.refusals.get(idem.key, now);
      if (prior) {
        if (prior.fingerprint !== idem.fingerprint) return refusal({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
        return { status: prior.status, body: prior.body };
      }
    }
    const r = decide(site, now, offline.nextSeq(this.replayer.replayedThrough));
    if (!r.ok) {
      const a = refusal(r);
      if (idem) this.refusals.add({ ...idem, status: a.status, body: a.body }, now);
      return a;
    }
    const kept: KeptAnswer | undefined = idem ? { ...idem, status, body: r.answer } : undefined;
    try {
      offline.append(r.entry, kept);
    } catch (e) {
      this.d.log.error(`cannot write the offline log: ${errorText(e)}`);
      return refusal({ ok: false, code: "STORAGE_FAILED" });
    }
    if (kept) {
      this.kept.set(kept.key, kept);
      this.refusals.delete(kept.key);
    }
    this.applied(site, r.entry);
    r.after();
    return { status, body: r.answer };
  }

  /** An entry on disk: laid over the state, its calls spoken, every screen told, the replay nudged. */
  private applied(site: LocalSite, entry: OfflineEntry): void {
    site.apply(entry);
    for (const job of site.announcements(entry)) this.d.announce(job);
    this.server.live.changed();
    this.replayer.kick();
  }

  /** Missed tickets whose recall is due are called again at their idle desk (the site object's alarm, here). */
  private recallDue(): void {
    const site = this.local;
    const offline = this.offline;
    // While the link is up the site object's own alarm recalls them.
    if (!site || !offline || this.d.connected()) return;
    for (let i = 0; i < 10; i++) {
      const entry = site.dueRecall(this.d.now(), offline.nextSeq(this.replayer.replayedThrough));
      if (!entry) return;
      try {
        offline.append(entry);
      } catch (e) {
        this.d.log.error(`cannot write the offline log: ${errorText(e)}`);
        return;
      }
      this.applied(site, entry);
    }
  }
}

function refusal(r: Refusal): Answer {
  return { status: ERRORS[r.code][0], body: { error: { code: r.code, message: r.message ?? ERRORS[r.code][1] } } };
}
