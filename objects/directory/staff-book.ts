// The accounts of the directory's scope and what is done to them: sign-in and one's own password,
// an administrator's new account, assignment, disabling, temporary password and signing out everywhere,
// each written with its audit entry. The rules of what may be assigned are in staff-rules.ts; a user
// name is claimed in the registry before it is written. The directory checks its scope first.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { CreateStaffRequest, StaffAccount, StaffAssignment } from "../../protocol/staff.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { configDiff } from "../audit/diff.ts";
import type { LegacyInventory, Registry } from "../registry.ts";
import {
  ACCOUNT_SELECT,
  type AccountInput,
  type AccountRow,
  accountOf,
  type DemoAccounts,
  type LoginResult,
  type Revocation,
  staffOf,
  type Who,
} from "./accounts.ts";
import { afterFailure, loginVerdict, retryAfterSeconds } from "./login-limits.ts";
import type { LoginRecords } from "./login-records.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";
import { assignmentRefusal, disablesLastAdmin, type SiteDesks, temporaryPasswordRefusal } from "./staff-rules.ts";

/** What the accounts need of their directory. */
export interface StaffBookDeps {
  sql: SqlStorage;
  /** The object's storage.transactionSync: an account and its audit entry are written together. */
  transaction: <T>(closure: () => T) => T;
  audit: AuditLog;
  logins: LoginRecords;
  /** The deployment's registry, where user names are claimed. */
  registry: () => DurableObjectStub<Registry>;
  /** The scope's sites and their desks, as stored in the directory. */
  siteDesks: () => SiteDesks[];
  /** Sets the alarm to the next purge of login records and audit entries (directory/audit-retention.ts). */
  armPurge: (now: number) => Promise<void>;
}

export class StaffBook {
  constructor(private readonly d: StaffBookDeps) {}

  /**
   * Writes an account of the scope `scope` (an organisation, or the operators), its user name first claimed
   * in the registry: a name of another organisation is USERNAME_TAKEN and nothing is written.
   * `demo`: the account was made by the demo, and production refuses it.
   */
  async put(scope: string, input: AccountInput, options: { demo?: boolean }): Promise<Result<null>> {
    const claim = await this.d.registry().claimUser(input.username, scope, options.demo === true);
    if (!claim.ok) return claim;
    const hash = await hashPassword(input.password);
    this.d.sql.exec(
      `INSERT INTO accounts (username, password_hash, role, site_ids, desk_ids, device_id, demo) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role,
         site_ids = excluded.site_ids, desk_ids = excluded.desk_ids, device_id = excluded.device_id, demo = excluded.demo`,
      input.username,
      hash,
      input.role,
      JSON.stringify(input.siteIds),
      input.deskIds ? JSON.stringify(input.deskIds) : null,
      input.deviceId ?? null,
      options.demo ? 1 : 0,
    );
    return ok(null);
  }

  /** The accounts an earlier version's single directory holds, for the registry to adopt (in demo mode without the demo's own). */
  legacyAccounts(demoMode: boolean): LegacyInventory["accounts"] {
    return this.d.sql
      .exec<{ username: string; demo: number }>("SELECT username, demo FROM accounts ORDER BY username")
      .toArray()
      .filter((a) => !(demoMode && a.demo === 1))
      .map((a) => ({ username: a.username, demo: a.demo === 1 }));
  }

  /** Checks a password within the login limits (directory/login-limits.ts), counting a failure against them. */
  async login(username: string, password: string, client: string, demoAccounts: DemoAccounts): Promise<LoginResult> {
    const now = Date.now();
    const keys = await this.d.logins.keysFor(username, client);
    this.d.logins.purge(now);
    const verdict = loginVerdict(this.d.logins.state(keys), now);
    if (!verdict.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterS: retryAfterSeconds(verdict.retryAfterMs) };
    const row = this.accountRow(username);
    const good = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    // A demo account outside demo mode is as unknown as a wrong password, and counted like one.
    const refused = row?.demo === 1 && demoAccounts === "refuse";
    if (!row || !good || refused) {
      // Counted from the counters as they are now, not as they were before the password was checked.
      this.d.logins.recordFailure(keys, afterFailure(this.d.logins.state(keys), now));
      // Only an account's own name is logged: what was typed for an unknown one may be a password.
      if (row) {
        this.d.audit.append(
          { actor: row.username, address: client, action: "login.failed", target: row.username, summary: "Nieudane logowanie" },
          now,
        );
      }
      await this.d.armPurge(now);
      return fail("BAD_CREDENTIALS");
    }
    this.d.logins.recordSuccess(keys, now);
    // The right password of a disabled account: counted as a success (it was not guessed), but no token.
    if (row.disabled === 1) return fail("ACCOUNT_DISABLED");
    this.d.audit.append(
      { actor: row.username, address: client, action: "login.succeeded", target: row.username, summary: "Zalogowano" },
      now,
    );
    await this.d.armPurge(now);
    return ok(accountOf(row));
  }

  /**
   * One's own new password, given the current one (a wrong one counts against the login limits). The
   * account's other tokens stop working; the caller signs a new token for the account returned.
   */
  async changePassword(username: string, current: string, next: string, client: string): Promise<LoginResult> {
    const now = Date.now();
    const keys = await this.d.logins.keysFor(username, client);
    const verdict = loginVerdict(this.d.logins.state(keys), now);
    if (!verdict.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterS: retryAfterSeconds(verdict.retryAfterMs) };
    const row = this.accountRow(username);
    if (!row) return fail("UNKNOWN_ACCOUNT");
    if (!(await verifyPassword(current, row.password_hash))) {
      this.d.logins.recordFailure(keys, afterFailure(this.d.logins.state(keys), now));
      await this.d.armPurge(now);
      return fail("PASSWORD_WRONG");
    }
    if (row.disabled === 1) return fail("ACCOUNT_DISABLED");
    if (current === next) return fail("PASSWORD_UNCHANGED");
    const hash = await hashPassword(next);
    this.d.transaction(() => {
      this.d.sql.exec("UPDATE accounts SET password_hash = ? WHERE username = ?", hash, username);
      this.setAccess(username, "must_change = 0, token_version = token_version + 1");
      this.d.audit.append(
        { actor: username, address: client, action: "password.changed", target: username, summary: "Zmieniono własne hasło" },
        now,
      );
    });
    return ok(accountOf(this.requireRow(username)));
  }

  /** The scope's accounts, without their password hashes. */
  list(): StaffAccount[] {
    return this.d.sql.exec<AccountRow>(`${ACCOUNT_SELECT} ORDER BY a.username`).toArray().map(staffOf);
  }

  /** The accounts whose tokens are refused now: disabled, or signed out everywhere. */
  revocations(): Revocation[] {
    return this.d.sql
      .exec<{ username: string; disabled: number; token_version: number }>(
        "SELECT username, disabled, token_version FROM account_access WHERE disabled = 1 OR token_version > 0",
      )
      .toArray()
      .map((r) => ({ username: r.username, disabled: r.disabled === 1, version: r.token_version }));
  }

  /**
   * A new account of the organisation `org` with a temporary password, to be changed at first sign-in.
   * Its sites and desks are checked first, then its name claimed in the registry; nothing is stored on a refusal.
   */
  async create(org: string, input: CreateStaffRequest, who: Who): Promise<Result<StaffAccount>> {
    const { username, password, ...assignment } = input;
    const refusal = assignmentRefusal(assignment, this.d.siteDesks());
    if (refusal) return fail(refusal.code, refusal.message);
    if (this.accountRow(username)) return fail("USERNAME_TAKEN");
    const claim = await this.d.registry().claimUser(username, org, false);
    if (!claim.ok) return claim;
    const hash = await hashPassword(password);
    const now = Date.now();
    this.d.transaction(() => {
      this.d.sql.exec(
        "INSERT INTO accounts (username, password_hash, role, site_ids, desk_ids) VALUES (?, ?, ?, ?, ?)",
        username,
        hash,
        assignment.role,
        JSON.stringify(assignment.siteIds),
        assignment.deskIds ? JSON.stringify(assignment.deskIds) : null,
      );
      this.setAccess(username, "must_change = 1");
      this.d.audit.append(
        { ...who, action: "account.created", target: username, summary: `Utworzono konto ${username} (${describe(assignment)})` },
        now,
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Changes an account's role, sites and desks (an administrator's are not changed here). */
  assign(username: string, assignment: StaffAssignment, who: Who): Result<StaffAccount> {
    const row = this.staffRow(username);
    if (!row.ok) return row;
    if (row.value.role === "org-admin" || row.value.role === "operator") return fail("ADMIN_ACCOUNT");
    const refusal = assignmentRefusal(assignment, this.d.siteDesks());
    if (refusal) return fail(refusal.code, refusal.message);
    const before = staffOf(row.value);
    this.d.transaction(() => {
      this.d.sql.exec(
        "UPDATE accounts SET role = ?, site_ids = ?, desk_ids = ? WHERE username = ?",
        assignment.role,
        JSON.stringify(assignment.siteIds),
        assignment.deskIds ? JSON.stringify(assignment.deskIds) : null,
        username,
      );
      this.d.audit.append(
        {
          ...who,
          action: "account.changed",
          target: username,
          summary: `Zmieniono konto ${username} (${describe(assignment)})`,
          changes: configDiff(
            { role: before.role, siteIds: before.siteIds, deskIds: before.deskIds ?? null },
            { role: assignment.role, siteIds: assignment.siteIds, deskIds: assignment.deskIds ?? null },
          ),
        },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Disables (its tokens stop working) or enables an account; the last working administrator stays. */
  setDisabled(username: string, disabled: boolean, who: Who): Result<StaffAccount> {
    const row = this.staffRow(username);
    if (!row.ok) return row;
    if (disabled) {
      const all = this.d.sql.exec<AccountRow>(ACCOUNT_SELECT).toArray();
      const states = all.map((r) => ({ username: r.username, role: r.role, disabled: r.disabled === 1 }));
      if (disablesLastAdmin(states, username)) return fail("LAST_ADMIN");
    }
    if ((row.value.disabled === 1) === disabled) return ok(staffOf(row.value));
    this.d.transaction(() => {
      this.setAccess(username, `disabled = ${disabled ? 1 : 0}`);
      this.d.audit.append(
        disabled
          ? { ...who, action: "account.disabled", target: username, summary: `Wyłączono konto ${username}` }
          : { ...who, action: "account.changed", target: username, summary: `Włączono konto ${username}` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** A new temporary password, to be changed at next sign-in; the account's tokens stop working. Never one's own. */
  async setTemporaryPassword(username: string, password: string, who: Who): Promise<Result<StaffAccount>> {
    const row = this.staffRow(username);
    if (!row.ok) return row;
    const refusal = temporaryPasswordRefusal(who.actor, username);
    if (refusal) return fail(refusal.code, refusal.message);
    const hash = await hashPassword(password);
    this.d.transaction(() => {
      this.d.sql.exec("UPDATE accounts SET password_hash = ? WHERE username = ?", hash, username);
      this.setAccess(username, "must_change = 1, token_version = token_version + 1");
      this.d.audit.append(
        { ...who, action: "password.changed", target: username, summary: `Nadano hasło tymczasowe kontu ${username}` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Every token of the account signed before now is refused from now on. */
  signOutEverywhere(username: string, who: Who): Result<StaffAccount> {
    const row = this.staffRow(username);
    if (!row.ok) return row;
    this.d.transaction(() => {
      this.setAccess(username, "token_version = token_version + 1");
      this.d.audit.append(
        { ...who, action: "account.signed-out", target: username, summary: `Wylogowano konto ${username} ze wszystkich urządzeń` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** An account with its access, or undefined for an unknown name. */
  private accountRow(username: string): AccountRow | undefined {
    return this.d.sql.exec<AccountRow>(`${ACCOUNT_SELECT} WHERE a.username = ?`, username).toArray()[0];
  }

  /** Sets an account's access (`assignments`: fixed SQL of this file, never input). */
  private setAccess(username: string, assignments: string): void {
    this.d.sql.exec("INSERT INTO account_access (username) VALUES (?) ON CONFLICT (username) DO NOTHING", username);
    this.d.sql.exec(`UPDATE account_access SET ${assignments} WHERE username = ?`, username);
  }

  /** An account just written: it must be there. */
  private requireRow(username: string): AccountRow {
    const row = this.accountRow(username);
    if (!row) throw new Error(`account ${username} vanished`);
    return row;
  }

  /** An account of the scope, or UNKNOWN_ACCOUNT. */
  private staffRow(username: string): Result<AccountRow> {
    const row = this.accountRow(username);
    return row ? ok(row) : fail("UNKNOWN_ACCOUNT");
  }
}

/** An assignment as one line of the audit log: "clerk; site-a; d1, d2". */
function describe(a: StaffAssignment): string {
  return [a.role, a.siteIds.join(", "), ...(a.deskIds ? [a.deskIds.join(", ")] : [])].join("; ");
}
