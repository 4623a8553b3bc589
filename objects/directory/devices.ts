// The organisation's paired devices, in its directory: which configured device of which site each
// pairing is, when and by whom it was paired, and whether it has been revoked. A device's tokens carry
// device:<pairing id> as their subject; a revoked pairing is among the directory's revocations until
// every token it could have signed has expired. A pairing and its revocation are written with their audit entry.
import type { DeviceKind } from "../../protocol/devices.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { DEVICE_TTL_S } from "../../worker/auth/token.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { deviceSubject } from "../pairing/rules.ts";
import type { Revocation, Who } from "./accounts.ts";

export const DEVICES_MIGRATION = `
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    version TEXT NOT NULL,
    paired_at INTEGER NOT NULL,
    paired_by TEXT NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS devices_by_site ON devices (site_id, device_id);
`;

export type DeviceRow = {
  id: string;
  site_id: string;
  device_id: string;
  kind: DeviceKind;
  version: string;
  paired_at: number;
  paired_by: string;
  revoked_at: number | null;
};

/** What a new pairing records. */
export interface NewPairing {
  siteId: string;
  deviceId: string;
  kind: DeviceKind;
  version: string;
}

export class DeviceBook {
  /** `transaction`: the object's storage.transactionSync, so that a change and its audit entry are written together. */
  constructor(
    private readonly sql: SqlStorage,
    private readonly transaction: <T>(closure: () => T) => T,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Records a device paired by `who` at one of the organisation's sites. Pairings of the same configured
   * device in force before are revoked (a replaced kiosk PC stops working): their ids are answered, so
   * their sockets can be closed.
   */
  pair(p: NewPairing, who: Who): Result<{ device: DeviceRow; replaced: string[] }> {
    if (!this.sql.exec("SELECT 1 FROM sites WHERE id = ?", p.siteId).toArray().length) return fail("UNKNOWN_SITE");
    const id = crypto.randomUUID();
    const now = Date.now();
    const replaced = this.activeOf(p.siteId, p.deviceId).map((d) => d.id);
    this.transaction(() => {
      for (const old of replaced) this.revoke(old, now);
      this.add(id, p, who.actor ?? "system", now);
      const also = replaced.length ? `; poprzednie sparowanie odłączone` : "";
      this.audit.append(
        {
          ...who,
          action: "device.paired",
          target: `${p.siteId}/${p.deviceId}`,
          summary: `Sparowano urządzenie ${p.deviceId} (${p.kind}, ${p.version}) w placówce ${p.siteId}${also}`,
        },
        now,
      );
    });
    const device = this.find(id);
    if (!device) throw new Error(`pairing ${id} vanished`);
    return ok({ device, replaced });
  }

  /** Revokes a pairing of the site: its tokens are refused from now on. */
  unpair(siteId: string, id: string, who: Who): Result<DeviceRow> {
    const row = this.find(id);
    if (!row || row.site_id !== siteId) return fail("UNKNOWN_DEVICE");
    if (row.revoked_at !== null) return fail("DEVICE_REVOKED");
    const now = Date.now();
    this.transaction(() => {
      this.revoke(id, now);
      this.audit.append(
        {
          ...who,
          action: "device.revoked",
          target: `${siteId}/${row.device_id}`,
          summary: `Odłączono urządzenie ${row.device_id} (${row.kind}) w placówce ${siteId}`,
        },
        now,
      );
    });
    return ok({ ...row, revoked_at: now });
  }

  /** The revoked pairings whose tokens may not have expired yet at `now`, as revocations of their subject device:<id>. */
  revocations(now: number): Revocation[] {
    return this.revokedSince(now - DEVICE_TTL_S * 1000).map((id) => ({ username: deviceSubject(id), disabled: true, version: 0 }));
  }

  /** The pairings of a site in force, oldest first. */
  active(siteId: string): DeviceRow[] {
    return this.sql
      .exec<DeviceRow>("SELECT * FROM devices WHERE site_id = ? AND revoked_at IS NULL ORDER BY paired_at, id", siteId)
      .toArray();
  }

  /** A pairing by its id, in force or revoked. */
  find(id: string): DeviceRow | undefined {
    return this.sql.exec<DeviceRow>("SELECT * FROM devices WHERE id = ?", id).toArray()[0];
  }

  /** The pairings in force of one configured device (a new pairing replaces them). */
  activeOf(siteId: string, deviceId: string): DeviceRow[] {
    return this.active(siteId).filter((d) => d.device_id === deviceId);
  }

  /** Stores a new pairing. */
  private add(id: string, p: NewPairing, by: string, now: number): void {
    this.sql.exec(
      "INSERT INTO devices (id, site_id, device_id, kind, version, paired_at, paired_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      p.siteId,
      p.deviceId,
      p.kind,
      p.version,
      now,
      by,
    );
  }

  /** Marks a pairing revoked (a revoked one keeps its first time). */
  private revoke(id: string, now: number): void {
    this.sql.exec("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
  }

  /** Pairings revoked since `since` (older ones' tokens have all expired). */
  private revokedSince(since: number): string[] {
    return this.sql
      .exec<{ id: string }>("SELECT id FROM devices WHERE revoked_at IS NOT NULL AND revoked_at > ?", since)
      .toArray()
      .map((r) => r.id);
  }
}
