// An organisation's accounts as the directory stores them: the shapes the Worker receives, a row with
// its access (disabled, temporary password, token version), and how a row becomes each shape.
import type { Role } from "../../protocol/api.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { StaffAccount } from "../../protocol/staff.ts";

/** Whether login admits accounts the demo made: only a Worker in demo mode does. */
export type DemoAccounts = "admit" | "refuse";

/** The first operator of a production deployment, from the FIRST_OPERATOR (or FIRST_MANAGER) secret. */
export interface FirstOperator {
  username: string;
  password: string;
}

export interface Account {
  username: string;
  role: Role;
  siteIds: string[];
  deskIds?: string[];
  deviceId?: string;
  /** Tokens carry it; "sign out everywhere" raises it (absent: 0). */
  tokenVersion?: number;
  /** Signed in with a temporary password, to be changed before anything else. */
  mustChangePassword?: true;
}

export interface AccountInput extends Account {
  password: string;
}

/** A sign-in's answer; a refusal by the login limits says in how many seconds to try again. */
export type LoginResult = { ok: true; value: Account } | { ok: false; code: ErrorCode; message?: string; retryAfterS?: number };

/** Who acted, for the audit log: a user name and the client address, or the system. */
export interface Who {
  actor: string | null;
  address: string | null;
}
export const SYSTEM: Who = { actor: null, address: null };

/** An account whose tokens are refused: disabled, or signed out everywhere (tokens below `version`). */
export interface Revocation {
  username: string;
  disabled: boolean;
  version: number;
}

export type AccountRow = {
  username: string;
  password_hash: string;
  role: string;
  site_ids: string;
  desk_ids: string | null;
  device_id: string | null;
  demo: number;
  disabled: number;
  must_change: number;
  token_version: number;
};

/** An account with its access (account_access), as AccountRow has it. */
export const ACCOUNT_SELECT = `SELECT a.*, COALESCE(x.disabled, 0) AS disabled, COALESCE(x.must_change, 0) AS must_change,
  COALESCE(x.token_version, 0) AS token_version FROM accounts a LEFT JOIN account_access x ON x.username = a.username`;

export function accountOf(row: AccountRow): Account {
  const account: Account = { username: row.username, role: row.role as Role, siteIds: JSON.parse(row.site_ids) as string[] };
  if (row.desk_ids) account.deskIds = JSON.parse(row.desk_ids) as string[];
  if (row.device_id) account.deviceId = row.device_id;
  if (row.token_version > 0) account.tokenVersion = row.token_version;
  if (row.must_change === 1) account.mustChangePassword = true;
  return account;
}

export function staffOf(row: AccountRow): StaffAccount {
  const account: StaffAccount = {
    username: row.username,
    role: row.role,
    siteIds: JSON.parse(row.site_ids) as string[],
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change === 1,
  };
  if (row.desk_ids) account.deskIds = JSON.parse(row.desk_ids) as string[];
  return account;
}
