// The directory's login records in SQLite: failure counters and the addresses names signed in from.
// Names and addresses are never stored: every key is an HMAC-SHA256, keyed with AUTH_SECRET, of the
// kind of record, the user name (lower case) and the client address. Rows are deleted by `purge`.
import { base64url } from "../site/random.ts";
import { type Counter, type LoginState, nextPurgeAt, purgeCutoffs } from "./login-limits.ts";

/** The stored keys of one attempt's records. */
export interface LoginKeys {
  pair: string;
  address: string;
  name: string;
  known: string;
}

export class LoginRecords {
  private key: Promise<CryptoKey> | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly secret: string,
  ) {}

  async keysFor(username: string, client: string): Promise<LoginKeys> {
    const name = username.toLowerCase();
    const [pair, address, byName, known] = await Promise.all([
      this.hash("pair", name, client),
      this.hash("address", "", client),
      this.hash("name", name, ""),
      this.hash("known", name, client),
    ]);
    return { pair: `pair:${pair}`, address: `address:${address}`, name: `name:${byName}`, known: `known:${known}` };
  }

  state(keys: LoginKeys): LoginState {
    const known = this.sql.exec<{ at: number }>("SELECT at FROM login_known WHERE key = ?", keys.known).toArray()[0];
    return {
      pair: this.counter(keys.pair),
      address: this.counter(keys.address),
      name: this.counter(keys.name),
      knownSince: known?.at ?? null,
    };
  }

  recordFailure(keys: LoginKeys, next: { pair: Counter; address: Counter; name: Counter }): void {
    this.put(keys.pair, next.pair);
    this.put(keys.address, next.address);
    this.put(keys.name, next.name);
  }

  /** A sign-in: the pair's guesses are forgotten and the address becomes known for the name. */
  recordSuccess(keys: LoginKeys, now: number): void {
    this.sql.exec("DELETE FROM login_counters WHERE key = ?", keys.pair);
    this.sql.exec("INSERT INTO login_known (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at", keys.known, now);
  }

  /** Deletes failure counters a day after their latest failure and known addresses after their time. */
  purge(now: number): void {
    const { failuresBefore, knownBefore } = purgeCutoffs(now);
    this.sql.exec("DELETE FROM login_counters WHERE last_at < ?", failuresBefore);
    this.sql.exec("DELETE FROM login_known WHERE at < ?", knownBefore);
  }

  /** When the next purge has something to delete (null: no records). */
  nextPurgeAt(): number | null {
    const failure = this.sql.exec<{ at: number | null }>("SELECT MIN(last_at) AS at FROM login_counters").one().at;
    const known = this.sql.exec<{ at: number | null }>("SELECT MIN(at) AS at FROM login_known").one().at;
    return nextPurgeAt(failure, known);
  }

  private counter(key: string): Counter | null {
    const row = this.sql
      .exec<{ window_start: number; count: number; last_at: number }>(
        "SELECT window_start, count, last_at FROM login_counters WHERE key = ?",
        key,
      )
      .toArray()[0];
    return row ? { windowStart: row.window_start, count: row.count, lastAt: row.last_at } : null;
  }

  private put(key: string, c: Counter): void {
    this.sql.exec(
      `INSERT INTO login_counters (key, window_start, count, last_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = excluded.count, last_at = excluded.last_at`,
      key,
      c.windowStart,
      c.count,
      c.lastAt,
    );
  }

  private async hash(kind: string, name: string, client: string): Promise<string> {
    this.key ??= crypto.subtle.importKey("raw", new TextEncoder().encode(this.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A JSON array keeps the parts apart: no name or address can shift the boundary between them.
    const data = new TextEncoder().encode(JSON.stringify([kind, name, client]));
    return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", await this.key, data)));
  }
}
