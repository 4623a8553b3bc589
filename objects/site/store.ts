// SQLite rows of the site itself: its configuration, seq and day (meta), the timers of its one alarm, and
// the idempotency records of retried commands. Each capability keeps its own rows in its own store.
import { SiteConfig } from "../../protocol/config.ts";
import { isTimerKind, TIMER_KINDS, type Timer } from "./scheduler.ts";

export class SiteStore {
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
  idempotent(key: string): { fingerprint: string; response: string } | null {
    return (
      this.sql
        .exec<{ fingerprint: string; response: string }>("SELECT fingerprint, response FROM idempotency WHERE key = ?", key)
        .toArray()[0] ?? null
    );
  }
  rememberIdempotent(key: string, fingerprint: string, response: unknown, now: number): void {
    this.sql.exec(
      "INSERT INTO idempotency (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)",
      key,
      fingerprint,
      JSON.stringify(response),
      now,
    );
  }
  /** Drops idempotency records older than `before`. */
  pruneIdempotency(before: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", before);
  }
}
