// SQLite rows of the site itself: its configuration, seq and day (meta), the timers of its one alarm, and
// the idempotency records of retried commands. Each capability keeps its own rows in its own store.
import { SiteConfig } from "../../protocol/config.ts";
import { isTimerKind, TIMER_KINDS, type Timer } from "./scheduler.ts";

/** Past this many idempotency records, their keys are not kept in memory (each retry is looked up in SQLite). */
const KEYS_KEPT_MAX = 50_000;
/**
 * The keys are loaded this long after the first keyed command: a wake-up's first answer, which the Worker
 * relays on the same thread, does not wait behind the load (a day's keys take 10-20 ms to read).
 */
export const KEYS_LOAD_DELAY_MS = 1_000;

export class SiteStore {
  /**
   * The keys of the idempotency records, loaded once after the first keyed command and kept as records are
   * added: a key not in it has no record, so a new command (nearly all of them) is not looked up in SQLite.
   * A superset: keys a prune or a rolled-back write removed stay until the day's prune loads it afresh.
   * Null until loaded, or when there are too many records to keep.
   */
  private keys: Set<string> | null = null;
  private keysLoad: "none" | "scheduled" | "too-many" = "none";

  constructor(private readonly sql: SqlStorage) {}

  getMeta(key: string): string | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row ? row.value : null;
  }
  setMeta(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
  /** Through the schema: a configuration stored by an earlier version gets the defaults of fields added since. */
  config(): SiteConfig | null {
    const raw = this.getMeta("config");
    return raw ? SiteConfig.parse(JSON.parse(raw)) : null;
  }
  /**
   * Where the site's seq starts after a wake-up: the ceiling stored last (objects/site/commit.ts stores one
   * block of seqs ahead, not every seq), so a seq is never used twice across a restart.
   */
  seq(): number {
    return Number(this.getMeta("seq") ?? 0);
  }

  // ---- timers (objects/site/scheduler.ts) --------------------------------------
  setTimer(t: Timer): void {
    this.sql.exec(
      "INSERT INTO timers (key, kind, due_at, ref) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, kind = excluded.kind, ref = excluded.ref",
      t.key,
      t.kind,
      t.dueAt,
      t.ref,
    );
  }
  clearTimer(key: string): void {
    this.sql.exec("DELETE FROM timers WHERE key = ?", key);
  }
  /** When the timer of `key` is due, or null when there is none. */
  timerDueAt(key: string): number | null {
    const row = this.sql.exec<{ due_at: number }>("SELECT due_at FROM timers WHERE key = ?", key).toArray()[0];
    return row ? row.due_at : null;
  }
  /** Due timers of the kinds this version knows, earliest first; rows of other kinds are logged and kept. */
  dueTimers(now: number): Timer[] {
    const rows = this.sql
      .exec<{ key: string; kind: string; due_at: number; ref: string | null }>(
        "SELECT key, kind, due_at, ref FROM timers WHERE due_at <= ? ORDER BY due_at",
        now,
      )
      .toArray();
    const out: Timer[] = [];
    for (const r of rows) {
      if (isTimerKind(r.kind)) out.push({ key: r.key, kind: r.kind, dueAt: r.due_at, ref: r.ref });
      else console.warn(`timer ${r.key} of unknown kind ${JSON.stringify(r.kind)} kept`);
    }
    return out;
  }
  /** When the alarm must next fire: the earliest timer of a known kind. */
  earliestTimer(): number | null {
    const kinds = TIMER_KINDS.map(() => "?").join(", ");
    const row = this.sql
      .exec<{ due: number | null }>(`SELECT MIN(due_at) AS due FROM timers WHERE kind IN (${kinds})`, ...TIMER_KINDS)
      .one();
    return row.due;
  }

  // ---- idempotency ---------------------------------------------------------------
  idempotent(key: string): IdempotencyRecord | null {
    if (this.keys && !this.keys.has(key)) return null;
    if (!this.keys) this.scheduleKeysLoad();
    const row = this.sql
      .exec<{ fingerprint: string; response: string; refused: string | null; created_at: number }>(
        "SELECT fingerprint, response, refused, created_at FROM idempotency WHERE key = ?",
        key,
      )
      .toArray()[0];
    return row ? { fingerprint: row.fingerprint, response: row.response, refused: row.refused, createdAt: row.created_at } : null;
  }
  /** The answer (or, with `refused`, the refusal's code and message) under a key; a lapsed refusal is replaced. */
  rememberIdempotent(key: string, fingerprint: string, response: unknown, now: number, refused: string | null): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO idempotency (key, fingerprint, response, created_at, refused) VALUES (?, ?, ?, ?, ?)",
      key,
      fingerprint,
      JSON.stringify(response),
      now,
      refused,
    );
    this.keys?.add(key);
  }
  /**
   * Loads the keys after the command that asked (not during it: a command right after a wake-up does not
   * wait for a day's keys). Every record written since the load adds its key, so none is missed.
   */
  private scheduleKeysLoad(): void {
    if (this.keysLoad !== "none") return;
    this.keysLoad = "scheduled";
    setTimeout(() => this.loadKeys(), KEYS_LOAD_DELAY_MS);
  }
  /** The keys of every record now stored (a keyed command in between is looked up in SQLite as before). */
  private loadKeys(): void {
    const keys = new Set<string>();
    try {
      for (const row of this.sql.exec<{ key: string }>("SELECT key FROM idempotency")) {
        keys.add(row.key);
        if (keys.size > KEYS_KEPT_MAX) {
          this.keysLoad = "too-many";
          return;
        }
      }
    } catch (err) {
      // Storage refused the read: commands go on looking their keys up, and the next one tries the load again.
      console.warn("loading the idempotency keys", err);
      this.keysLoad = "none";
      return;
    }
    this.keys = keys;
  }
  /** Drops the refusals recorded before `before` (answers stay for the day's housekeeping). */
  pruneRefusals(before: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE refused IS NOT NULL AND created_at < ?", before);
  }
  /** Drops idempotency records older than `before`. */
  pruneIdempotency(before: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", before);
    // The day's records went: the keys are loaded afresh after the next keyed command.
    this.keys = null;
    this.keysLoad = "none";
  }
}

/** One idempotency record: the request's fingerprint, its answer (JSON), and the refusal's code when it was refused. */
export interface IdempotencyRecord {
  fingerprint: string;
  response: string;
  refused: string | null;
  createdAt: number;
}
