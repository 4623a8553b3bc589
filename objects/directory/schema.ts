// The directory's tables, as versioned migrations (run by objects/site/schema.ts's migrate): accounts,
// sites, login records, account access, the audit log and paired devices.
import { AUDIT_MIGRATION } from "../audit/audit-log.ts";
import { DEMO_ACCOUNTS } from "./demo-data.ts";
import { DEVICES_MIGRATION } from "./devices.ts";

export const DIRECTORY_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    site_ids TEXT NOT NULL,
    desk_ids TEXT,
    device_id TEXT
  );
  CREATE TABLE sites (id TEXT PRIMARY KEY, config TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE login_failures (key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // Accounts made by the demo are marked, so that production refuses every one of them. Storage seeded
  // before this column existed has its demo accounts marked by name (only if the demo was ever loaded).
  `
  ALTER TABLE accounts ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
  UPDATE accounts SET demo = 1
    WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'demo-seeded' AND value = '1')
      AND username IN (${DEMO_ACCOUNTS.map((a) => sqlText(a.username)).join(", ")});
  `,
  // Failed logins counted per name and address together, per address and per name, under keyed hashes
  // (the old table held names and addresses in clear, and goes); the addresses names signed in from.
  `
  DROP TABLE IF EXISTS login_failures;
  CREATE TABLE IF NOT EXISTS login_counters (key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL, last_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS login_counters_age ON login_counters(last_at);
  CREATE TABLE IF NOT EXISTS login_known (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS login_known_age ON login_known(at);
  `,
  // Organisations: a manager of every site ("*") of the single directory of earlier versions becomes
  // the administrator of its organisation (registry/scopes.ts: the upgraded deployment's "default").
  `
  UPDATE accounts SET role = 'org-admin', site_ids = '[]' WHERE role = 'manager' AND site_ids LIKE '%"*"%';
  `,
  // The organisation's audit log: who changed what, when and from where.
  AUDIT_MIGRATION,
  // Staff managed by the administrator, per account (no row: none of these): disabled, a temporary
  // password to change at first sign-in, and a token version that "sign out everywhere" raises
  // (tokens of a lower one are refused).
  `
  CREATE TABLE IF NOT EXISTS account_access (
    username TEXT PRIMARY KEY,
    disabled INTEGER NOT NULL DEFAULT 0,
    must_change INTEGER NOT NULL DEFAULT 0,
    token_version INTEGER NOT NULL DEFAULT 0
  );
  `,
  // Devices paired by code (directory/devices.ts).
  DEVICES_MIGRATION,
];

/** A text literal for a migration (the demo's user names are fixed in the source). */
function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
