// Codes devices show while they wait to be paired: one object for the deployment (its name:
// PAIRINGS_NAME), kept apart from the registry so that a flood of codes never slows sign-ins or the
// site list. It keeps a code only while it is shown (PAIRING_TTL_MS, then an hour so a late attempt is
// told "expired"), at most MAX_WAITING in all and MAX_WAITING_PER_ADDRESS from one client address
// (stored as a keyed hash), and the device's secret only as its SHA-256. Once a manager has paired a
// code, the device's session waits here until the device collects it, then a minute more.
import { DurableObject } from "cloudflare:workers";
import type { LoginResponse } from "../protocol/api.ts";
import type { DeviceKind, PairingState, StartPairingRequest, StartPairingResponse } from "../protocol/devices.ts";
import { fail, ok, type Result } from "../protocol/errors.ts";
import type { Env } from "../worker/env.ts";
import { cryptoRandomInt } from "./booking/random.ts";
import { sha256Hex } from "./booking/sha256.ts";
import {
  claimRefusal,
  drawCode,
  EXPIRED_KEPT_MS,
  MAX_MISSES_PER_HOUR,
  MAX_WAITING,
  MAX_WAITING_PER_ADDRESS,
  PAIRING_TTL_MS,
  POLL_AFTER_S,
  showCode,
} from "./pairing/rules.ts";
import { migrate } from "./site/schema.ts";

export const PAIRINGS_NAME = "pairings";

export const PAIRINGS_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE codes (
    code TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    version TEXT NOT NULL,
    address TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    paired_at INTEGER,
    device_id TEXT,
    session TEXT
  );
  CREATE INDEX codes_by_age ON codes (expires_at);
  CREATE INDEX codes_by_address ON codes (address, expires_at);
  CREATE TABLE misses (who TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX misses_by_who ON misses (who, at);
  `,
];

const HOUR_MS = 3_600_000;
/** After the device has collected its session, it may ask again this long (its answer may have been lost). */
const COLLECTED_KEPT_MS = 60_000;

type CodeRow = {
  code: string;
  kind: DeviceKind;
  site_id: string;
  version: string;
  expires_at: number;
  paired_at: number | null;
  device_id: string | null;
  session: string | null;
};

/** A code a manager has reserved for their device: what the device said of itself. */
export interface ClaimedCode {
  kind: DeviceKind;
  version: string;
}

export class Pairings extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, PAIRINGS_MIGRATIONS);
    });
  }

  /** A new code for a device that asks from `address`, unless too many wait already. */
  async start(req: StartPairingRequest, address: string, now = Date.now()): Promise<Result<StartPairingResponse>> {
    this.purge(now);
    const from = this.keyed("address", address);
    const waiting = (where: string, ...args: unknown[]) =>
      this.sql
        .exec<{ n: number }>(`SELECT COUNT(*) AS n FROM codes WHERE expires_at > ? AND paired_at IS NULL ${where}`, now, ...args)
        .one().n;
    if (waiting("AND address = ?", from) >= MAX_WAITING_PER_ADDRESS || waiting("") >= MAX_WAITING) {
      return fail("RATE_LIMITED", "Too many devices wait for pairing now; try again in a few minutes.");
    }
    let code = drawCode(cryptoRandomInt);
    while (this.sql.exec("SELECT 1 FROM codes WHERE code = ?", code).toArray().length > 0) code = drawCode(cryptoRandomInt);
    const secret = randomSecret();
    const expiresAt = now + PAIRING_TTL_MS;
    this.sql.exec(
      "INSERT INTO codes (code, secret_hash, kind, site_id, version, address, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      code,
      sha256Hex(secret),
      req.kind,
      req.siteId,
      req.version,
      from,
      expiresAt,
    );
    await this.armPurge(this.nextPurgeAt() ?? expiresAt);
    return ok({ code: showCode(code), secret, expiresAt: new Date(expiresAt).toISOString(), pollAfterS: POLL_AFTER_S });
  }

  /** What a waiting device learns when it asks with its secret: still waiting, or its session. */
  async state(secret: string, now = Date.now()): Promise<Result<PairingState>> {
    const row = this.sql.exec<CodeRow>("SELECT * FROM codes WHERE secret_hash = ?", sha256Hex(secret)).toArray()[0];
    if (!row || row.expires_at <= now) return fail("PAIRING_UNKNOWN");
    if (row.paired_at === null || row.session === null || row.device_id === null) {
      return ok({ state: "waiting", expiresAt: new Date(row.expires_at).toISOString() });
    }
    // Collected: kept a minute more in case this answer is lost on its way, then gone.
    this.sql.exec("UPDATE codes SET expires_at = MIN(expires_at, ?) WHERE code = ?", now + COLLECTED_KEPT_MS, row.code);
    return ok({ state: "paired", deviceId: row.device_id, session: JSON.parse(row.session) as LoginResponse });
  }

  /**
   * Reserves `code` for the configured device `chosen` of `siteId`, typed by manager `who`; refused when
   * the code is unknown, expired, used, of another site or another kind of device. A manager who types
   * many unknown codes is made to wait (RATE_LIMITED), so codes cannot be found by trying.
   */
  async claim(
    code: string,
    siteId: string,
    chosen: { kind: DeviceKind } | null,
    who: string,
    now = Date.now(),
  ): Promise<Result<ClaimedCode>> {
    const miss = this.keyed("who", who);
    this.sql.exec("DELETE FROM misses WHERE at <= ?", now - HOUR_MS);
    const misses = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM misses WHERE who = ?", miss).one().n;
    if (misses >= MAX_MISSES_PER_HOUR) return fail("RATE_LIMITED", "Too many wrong codes; try again within an hour.");
    const row = this.sql.exec<CodeRow>("SELECT * FROM codes WHERE code = ?", code).toArray()[0] ?? null;
    const refusal = claimRefusal(
      row && { kind: row.kind, siteId: row.site_id, expiresAt: row.expires_at, pairedAt: row.paired_at },
      siteId,
      chosen,
      now,
    );
    if (refusal || !row) {
      if (!row) this.sql.exec("INSERT INTO misses (who, at) VALUES (?, ?)", miss, now);
      return refusal ? fail(refusal.code, refusal.message) : fail("PAIRING_CODE_UNKNOWN");
    }
    this.sql.exec("UPDATE codes SET paired_at = ? WHERE code = ?", now, code);
    return ok({ kind: row.kind, version: row.version });
  }

  /** Leaves the session for the device of a claimed code to collect. */
  async deliver(code: string, deviceId: string, session: LoginResponse): Promise<void> {
    this.sql.exec(
      "UPDATE codes SET device_id = ?, session = ? WHERE code = ? AND paired_at IS NOT NULL",
      deviceId,
      JSON.stringify(session),
      code,
    );
    const due = this.nextPurgeAt();
    if (due !== null) await this.armPurge(due);
  }

  /** Gives a claimed code back (the device could not be recorded): it may be typed again. */
  async release(code: string): Promise<void> {
    this.sql.exec("UPDATE codes SET paired_at = NULL WHERE code = ? AND session IS NULL", code);
  }

  /** How many codes are kept (tests read it). */
  async size(): Promise<number> {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM codes").one().n;
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    this.purge(now);
    const next = this.nextPurgeAt();
    if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, now + 1));
  }

  /** When something is next due: a session to forget (its code expired), or a code to delete. */
  private nextPurgeAt(): number | null {
    const row = this.sql
      .exec<{ session: number | null; code: number | null }>(
        `SELECT (SELECT MIN(expires_at) FROM codes WHERE session IS NOT NULL) AS session,
                (SELECT MIN(expires_at) FROM codes) + ${EXPIRED_KEPT_MS} AS code`,
      )
      .one();
    const due = [row.session, row.code].filter((t): t is number => t !== null);
    return due.length ? Math.min(...due) : null;
  }

  /** Sessions of expired codes go at once; the codes themselves an hour after they expired. */
  private purge(now: number): void {
    this.sql.exec("UPDATE codes SET session = NULL WHERE expires_at <= ? AND session IS NOT NULL", now);
    this.sql.exec("DELETE FROM codes WHERE expires_at <= ?", now - EXPIRED_KEPT_MS);
  }

  private async armPurge(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** A client address or a manager's name as stored: a hash under the deployment's secret. */
  private keyed(kind: string, value: string): string {
    return sha256Hex(`${this.env.AUTH_SECRET}\u0000pairing-${kind}\u0000${value}`);
  }
}

/** 32 random bytes, base64url without padding (43 characters). */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}
