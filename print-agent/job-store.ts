// The agent's memory of jobs, kept in one small JSON file: the jobs accepted and not yet done (so
// they survive a restart, even one without the server), and the ids of jobs done (so a job the
// server sends again is acknowledged, never printed or spoken twice). The file is replaced
// atomically: write a temporary file, fsync it, rename it over the old one, fsync the folder;
// a crash leaves either the old or the new file, never half of one.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { AgentJob, UnprintedReason } from "../protocol/live.ts";

/** Ids of jobs done are kept this long: far longer than a job can wait on the server. */
const DONE_TTL_MS = 7 * 86_400_000;

interface StoreFile {
  version: 1;
  pending: AgentJob[];
  /** job id → when it was done (ms since epoch). */
  done: Record<string, number>;
  /** Of those, the print jobs given up on without printing, and why (absent in files of older agents). */
  unprinted?: Record<string, UnprintedReason>;
}

export class JobStore {
  private readonly pending = new Map<string, AgentJob>();
  private readonly done = new Map<string, number>();
  private readonly unprinted = new Map<string, UnprintedReason>();

  readonly path: string;

  private constructor(path: string) {
    this.path = path;
  }

  /** Opens the store, creating its folder. A damaged file is set aside (…corrupt-<time>) rather than trusted. */
  static open(path: string, now = Date.now()): { store: JobStore; problem: string | null } {
    const store = new JobStore(path);
    mkdirSync(dirname(path), { recursive: true });
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return { store, problem: null };
    }
    try {
      const file = JSON.parse(text) as Partial<StoreFile>;
      if (file.version !== 1 || !Array.isArray(file.pending) || typeof file.done !== "object" || file.done === null) {
        throw new Error("unknown layout");
      }
      for (const j of file.pending) {
        const job = AgentJob.safeParse(j);
        if (job.success) store.pending.set(job.data.id, job.data);
      }
      for (const [id, at] of Object.entries(file.done)) if (typeof at === "number" && now - at < DONE_TTL_MS) store.done.set(id, at);
      for (const [id, reason] of Object.entries(file.unprinted ?? {})) {
        const r = UnprintedReason.safeParse(reason);
        if (r.success && store.done.has(id)) store.unprinted.set(id, r.data);
      }
      return { store, problem: null };
    } catch (e) {
      const aside = `${path}.corrupt-${now}`;
      renameSync(path, aside);
      return { store, problem: `job file ${path} was unreadable (${e instanceof Error ? e.message : e}); set aside as ${aside}` };
    }
  }

  isDone(id: string): boolean {
    return this.done.has(id);
  }

  /** Why a job done was given up on without printing, or null when it was printed or spoken. */
  unprintedReason(id: string): UnprintedReason | null {
    return this.unprinted.get(id) ?? null;
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** Jobs accepted and not yet done, in the order they were accepted. */
  pendingJobs(): AgentJob[] {
    return [...this.pending.values()];
  }

  /** Remembers new jobs before any of them is started. Returns those that were new. */
  accept(jobs: AgentJob[]): AgentJob[] {
    const fresh = jobs.filter((j) => !this.done.has(j.id) && !this.pending.has(j.id));
    if (!fresh.length) return [];
    for (const j of fresh) this.pending.set(j.id, j);
    this.save();
    return fresh;
  }

  /**
   * The job has been printed or spoken, or (with `unprinted`) given up on without printing: from now on it
   * is only reported again, never printed.
   */
  complete(id: string, now = Date.now(), unprinted: UnprintedReason | null = null): void {
    this.pending.delete(id);
    this.done.set(id, now);
    if (unprinted) this.unprinted.set(id, unprinted);
    this.save();
  }

  /** Pending jobs the server no longer lists were acknowledged elsewhere: forget them. */
  forget(ids: string[]): void {
    let changed = false;
    for (const id of ids) changed = this.pending.delete(id) || changed;
    if (changed) this.save();
  }

  /** Drops ids of jobs done long ago. */
  prune(now = Date.now()): void {
    let changed = false;
    for (const [id, at] of this.done) {
      if (now - at >= DONE_TTL_MS) {
        this.done.delete(id);
        this.unprinted.delete(id);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  private save(): void {
    const file: StoreFile = {
      version: 1,
      pending: [...this.pending.values()],
      done: Object.fromEntries(this.done),
      unprinted: Object.fromEntries(this.unprinted),
    };
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, JSON.stringify(file));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
    const dir = openSync(dirname(this.path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}
