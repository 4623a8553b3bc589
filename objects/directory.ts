// A directory: one object per organisation (`idFromName("org:" + orgId)`, see registry/scopes.ts),
// one for the deployment's operators, and one where names no organisation has are checked. It holds
// the accounts of that organisation's staff and devices (PBKDF2 hashes), its sites' configuration,
// and its failed-login counters (see directory/login-limits.ts); its alarm deletes those a day old.
// A burst of failed logins therefore costs only the organisation whose names are guessed.
// The registry (objects/registry.ts) reserves every user name and site id across the deployment; a
// directory claims them there before it writes. Each site's queue lives in its own SiteQueue object;
// the directory pushes configuration to it, then the registry lists the site.
import { DurableObject } from "cloudflare:workers";
import type { AuditEntry, AuditQuery } from "../protocol/audit.ts";
import { CheckedSiteConfig, configRefusal, SiteConfig } from "../protocol/config.ts";
import type { Result } from "../protocol/errors.ts";
import { fail, ok } from "../protocol/errors.ts";
import type { CreateStaffRequest, StaffAccount, StaffAssignment } from "../protocol/staff.ts";
import { DEVICE_TTL_S } from "../worker/auth/token.ts";
import type { Env } from "../worker/env.ts";
import { AuditLog, type AuditRecord } from "./audit/audit-log.ts";
import { configDiff } from "./audit/diff.ts";
import { nextExpiryAt, retentionAllowed, storedRetention } from "./audit/retention.ts";
import {
  ACCOUNT_SELECT,
  type AccountInput,
  type AccountRow,
  accountOf,
  type DemoAccounts,
  type LoginResult,
  type Revocation,
  SYSTEM,
  staffOf,
  type Who,
} from "./directory/accounts.ts";
import { DEMO_HISTORY_DAYS, DEMO_OPERATORS, DEMO_ORGANISATIONS, DEMO_SITES, type DemoAccount, demoClerks } from "./directory/demo-data.ts";
import { DeviceBook, type DeviceRow, type NewPairing } from "./directory/devices.ts";
import { afterFailure, loginVerdict, retryAfterSeconds } from "./directory/login-limits.ts";
import { LoginRecords } from "./directory/login-records.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./directory/password.ts";
import { DIRECTORY_MIGRATIONS } from "./directory/schema.ts";
import { assignmentRefusal, disablesLastAdmin, type SiteDesks, temporaryPasswordRefusal } from "./directory/staff-rules.ts";
import { deviceSubject } from "./pairing/rules.ts";
import { OPERATORS, REGISTRY_NAME } from "./registry/scopes.ts";
import type { LegacyInventory } from "./registry.ts";
import { migrate } from "./site/schema.ts";

export type { Account, AccountInput, DemoAccounts, FirstOperator, LoginResult, Revocation, Who } from "./directory/accounts.ts";
export { DIRECTORY_MIGRATIONS } from "./directory/schema.ts";

export class Directory extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly audit: AuditLog;
  private readonly logins: LoginRecords;
  private readonly devices: DeviceBook;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.logins = new LoginRecords(this.sql, env.AUTH_SECRET);
    this.audit = new AuditLog(this.sql, () => this.auditDays());
    this.devices = new DeviceBook(this.sql);
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, DIRECTORY_MIGRATIONS);
    });
  }

  /**
   * In demo mode, loads a demo organisation's sites and accounts (or the demo operator) once;
   * configuration reaches every site object before this reports done.
   */
  async ensureDemo(scope: string): Promise<Result<{ seeded: boolean }>> {
    if (this.env.NUMEREK_MODE !== "demo") return fail("DEMO_ONLY");
    const bound = this.bind(scope);
    if (!bound.ok) return bound;
    const org = DEMO_ORGANISATIONS.find((o) => o.id === scope);
    const accounts: DemoAccount[] = scope === OPERATORS ? DEMO_OPERATORS : (org?.accounts ?? []);
    // The demo sites follow the demo data as it changes between versions; accounts are made once.
    const version = demoVersion();
    const seeded = this.meta("demo-sites") !== version;
    if (seeded) {
      for (const site of org?.sites ?? []) {
        const r = await this.putSite(scope, site);
        if (!r.ok) return r;
      }
      if (this.meta("demo-seeded") !== "1") {
        for (const a of accounts) {
          const r = await this.putAccount(scope, a, { demo: true });
          if (!r.ok) return r;
        }
        this.setMeta("demo-seeded", "1");
      }
      this.setMeta("demo-sites", version);
    }
    // Every start: the days since the last one get their history too (a day with visits is left alone).
    for (const site of org?.sites ?? []) {
      const sites = this.env.DATA_JURISDICTION ? this.env.SITE.jurisdiction(this.env.DATA_JURISDICTION) : this.env.SITE;
      const r = await sites.get(sites.idFromName(site.id)).loadHistory({ days: DEMO_HISTORY_DAYS, clerks: demoClerks(site.id) });
      if (!r.ok) return fail(r.code, r.message);
    }
    return ok({ seeded });
  }

  /** Configures a site of this organisation: its id claimed in the registry, the site object configured, then listed. */
  async putSite(org: string, input: unknown, who: Who = SYSTEM): Promise<Result<{ id: string }>> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    const parsed = CheckedSiteConfig.safeParse(input);
    if (!parsed.success) return fail("VALIDATION_FAILED", configRefusal(parsed.error));
    const config = parsed.data;
    const claim = await this.registry().claimSite(config.id, org);
    if (!claim.ok) return claim;
    // The site object validates again and stores its own copy; only then is the site listed.
    const sites = this.env.DATA_JURISDICTION ? this.env.SITE.jurisdiction(this.env.DATA_JURISDICTION) : this.env.SITE;
    const r = await sites.get(sites.idFromName(config.id)).configure(config);
    if (!r.ok) {
      if (claim.value.created) await this.registry().releaseSite(config.id, org);
      return fail(r.code, r.message);
    }
    const before = this.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", config.id).toArray()[0];
    const now = Date.now();
    // The configuration and its audit entry are written together.
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        "INSERT INTO sites (id, config, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
        config.id,
        JSON.stringify(config),
        now,
      );
      this.audit.append(
        before
          ? {
              ...who,
              action: "site.changed",
              target: config.id,
              summary: `Zmieniono konfigurację placówki ${config.name}`,
              changes: configDiff(JSON.parse(before.config), config),
            }
          : { ...who, action: "site.created", target: config.id, summary: `Utworzono placówkę ${config.name}` },
        now,
      );
    });
    const listed = await this.registry().publishSite(org, config);
    if (!listed.ok) return listed;
    return ok({ id: config.id });
  }

  /**
   * Writes an account of this scope (an organisation, or the operators), its user name first claimed
   * in the registry: a name of another organisation is USERNAME_TAKEN and nothing is written.
   * `demo`: the account was made by the demo, and production refuses it.
   */
  async putAccount(scope: string, input: AccountInput, options: { demo?: boolean } = {}): Promise<Result<null>> {
    const bound = this.bind(scope);
    if (!bound.ok) return bound;
    const claim = await this.registry().claimUser(input.username, scope, options.demo === true);
    if (!claim.ok) return claim;
    const hash = await hashPassword(input.password);
    this.sql.exec(
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

  /**
   * What an earlier version's single directory holds, for the registry to adopt as the organisation
   * "default". In demo mode the demo's own accounts and sites are left out: the demo seeds them anew
   * in their organisations (a site's object, keyed by its id, keeps its queue).
   */
  async legacyInventory(demoMode: boolean): Promise<LegacyInventory> {
    const demoSites = new Set(DEMO_SITES.map((s) => s.id));
    const accounts = this.sql
      .exec<{ username: string; demo: number }>("SELECT username, demo FROM accounts ORDER BY username")
      .toArray()
      .filter((a) => !(demoMode && a.demo === 1))
      .map((a) => ({ username: a.username, demo: a.demo === 1 }));
    const sites = this.sql
      .exec<{ id: string; config: string }>("SELECT id, config FROM sites ORDER BY id")
      .toArray()
      .filter((s) => !(demoMode && demoSites.has(s.id)));
    return { accounts, sites };
  }

  /** One site's whole configuration as stored (with the defaults of fields added since), or null for an unknown id. */
  async siteConfig(id: string): Promise<SiteConfig | null> {
    const row = this.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", id).toArray()[0];
    return row ? SiteConfig.parse(JSON.parse(row.config)) : null;
  }

  /** The organisation's audit log, newest first, filtered. */
  async auditEntries(q: AuditQuery): Promise<AuditEntry[]> {
    return this.audit.query(q);
  }

  /** How many days the audit log keeps its entries. */
  async auditRetention(): Promise<number> {
    return this.auditDays();
  }

  /** Sets how long the audit log keeps its entries: recorded, and older entries are deleted with it. */
  async setAuditRetention(org: string, days: number, who: Who): Promise<Result<{ days: number }>> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    if (!retentionAllowed(days)) return fail("VALIDATION_FAILED", "days: whole days from 30 to 3650");
    const before = this.auditDays();
    if (before === days) return ok({ days });
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.setMeta(AUDIT_RETENTION_KEY, String(days));
      this.audit.append(
        {
          ...who,
          action: "audit.retention-changed",
          target: null,
          summary: `Zmieniono okres przechowywania dziennika zdarzeń na ${days} dni`,
          changes: configDiff({ days: before }, { days }),
        },
        now,
      );
    });
    await this.armPurge(now);
    return ok({ days });
  }

  /** Records what was done outside the directory (a message sent again, the log exported). */
  async recordAudit(record: AuditRecord): Promise<void> {
    const now = Date.now();
    this.audit.append(record, now);
    await this.armPurge(now);
  }

  /** Checks a password within the login limits (directory/login-limits.ts), counting a failure against them. */
  async login(username: string, password: string, client: string, demoAccounts: DemoAccounts): Promise<LoginResult> {
    const now = Date.now();
    const keys = await this.logins.keysFor(username, client);
    this.logins.purge(now);
    const verdict = loginVerdict(this.logins.state(keys), now);
    if (!verdict.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterS: retryAfterSeconds(verdict.retryAfterMs) };
    const row = this.accountRow(username);
    const good = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    // A demo account outside demo mode is as unknown as a wrong password, and counted like one.
    const refused = row?.demo === 1 && demoAccounts === "refuse";
    if (!row || !good || refused) {
      // Counted from the counters as they are now, not as they were before the password was checked.
      this.logins.recordFailure(keys, afterFailure(this.logins.state(keys), now));
      // Only an account's own name is logged: what was typed for an unknown one may be a password.
      if (row) {
        this.audit.append(
          { actor: row.username, address: client, action: "login.failed", target: row.username, summary: "Nieudane logowanie" },
          now,
        );
      }
      await this.armPurge(now);
      return fail("BAD_CREDENTIALS");
    }
    this.logins.recordSuccess(keys, now);
    // The right password of a disabled account: counted as a success (it was not guessed), but no token.
    if (row.disabled === 1) return fail("ACCOUNT_DISABLED");
    this.audit.append(
      { actor: row.username, address: client, action: "login.succeeded", target: row.username, summary: "Zalogowano" },
      now,
    );
    await this.armPurge(now);
    return ok(accountOf(row));
  }

  /**
   * One's own new password, given the current one (a wrong one counts against the login limits). The
   * account's other tokens stop working; the caller signs a new token for the account returned.
   */
  async changePassword(username: string, current: string, next: string, client: string): Promise<LoginResult> {
    const now = Date.now();
    const keys = await this.logins.keysFor(username, client);
    const verdict = loginVerdict(this.logins.state(keys), now);
    if (!verdict.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterS: retryAfterSeconds(verdict.retryAfterMs) };
    const row = this.accountRow(username);
    if (!row) return fail("UNKNOWN_ACCOUNT");
    if (!(await verifyPassword(current, row.password_hash))) {
      this.logins.recordFailure(keys, afterFailure(this.logins.state(keys), now));
      await this.armPurge(now);
      return fail("PASSWORD_WRONG");
    }
    if (row.disabled === 1) return fail("ACCOUNT_DISABLED");
    if (current === next) return fail("PASSWORD_UNCHANGED");
    const hash = await hashPassword(next);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE accounts SET password_hash = ? WHERE username = ?", hash, username);
      this.setAccess(username, "must_change = 0, token_version = token_version + 1");
      this.audit.append(
        { actor: username, address: client, action: "password.changed", target: username, summary: "Zmieniono własne hasło" },
        now,
      );
    });
    return ok(accountOf(this.requireRow(username)));
  }

  /** The organisation's accounts, without their password hashes. */
  async staff(): Promise<StaffAccount[]> {
    return this.sql.exec<AccountRow>(`${ACCOUNT_SELECT} ORDER BY a.username`).toArray().map(staffOf);
  }

  /**
   * The accounts whose tokens are refused now, and the revoked devices (subject device:<id>) whose tokens
   * may not have expired yet (the Worker keeps this a short while: worker/auth/revocations.ts).
   */
  async revocations(): Promise<Revocation[]> {
    const accounts = this.sql
      .exec<{ username: string; disabled: number; token_version: number }>(
        "SELECT username, disabled, token_version FROM account_access WHERE disabled = 1 OR token_version > 0",
      )
      .toArray()
      .map((r) => ({ username: r.username, disabled: r.disabled === 1, version: r.token_version }));
    const devices = this.devices
      .revokedSince(Date.now() - DEVICE_TTL_S * 1000)
      .map((id) => ({ username: deviceSubject(id), disabled: true, version: 0 }));
    return [...accounts, ...devices];
  }

  // ---- devices paired by code ---------------------------------------------------------

  /** A site's paired devices in force. */
  async pairedDevices(siteId: string): Promise<DeviceRow[]> {
    return this.devices.active(siteId);
  }

  /**
   * Records a device paired by `who` at one of the organisation's sites. Pairings of the same configured
   * device in force before are revoked (a replaced kiosk PC stops working): their ids are answered, so
   * their sockets can be closed.
   */
  async pairDevice(org: string, p: NewPairing, who: Who): Promise<Result<{ device: DeviceRow; replaced: string[] }>> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    if (!this.sql.exec("SELECT 1 FROM sites WHERE id = ?", p.siteId).toArray().length) return fail("UNKNOWN_SITE");
    const id = crypto.randomUUID();
    const now = Date.now();
    const replaced = this.devices.activeOf(p.siteId, p.deviceId).map((d) => d.id);
    this.ctx.storage.transactionSync(() => {
      for (const old of replaced) this.devices.revoke(old, now);
      this.devices.add(id, p, who.actor ?? "system", now);
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
    const device = this.devices.find(id);
    if (!device) throw new Error(`pairing ${id} vanished`);
    return ok({ device, replaced });
  }

  /** Revokes a pairing of the site: its tokens are refused from now on. */
  async revokeDevice(org: string, siteId: string, id: string, who: Who): Promise<Result<DeviceRow>> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    const row = this.devices.find(id);
    if (!row || row.site_id !== siteId) return fail("UNKNOWN_DEVICE");
    if (row.revoked_at !== null) return fail("DEVICE_REVOKED");
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.devices.revoke(id, now);
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

  /**
   * A new account of the organisation with a temporary password, to be changed at first sign-in.
   * Its sites and desks are checked first, then its name claimed in the registry; nothing is stored on a refusal.
   */
  async createStaff(org: string, input: CreateStaffRequest, who: Who): Promise<Result<StaffAccount>> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    const { username, password, ...assignment } = input;
    const refusal = assignmentRefusal(assignment, this.siteDesks());
    if (refusal) return fail(refusal.code, refusal.message);
    if (this.accountRow(username)) return fail("USERNAME_TAKEN");
    const claim = await this.registry().claimUser(username, org, false);
    if (!claim.ok) return claim;
    const hash = await hashPassword(password);
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        "INSERT INTO accounts (username, password_hash, role, site_ids, desk_ids) VALUES (?, ?, ?, ?, ?)",
        username,
        hash,
        assignment.role,
        JSON.stringify(assignment.siteIds),
        assignment.deskIds ? JSON.stringify(assignment.deskIds) : null,
      );
      this.setAccess(username, "must_change = 1");
      this.audit.append(
        { ...who, action: "account.created", target: username, summary: `Utworzono konto ${username} (${describe(assignment)})` },
        now,
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Changes an account's role, sites and desks (an administrator's are not changed here). */
  async assignStaff(org: string, username: string, assignment: StaffAssignment, who: Who): Promise<Result<StaffAccount>> {
    const row = this.staffRow(org, username);
    if (!row.ok) return row;
    if (row.value.role === "org-admin" || row.value.role === "operator") return fail("ADMIN_ACCOUNT");
    const refusal = assignmentRefusal(assignment, this.siteDesks());
    if (refusal) return fail(refusal.code, refusal.message);
    const before = staffOf(row.value);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        "UPDATE accounts SET role = ?, site_ids = ?, desk_ids = ? WHERE username = ?",
        assignment.role,
        JSON.stringify(assignment.siteIds),
        assignment.deskIds ? JSON.stringify(assignment.deskIds) : null,
        username,
      );
      this.audit.append(
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
  async setDisabled(org: string, username: string, disabled: boolean, who: Who): Promise<Result<StaffAccount>> {
    const row = this.staffRow(org, username);
    if (!row.ok) return row;
    if (disabled) {
      const all = this.sql.exec<AccountRow>(ACCOUNT_SELECT).toArray();
      const states = all.map((r) => ({ username: r.username, role: r.role, disabled: r.disabled === 1 }));
      if (disablesLastAdmin(states, username)) return fail("LAST_ADMIN");
    }
    if ((row.value.disabled === 1) === disabled) return ok(staffOf(row.value));
    this.ctx.storage.transactionSync(() => {
      this.setAccess(username, `disabled = ${disabled ? 1 : 0}`);
      this.audit.append(
        disabled
          ? { ...who, action: "account.disabled", target: username, summary: `Wyłączono konto ${username}` }
          : { ...who, action: "account.changed", target: username, summary: `Włączono konto ${username}` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** A new temporary password, to be changed at next sign-in; the account's tokens stop working. Never one's own. */
  async setTemporaryPassword(org: string, username: string, password: string, who: Who): Promise<Result<StaffAccount>> {
    const row = this.staffRow(org, username);
    if (!row.ok) return row;
    const refusal = temporaryPasswordRefusal(who.actor, username);
    if (refusal) return fail(refusal.code, refusal.message);
    const hash = await hashPassword(password);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE accounts SET password_hash = ? WHERE username = ?", hash, username);
      this.setAccess(username, "must_change = 1, token_version = token_version + 1");
      this.audit.append(
        { ...who, action: "password.changed", target: username, summary: `Nadano hasło tymczasowe kontu ${username}` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Every token of the account signed before now is refused from now on. */
  async signOutEverywhere(org: string, username: string, who: Who): Promise<Result<StaffAccount>> {
    const row = this.staffRow(org, username);
    if (!row.ok) return row;
    this.ctx.storage.transactionSync(() => {
      this.setAccess(username, "token_version = token_version + 1");
      this.audit.append(
        { ...who, action: "account.signed-out", target: username, summary: `Wylogowano konto ${username} ze wszystkich urządzeń` },
        Date.now(),
      );
    });
    return ok(staffOf(this.requireRow(username)));
  }

  /** Deletes the login records and audit entries whose time is up, then waits for the next. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    await this.purgeDue(now);
    const due = this.nextPurgeAt();
    if (due !== null) await this.ctx.storage.setAlarm(Math.max(due, now + 1));
  }

  /** The purge as at `now`: login records whose time is up, and audit entries past the retention; answers how many of those. */
  async purgeDue(now: number): Promise<{ auditEntries: number }> {
    this.logins.purge(now);
    return { auditEntries: this.audit.purge(now, this.auditDays()) };
  }

  /** When the next login record or audit entry is due to go (null: none). */
  private nextPurgeAt(): number | null {
    const due = [this.logins.nextPurgeAt(), nextExpiryAt(this.audit.oldestAt(), this.auditDays())];
    const times = due.filter((t): t is number => t !== null);
    return times.length > 0 ? Math.min(...times) : null;
  }

  /** The audit log's retention in days, as stored (the default when never set). */
  private auditDays(): number {
    return storedRetention(this.meta(AUDIT_RETENTION_KEY));
  }

  /** Sets the alarm to the next purge, unless it is set sooner already. */
  private async armPurge(now: number): Promise<void> {
    const due = this.nextPurgeAt();
    if (due === null) return;
    const at = Math.max(due, now + 1);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  private accountRow(username: string): AccountRow | undefined {
    return this.sql.exec<AccountRow>(`${ACCOUNT_SELECT} WHERE a.username = ?`, username).toArray()[0];
  }

  /** Sets an account's access (`assignments`: fixed SQL of this file, never input). */
  private setAccess(username: string, assignments: string): void {
    this.sql.exec("INSERT INTO account_access (username) VALUES (?) ON CONFLICT (username) DO NOTHING", username);
    this.sql.exec(`UPDATE account_access SET ${assignments} WHERE username = ?`, username);
  }

  private requireRow(username: string): AccountRow {
    const row = this.accountRow(username);
    if (!row) throw new Error(`account ${username} vanished`);
    return row;
  }

  /** An account of this organisation, or UNKNOWN_ACCOUNT. */
  private staffRow(org: string, username: string): Result<AccountRow> {
    const bound = this.bind(org);
    if (!bound.ok) return bound;
    const row = this.accountRow(username);
    return row ? ok(row) : fail("UNKNOWN_ACCOUNT");
  }

  /** The organisation's sites and their desks, as stored here. */
  private siteDesks(): SiteDesks[] {
    return this.sql
      .exec<{ id: string; config: string }>("SELECT id, config FROM sites")
      .toArray()
      .map((r) => ({ id: r.id, deskIds: SiteConfig.parse(JSON.parse(r.config)).desks.map((d) => d.id) }));
  }

  /** A directory serves one scope for good: the first write names it, any other is refused. */
  private bind(scope: string): Result<null> {
    const bound = this.meta("scope");
    if (bound === null) this.setMeta("scope", scope);
    else if (bound !== scope) return fail("INTERNAL", "This directory belongs to another organisation.");
    return ok(null);
  }

  private registry() {
    const ns = this.env.DATA_JURISDICTION ? this.env.REGISTRY.jurisdiction(this.env.DATA_JURISDICTION) : this.env.REGISTRY;
    return ns.get(ns.idFromName(REGISTRY_NAME));
  }

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
}

/** The meta key of the audit log's retention in days (absent: the default). */
const AUDIT_RETENTION_KEY = "audit-retention-days";

/** An assignment as one line of the audit log: "clerk; site-a; d1, d2". */
function describe(a: StaffAssignment): string {
  return [a.role, a.siteIds.join(", "), ...(a.deskIds ? [a.deskIds.join(", ")] : [])].join("; ");
}

/** A fingerprint of the demo sites' data: when it changes, a local run's demo sites are updated. */
function demoVersion(): string {
  const text = JSON.stringify(DEMO_SITES);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${text.length}:${h >>> 0}`;
}
