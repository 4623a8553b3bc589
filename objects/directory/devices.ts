// The organisation's paired devices, in its directory: which configured device of which site each
// pairing is, when and by whom it was paired, and whether it has been revoked. A device's tokens carry
// device:<pairing id> as their subject; a revoked pairing is among the directory's revocations until
// every token it could have signed has expired.
import type { DeviceKind } from "../../protocol/devices.ts";

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
  constructor(private readonly sql: SqlStorage) {}

  /** The pairings of a site in force, oldest first. */
  active(siteId: string): DeviceRow[] {
    return this.sql
      .exec<DeviceRow>("SELECT * FROM devices WHERE site_id = ? AND revoked_at IS NULL ORDER BY paired_at, id", siteId)
      .toArray();
  }

  find(id: string): DeviceRow | undefined {
    return this.sql.exec<DeviceRow>("SELECT * FROM devices WHERE id = ?", id).toArray()[0];
  }

  /** The pairings in force of one configured device (a new pairing replaces them). */
  activeOf(siteId: string, deviceId: string): DeviceRow[] {
    return this.active(siteId).filter((d) => d.device_id === deviceId);
  }

  add(id: string, p: NewPairing, by: string, now: number): void {
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

  revoke(id: string, now: number): void {
    this.sql.exec("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
  }

  /** Pairings revoked since `since` (older ones' tokens have all expired). */
  revokedSince(since: number): string[] {
    return this.sql
      .exec<{ id: string }>("SELECT id FROM devices WHERE revoked_at IS NOT NULL AND revoked_at > ?", since)
      .toArray()
      .map((r) => r.id);
  }
}
