// The directory: one object for the whole deployment. It holds the accounts of staff and
// devices, the list of sites with their configuration, and failed-login counters (see
// directory/login-limits.ts); its alarm deletes those a day old.
// Each site's queue lives in its own SiteQueue object; the directory pushes configuration to it.
import { DurableObject } from "cloudflare:workers";
import type { PublicSite, Role } from "../protocol/api.ts";
import { CheckedSiteConfig, configRefusal, SiteConfig } from "../protocol/config.ts";
import type { ErrorCode, Result } from "../protocol/errors.ts";
import { fail, ok } from "../protocol/errors.ts";
import { ALL_SITES } from "../worker/auth/middleware.ts";
import type { Env } from "../worker/env.ts";
import { DEMO_ACCOUNTS, DEMO_SITES } from "./directory/demo-data.ts";
import { afterFailure, loginVerdict, retryAfterSeconds } from "./directory/login-limits.ts";
import { LoginRecords } from "./directory/login-records.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./directory/password.ts";
import { migrate } from "./site/schema.ts";

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
];

/** A text literal for a migration (the demo's user names are fixed in the source). */
function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Whether login admits accounts the demo made: only a Worker in demo mode does. */
export type DemoAccounts = "admit" | "refuse";

/** The first manager of a production deployment, from the FIRST_MANAGER secret. */
export interface FirstManager {
  username: string;
  password: string;
}

export interface Account {
  username: string;
  role: Role;
  siteIds: string[];
  deskIds?: string[];
  deviceId?: string;
}

export interface AccountInput extends Account {
  password: string;
}

/** A sign-in's answer; a refusal by the login limits says in how many seconds to try again. */
export type LoginResult = { ok: true; value: Account } | { ok: false; code: ErrorCode; message?: string; retryAfterS?: number };

/** A summary the Worker caches: which sites exist, their public description. */
export interface SiteListing {
  version: number;
  sites: PublicSite[];
}

export class Directory extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly logins: LoginRecords;
  private listing: SiteListing | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.logins = new LoginRecords(this.sql, env.AUTH_SECRET);
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, DIRECTORY_MIGRATIONS);
    });
  }

  /** In demo mode, loads the demo cities and accounts once; configuration reaches every site object before this reports done. */
  async ensureDemo(): Promise<Result<{ seeded: boolean }>> {
    if (this.env.NUMEREK_MODE !== "demo") return fail("DEMO_ONLY");
    // The demo sites follow the demo data as it changes between versions; accounts are made once.
    const version = demoVersion();
    if (this.meta("demo-sites") === version) return ok({ seeded: false });
    for (const site of DEMO_SITES) {
      const r = await this.putSite(site);
      if (!r.ok) return r;
    }
    if (this.meta("demo-seeded") !== "1") {
      for (const a of DEMO_ACCOUNTS) await this.putAccount(a, { demo: true });
      this.setMeta("demo-seeded", "1");
    }
    this.setMeta("demo-sites", version);
    return ok({ seeded: true });
  }

  async putSite(input: unknown): Promise<Result<{ id: string }>> {
    const parsed = CheckedSiteConfig.safeParse(input);
    if (!parsed.success) return fail("VALIDATION_FAILED", configRefusal(parsed.error));
    const config = parsed.data;
    // The site object validates again and stores its own copy; only then is the site listed.
    const sites = this.env.DATA_JURISDICTION ? this.env.SITE.jurisdiction(this.env.DATA_JURISDICTION) : this.env.SITE;
    const r = await sites.get(sites.idFromName(config.id)).configure(config);
    if (!r.ok) return fail(r.code, r.message);
    this.sql.exec(
      "INSERT INTO sites (id, config, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
      config.id,
      JSON.stringify(config),
      Date.now(),
    );
    this.listing = null;
    this.setMeta("sites-version", String(Number(this.meta("sites-version") ?? 0) + 1));
    return ok({ id: config.id });
  }

  /** `demo`: the account was made by the demo, and production refuses it. */
  async putAccount(input: AccountInput, options: { demo?: boolean } = {}): Promise<void> {
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
  }

  /** The user names of the accounts the demo made (a production Worker refuses their tokens). */
  async demoAccountNames(): Promise<string[]> {
    return this.sql
      .exec<{ username: string }>("SELECT username FROM accounts WHERE demo = 1")
      .toArray()
      .map((r) => r.username);
  }

  /**
   * Production's first manager (every site), made once: only while no manager outside the demo
   * exists, and never over an existing account of that name. `created: false` when one exists already.
   */
  async ensureFirstManager(first: FirstManager): Promise<Result<{ created: boolean }>> {
    const managers = this.sql.exec("SELECT 1 FROM accounts WHERE role = 'manager' AND demo = 0 LIMIT 1").toArray();
    if (managers.length > 0) return ok({ created: false });
    const taken = this.sql.exec("SELECT 1 FROM accounts WHERE username = ?", first.username).toArray();
    if (taken.length > 0) return fail("VALIDATION_FAILED", "FIRST_MANAGER names an existing account; choose another user name.");
    await this.putAccount({ username: first.username, password: first.password, role: "manager", siteIds: [ALL_SITES] });
    return ok({ created: true });
  }

  async sites(): Promise<SiteListing> {
    if (this.listing) return this.listing;
    const sites = this.sql
      .exec<{ config: string }>("SELECT config FROM sites ORDER BY id")
      .toArray()
      // Through the schema: a configuration stored by an earlier version gets the defaults of fields added since.
      .map((r) => publicSite(SiteConfig.parse(JSON.parse(r.config))));
    this.listing = { version: Number(this.meta("sites-version") ?? 0), sites };
    return this.listing;
  }

  /** One site's whole configuration as stored (with the defaults of fields added since), or null for an unknown id. */
  async siteConfig(id: string): Promise<SiteConfig | null> {
    const row = this.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", id).toArray()[0];
    return row ? SiteConfig.parse(JSON.parse(row.config)) : null;
  }

  /** Checks a password within the login limits (directory/login-limits.ts), counting a failure against them. */
  async login(username: string, password: string, client: string, demoAccounts: DemoAccounts): Promise<LoginResult> {
    const now = Date.now();
    const keys = await this.logins.keysFor(username, client);
    this.logins.purge(now);
    const verdict = loginVerdict(this.logins.state(keys), now);
    if (!verdict.allowed) return { ok: false, code: "RATE_LIMITED", retryAfterS: retryAfterSeconds(verdict.retryAfterMs) };
    const row = this.sql
      .exec<{
        username: string;
        password_hash: string;
        role: string;
        site_ids: string;
        desk_ids: string | null;
        device_id: string | null;
        demo: number;
      }>("SELECT * FROM accounts WHERE username = ?", username)
      .toArray()[0];
    const good = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    // A demo account outside demo mode is as unknown as a wrong password, and counted like one.
    const refused = row?.demo === 1 && demoAccounts === "refuse";
    if (!row || !good || refused) {
      // Counted from the counters as they are now, not as they were before the password was checked.
      this.logins.recordFailure(keys, afterFailure(this.logins.state(keys), now));
      await this.armPurge(now);
      return fail("BAD_CREDENTIALS");
    }
    this.logins.recordSuccess(keys, now);
    await this.armPurge(now);
    const account: Account = { username: row.username, role: row.role as Role, siteIds: JSON.parse(row.site_ids) as string[] };
    if (row.desk_ids) account.deskIds = JSON.parse(row.desk_ids) as string[];
    if (row.device_id) account.deviceId = row.device_id;
    return ok(account);
  }

  /** Deletes the login records whose time is up, then waits for the next. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    this.logins.purge(now);
    const due = this.logins.nextPurgeAt();
    if (due !== null) await this.ctx.storage.setAlarm(Math.max(due, now + 1));
  }

  /** Sets the alarm to the next purge, unless it is set sooner already. */
  private async armPurge(now: number): Promise<void> {
    const due = this.logins.nextPurgeAt();
    if (due === null) return;
    const at = Math.max(due, now + 1);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
}

/** A fingerprint of the demo sites' data: when it changes, a local run's demo sites are updated. */
function demoVersion(): string {
  const text = JSON.stringify(DEMO_SITES);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${text.length}:${h >>> 0}`;
}

/** What anyone may know of a site: no accounts, no devices. */
export function publicSite(c: SiteConfig): PublicSite {
  return {
    id: c.id,
    city: c.city,
    name: c.name,
    address: c.address,
    voice: c.voice,
    departments: c.departments.map((d) => ({
      id: d.id,
      name: d.name,
      matters: d.matters.map((m) => ({ id: m.id, name: m.name, prefix: m.prefix, bookable: m.bookable && m.bookingDesks > 0 })),
    })),
    desks: c.desks.map((d) => ({ id: d.id, name: d.name })),
    booking: {
      horizonDays: c.booking.horizonDays,
      checkIn: c.booking.checkIn,
      checkInEarlyMinutes: c.booking.checkInEarlyMinutes,
      checkInLateMinutes: c.booking.checkInLateMinutes,
    },
    smsCountries: c.smsCountries,
    privacy: { controller: c.privacy.controller, notice: c.privacy.notice },
  };
}
