// A directory: one object per organisation (`idFromName("org:" + orgId)`, see registry/scopes.ts),
// one for the deployment's operators, and one where names no organisation has are checked. It holds
// the accounts of that organisation's staff and devices (PBKDF2 hashes), its sites' configuration,
// and its failed-login counters (see directory/login-limits.ts); its alarm deletes those a day old.
// A burst of failed logins therefore costs only the organisation whose names are guessed.
// The registry (objects/registry.ts) reserves every user name and site id across the deployment; a
// directory claims them there before it writes. Each site's queue lives in its own SiteQueue object;
// the directory pushes configuration to it, then the registry lists the site.
// This class is the object's entry points only: each hands over to its part in objects/directory/ (a
// write first checks the scope the directory serves): sites (site-book.ts), staff accounts and sign-in
// (staff-book.ts), paired devices (devices.ts), the audit log's retention and the purge alarm
// (audit-retention.ts), the demo's seeding (demo-seed.ts).
import { DurableObject } from "cloudflare:workers";
import type { AuditEntry, AuditQuery } from "../protocol/audit.ts";
import type { SiteConfig } from "../protocol/config.ts";
import type { Result } from "../protocol/errors.ts";
import { fail } from "../protocol/errors.ts";
import type { CreateStaffRequest, StaffAccount, StaffAssignment } from "../protocol/staff.ts";
import type { Env } from "../worker/env.ts";
import { AuditLog, type AuditRecord } from "./audit/audit-log.ts";
import { type AccountInput, type DemoAccounts, type LoginResult, type Revocation, SYSTEM, type Who } from "./directory/accounts.ts";
import { AuditRetention } from "./directory/audit-retention.ts";
import { seedDemo } from "./directory/demo-seed.ts";
import { DeviceBook, type DeviceRow, type NewPairing } from "./directory/devices.ts";
import { LoginRecords } from "./directory/login-records.ts";
import { DirectoryMeta } from "./directory/meta.ts";
import { DIRECTORY_MIGRATIONS } from "./directory/schema.ts";
import { SiteBook } from "./directory/site-book.ts";
import { StaffBook } from "./directory/staff-book.ts";
import { REGISTRY_NAME } from "./registry/scopes.ts";
import type { LegacyInventory } from "./registry.ts";
import { migrate } from "./site/schema.ts";

export type { Account, AccountInput, DemoAccounts, FirstOperator, LoginResult, Revocation, Who } from "./directory/accounts.ts";
export { DIRECTORY_MIGRATIONS } from "./directory/schema.ts";

export class Directory extends DurableObject<Env> {
  private readonly meta: DirectoryMeta;
  private readonly audit: AuditLog;
  private readonly retention: AuditRetention;
  private readonly sites: SiteBook;
  private readonly accounts: StaffBook;
  private readonly devices: DeviceBook;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    const transaction = <T>(closure: () => T): T => ctx.storage.transactionSync(closure);
    const registry = () => this.registry();
    const logins = new LoginRecords(sql, env.AUTH_SECRET);
    this.meta = new DirectoryMeta(sql);
    this.audit = new AuditLog(sql, () => this.retention.days());
    this.retention = new AuditRetention({ storage: ctx.storage, meta: this.meta, audit: this.audit, logins });
    this.sites = new SiteBook({ sql, transaction, audit: this.audit, registry, site: (id) => this.siteObject(id) });
    this.accounts = new StaffBook({
      sql,
      transaction,
      audit: this.audit,
      logins,
      registry,
      siteDesks: () => this.sites.desks(),
      armPurge: (now) => this.retention.arm(now),
    });
    this.devices = new DeviceBook(sql, transaction, this.audit);
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
    return this.inScope(scope, () =>
      seedDemo(scope, {
        meta: this.meta,
        putSite: (org, site) => this.putSite(org, site),
        putDemoAccount: (org, account) => this.putAccount(org, account, { demo: true }),
        site: (id) => this.siteObject(id),
      }),
    );
  }

  // ---- sites (directory/site-book.ts) --------------------------------------------------

  /** Configures a site of this organisation: its id claimed in the registry, the site object configured, then listed. */
  async putSite(org: string, input: unknown, who: Who = SYSTEM): Promise<Result<{ id: string }>> {
    return this.inScope(org, () => this.sites.put(org, input, who));
  }

  /** One site's whole configuration as stored (with the defaults of fields added since), or null for an unknown id. */
  async siteConfig(id: string): Promise<SiteConfig | null> {
    return this.sites.config(id);
  }

  /**
   * What an earlier version's single directory holds, for the registry to adopt as the organisation
   * "default". In demo mode the demo's own accounts and sites are left out: the demo seeds them anew
   * in their organisations (a site's object, keyed by its id, keeps its queue).
   */
  async legacyInventory(demoMode: boolean): Promise<LegacyInventory> {
    return { accounts: this.accounts.legacyAccounts(demoMode), sites: this.sites.legacySites(demoMode) };
  }

  // ---- staff accounts and sign-in (directory/staff-book.ts) ------------------------------

  /** Writes an account of this scope, its user name first claimed in the registry (`demo`: made by the demo). */
  async putAccount(scope: string, input: AccountInput, options: { demo?: boolean } = {}): Promise<Result<null>> {
    return this.inScope(scope, () => this.accounts.put(scope, input, options));
  }

  /** Checks a password within the login limits (directory/login-limits.ts), counting a failure against them. */
  async login(username: string, password: string, client: string, demoAccounts: DemoAccounts): Promise<LoginResult> {
    return this.accounts.login(username, password, client, demoAccounts);
  }

  /** One's own new password, given the current one; the account's other tokens stop working. */
  async changePassword(username: string, current: string, next: string, client: string): Promise<LoginResult> {
    return this.accounts.changePassword(username, current, next, client);
  }

  /** The organisation's accounts, without their password hashes. */
  async staff(): Promise<StaffAccount[]> {
    return this.accounts.list();
  }

  /**
   * The accounts whose tokens are refused now, and the revoked devices (subject device:<id>) whose tokens
   * may not have expired yet (the Worker keeps this a short while: worker/auth/revocations.ts).
   */
  async revocations(): Promise<Revocation[]> {
    return [...this.accounts.revocations(), ...this.devices.revocations(Date.now())];
  }

  /** A new account of the organisation with a temporary password, to be changed at first sign-in. */
  async createStaff(org: string, input: CreateStaffRequest, who: Who): Promise<Result<StaffAccount>> {
    return this.inScope(org, () => this.accounts.create(org, input, who));
  }

  /** Changes an account's role, sites and desks (an administrator's are not changed here). */
  async assignStaff(org: string, username: string, assignment: StaffAssignment, who: Who): Promise<Result<StaffAccount>> {
    return this.inScope(org, () => this.accounts.assign(username, assignment, who));
  }

  /** Disables (its tokens stop working) or enables an account; the last working administrator stays. */
  async setDisabled(org: string, username: string, disabled: boolean, who: Who): Promise<Result<StaffAccount>> {
    return this.inScope(org, () => this.accounts.setDisabled(username, disabled, who));
  }

  /** A new temporary password, to be changed at next sign-in; the account's tokens stop working. Never one's own. */
  async setTemporaryPassword(org: string, username: string, password: string, who: Who): Promise<Result<StaffAccount>> {
    return this.inScope(org, () => this.accounts.setTemporaryPassword(username, password, who));
  }

  /** Every token of the account signed before now is refused from now on. */
  async signOutEverywhere(org: string, username: string, who: Who): Promise<Result<StaffAccount>> {
    return this.inScope(org, () => this.accounts.signOutEverywhere(username, who));
  }

  // ---- devices paired by code (directory/devices.ts) ---------------------------------------

  /** A site's paired devices in force. */
  async pairedDevices(siteId: string): Promise<DeviceRow[]> {
    return this.devices.active(siteId);
  }

  /** Records a device paired by `who` at one of the organisation's sites; pairings it replaces are revoked and answered. */
  async pairDevice(org: string, p: NewPairing, who: Who): Promise<Result<{ device: DeviceRow; replaced: string[] }>> {
    return this.inScope(org, () => this.devices.pair(p, who));
  }

  /** Revokes a pairing of the site: its tokens are refused from now on. */
  async revokeDevice(org: string, siteId: string, id: string, who: Who): Promise<Result<DeviceRow>> {
    return this.inScope(org, () => this.devices.unpair(siteId, id, who));
  }

  // ---- the audit log and its retention (directory/audit-retention.ts) ----------------------

  /** The organisation's audit log, newest first, filtered. */
  async auditEntries(q: AuditQuery): Promise<AuditEntry[]> {
    return this.audit.query(q);
  }

  /** How many days the audit log keeps its entries. */
  async auditRetention(): Promise<number> {
    return this.retention.days();
  }

  /** Sets how long the audit log keeps its entries: recorded, and older entries are deleted with it. */
  async setAuditRetention(org: string, days: number, who: Who): Promise<Result<{ days: number }>> {
    return this.inScope(org, () => this.retention.set(days, who));
  }

  /** Records what was done outside the directory (a message sent again, the log exported). */
  async recordAudit(record: AuditRecord): Promise<void> {
    await this.retention.record(record);
  }

  /** Deletes the login records and audit entries whose time is up, then waits for the next. */
  override async alarm(): Promise<void> {
    await this.retention.alarm();
  }

  /** The purge as at `now`: login records whose time is up, and audit entries past the retention; answers how many of those. */
  async purgeDue(now: number): Promise<{ auditEntries: number }> {
    return this.retention.purgeDue(now);
  }

  /** Runs `then` once the directory is bound to `scope` (directory/meta.ts); a directory of another scope refuses. */
  private async inScope<T>(scope: string, then: () => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
    const bound = this.meta.bind(scope);
    return bound.ok ? then() : bound;
  }

  /** The deployment's registry, where user names and site ids are claimed. */
  private registry() {
    const ns = this.env.DATA_JURISDICTION ? this.env.REGISTRY.jurisdiction(this.env.DATA_JURISDICTION) : this.env.REGISTRY;
    return ns.get(ns.idFromName(REGISTRY_NAME));
  }

  /** The object of a site, in the data jurisdiction when one is set. */
  private siteObject(id: string) {
    const sites = this.env.DATA_JURISDICTION ? this.env.SITE.jurisdiction(this.env.DATA_JURISDICTION) : this.env.SITE;
    return sites.get(sites.idFromName(id));
  }
}
