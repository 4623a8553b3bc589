// The directory: one object for the whole deployment. It holds the accounts of staff and
// devices, the list of sites with their configuration, and login attempt counters.
// Each site's queue lives in its own SiteQueue object; the directory pushes configuration to it.
import { DurableObject } from "cloudflare:workers";
import type { PublicSite, Role } from "../protocol/api.ts";
import { CheckedSiteConfig, configRefusal, SiteConfig } from "../protocol/config.ts";
import type { Result } from "../protocol/errors.ts";
import { fail, ok } from "../protocol/errors.ts";
import { ALL_SITES } from "../worker/auth/middleware.ts";
import type { Env } from "../worker/env.ts";
import { DEMO_ACCOUNTS, DEMO_SITES } from "./directory/demo-data.ts";
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

/** Failed logins allowed per user name and per client address in one window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;

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

/** A summary the Worker caches: which sites exist, their public description. */
export interface SiteListing {
  version: number;
  sites: PublicSite[];
}

export class Directory extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private listing: SiteListing | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
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

  /** Checks a password, counting failures per user name and per client address. */
  async login(username: string, password: string, client: string, demoAccounts: DemoAccounts): Promise<Result<Account>> {
    const now = Date.now();
    const keys = [`user:${username.toLowerCase()}`, `client:${client}`];
    if (keys.some((k) => this.failures(k, now) >= LOGIN_LIMIT)) return fail("RATE_LIMITED");
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
      for (const k of keys) this.countFailure(k, now);
      return fail("BAD_CREDENTIALS");
    }
    for (const k of keys) this.sql.exec("DELETE FROM login_failures WHERE key = ?", k);
    const account: Account = { username: row.username, role: row.role as Role, siteIds: JSON.parse(row.site_ids) as string[] };
    if (row.desk_ids) account.deskIds = JSON.parse(row.desk_ids) as string[];
    if (row.device_id) account.deviceId = row.device_id;
    return ok(account);
  }

  private failures(key: string, now: number): number {
    const row = this.sql
      .exec<{ window_start: number; count: number }>("SELECT window_start, count FROM login_failures WHERE key = ?", key)
      .toArray()[0];
    return row && now - row.window_start < LOGIN_WINDOW_MS ? row.count : 0;
  }

  private countFailure(key: string, now: number): void {
    const current = this.failures(key, now);
    this.sql.exec(
      "INSERT INTO login_failures (key, window_start, count) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET count = ?, window_start = CASE WHEN ? = 0 THEN ? ELSE window_start END",
      key,
      now,
      current + 1,
      current,
      now,
    );
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
