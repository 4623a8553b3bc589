// Sends counted across the whole deployment: how many booking codes went to a number, a mailbox or from a
// client address, how many e-ticket "SMS me" requests named a number, in the last day. A few objects share
// the keys (by the key's hash), so no site and no single object carries every count. Keys arrive as keyed
// hashes: the object never sees a number, an address or an IP, and forgets every send after a day.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env.ts";
import { type Allowance, type AllowanceAnswer, allowance, DAY_MS } from "./limits/allowance.ts";
import { migrate } from "./site/schema.ts";

export const SEND_LIMITS_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sends (id INTEGER PRIMARY KEY, key TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX sends_by_key ON sends (key, at);
  CREATE INDEX sends_by_time ON sends (at);
  `,
];

export type Taken = { ok: true; id: number } | Extract<AllowanceAnswer, { ok: false }>;

export class SendLimits extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** Whether an alarm is known to be set (read from storage on the first send). */
  private alarmSet = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, SEND_LIMITS_MIGRATIONS);
    });
  }

  /** Counts one send for `key` if it fits the allowance; the id gives it back if the send does not happen. */
  async take(key: string, rule: Allowance, now = Date.now()): Promise<Taken> {
    this.sql.exec("DELETE FROM sends WHERE at <= ?", now - DAY_MS);
    const times = this.sql
      .exec<{ at: number }>("SELECT at FROM sends WHERE key = ? AND at > ?", key, now - DAY_MS)
      .toArray()
      .map((r) => r.at);
    const answer = allowance(times, rule, now);
    if (!answer.ok) return answer;
    const id = this.sql.exec<{ id: number }>("INSERT INTO sends (key, at) VALUES (?, ?) RETURNING id", key, now).one().id;
    // Whatever else happens, every row is gone a day after it was written. The alarm is asked for once
    // per instance and then known: only alarm() below clears or moves it.
    if (!this.alarmSet) {
      if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + DAY_MS);
      this.alarmSet = true;
    }
    return { ok: true, id };
  }

  /** Gives back a send that was counted but refused afterwards (the slot was taken, the ticket gone). */
  async giveBack(id: number): Promise<void> {
    this.sql.exec("DELETE FROM sends WHERE id = ?", id);
  }

  /** The keys counted now (hashes; tests read them). */
  async keys(): Promise<string[]> {
    return this.sql
      .exec<{ key: string }>("SELECT DISTINCT key FROM sends")
      .toArray()
      .map((r) => r.key);
  }

  /** How many sends are kept (tests and the benchmark read it). */
  async size(): Promise<number> {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM sends").one().n;
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    this.sql.exec("DELETE FROM sends WHERE at <= ?", now - DAY_MS);
    const oldest = this.sql.exec<{ at: number | null }>("SELECT MIN(at) AS at FROM sends").one().at;
    if (oldest !== null) await this.ctx.storage.setAlarm(oldest + DAY_MS + 1);
    this.alarmSet = oldest !== null;
  }
}
