// The registry: one small object for the whole deployment. It knows the organisations, which
// organisation each site belongs to (with the site's public description, for the site list) and
// which organisation (or the operators) each user name belongs to. It checks no password: accounts,
// their hashes and login records are in each organisation's own Directory object (objects/directory.ts).
// The Worker caches its answers (worker/sites.ts, worker/organisations.ts).
import { DurableObject } from "cloudflare:workers";
import type { Organisation, PublicSite } from "../protocol/api.ts";
import { SiteConfig } from "../protocol/config.ts";
import { fail, ok, type Result } from "../protocol/errors.ts";
import type { Env } from "../worker/env.ts";
import { publicSite } from "./registry/public-site.ts";
import { REGISTRY_MIGRATIONS } from "./registry/schema.ts";
import { LEGACY_ORG } from "./registry/scopes.ts";
import { migrate } from "./site/schema.ts";

/** A summary the Worker caches: which sites exist, their public description, and each one's organisation. */
export interface SiteListing {
  version: number;
  sites: PublicSite[];
  orgs: Record<string, string>;
}

/**
 * What the list holds beyond a version a Worker has: the sites published since (new or changed), or, with
 * `whole`, every site. A site is never taken off the list once published, so nothing else can change.
 */
export interface SiteListingChanges extends SiteListing {
  whole: boolean;
}

/** A listed site as the registry keeps it: its public description, organisation and the version it was published at. */
interface Listed {
  site: PublicSite;
  org: string;
  version: number;
}

/** What an earlier version's deployment-wide directory holds, for the upgrade (see adoptLegacy). */
export interface LegacyInventory {
  accounts: { username: string; demo: boolean }[];
  /** Each site's configuration as the directory stored it (JSON), listed through the schema like any other. */
  sites: { id: string; config: string }[];
}

export class Registry extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /**
   * Every listed site by id, made once per instance from the stored configurations (through the schema,
   * about a second for 5,000 sites) and kept as sites are published, so no change makes the whole list again.
   */
  private listed: Map<string, Listed> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, REGISTRY_MIGRATIONS);
    });
  }

  /** Every listed site with its organisation: what Workers of the version before listingSince ask, while a deploy rolls out. */
  async listing(): Promise<SiteListing> {
    return this.changesSince(null);
  }

  /**
   * The sites published since `version` (a version of the list the asking Worker has); null, or a version
   * this list never had: every site. A Worker that is up to date gets an empty answer, however many sites
   * there are, and one site changed is one site sent.
   */
  async listingSince(version: number | null): Promise<SiteListingChanges> {
    return this.changesSince(version);
  }

  private changesSince(version: number | null): SiteListingChanges {
    const current = this.sitesVersion();
    if (version === current) return { version, whole: false, sites: [], orgs: {} };
    const whole = version === null || version > current;
    const sites: PublicSite[] = [];
    const orgs: Record<string, string> = {};
    for (const l of this.listedSites().values()) {
      if (!whole && l.version <= version) continue;
      sites.push(l.site);
      orgs[l.site.id] = l.org;
    }
    return { version: current, whole, sites, orgs };
  }

  /** Every listed site, in id order. */
  private listedSites(): Map<string, Listed> {
    if (this.listed) return this.listed;
    const rows = this.sql
      .exec<{ id: string; org_id: string; config: string; version: number }>(
        "SELECT id, org_id, config, version FROM sites WHERE config IS NOT NULL ORDER BY id",
      )
      .toArray();
    // Through the schema: a configuration stored by an earlier version gets the defaults of fields added since.
    this.listed = new Map(
      rows.map((r) => [r.id, { site: publicSite(SiteConfig.parse(JSON.parse(r.config))), org: r.org_id, version: r.version }]),
    );
    return this.listed;
  }

  /** The scope (an organisation's id, or the operators') a user name belongs to; null: nobody has it. */
  async scopeOfUser(username: string): Promise<string | null> {
    return this.sql.exec<{ scope: string }>("SELECT scope FROM users WHERE username = ?", username).toArray()[0]?.scope ?? null;
  }

  /** The user names the demo made (a production Worker refuses their tokens). */
  async demoUserNames(): Promise<string[]> {
    return this.sql
      .exec<{ username: string }>("SELECT username FROM users WHERE demo = 1")
      .toArray()
      .map((r) => r.username);
  }

  /** Whether any account of `scope` exists that the demo did not make. */
  async hasAccounts(scope: string): Promise<boolean> {
    return this.sql.exec("SELECT 1 FROM users WHERE scope = ? AND demo = 0 LIMIT 1", scope).toArray().length > 0;
  }

  async organisations(): Promise<Organisation[]> {
    const orgs = this.sql
      .exec<{ id: string; name: string; created_at: number }>("SELECT id, name, created_at FROM organisations ORDER BY id")
      .toArray();
    const sites = this.sql
      .exec<{ id: string; org_id: string }>("SELECT id, org_id FROM sites WHERE config IS NOT NULL ORDER BY id")
      .toArray();
    return orgs.map((o) => ({
      id: o.id,
      name: o.name,
      siteIds: sites.filter((s) => s.org_id === o.id).map((s) => s.id),
      createdAt: new Date(o.created_at).toISOString(),
    }));
  }

  /** A new organisation and its first administrator's user name, in one write; nothing is stored when either is taken. */
  async createOrganisation(id: string, name: string, adminUsername: string): Promise<Result<{ id: string }>> {
    if (id === LEGACY_ORG) return fail("ORGANISATION_EXISTS", `'${LEGACY_ORG}' is kept for deployments upgraded from an earlier version.`);
    if (this.orgExists(id)) return fail("ORGANISATION_EXISTS");
    if ((await this.scopeOfUser(adminUsername)) !== null) return fail("USERNAME_TAKEN");
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)", id, name, Date.now());
      this.sql.exec("INSERT INTO users (username, scope) VALUES (?, ?)", adminUsername, id);
    });
    return ok({ id });
  }

  /** A demo organisation, made once (its name follows the demo data). */
  async ensureOrganisation(id: string, name: string, demo: boolean): Promise<void> {
    this.sql.exec(
      "INSERT INTO organisations (id, name, created_at, demo) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
      id,
      name,
      Date.now(),
      demo ? 1 : 0,
    );
  }

  /** Reserves a user name for a scope; an account of that scope may be written again, another scope's name is refused. */
  async claimUser(username: string, scope: string, demo: boolean): Promise<Result<null>> {
    const owner = await this.scopeOfUser(username);
    if (owner !== null && owner !== scope) return fail("USERNAME_TAKEN");
    if (owner === null) this.sql.exec("INSERT INTO users (username, scope, demo) VALUES (?, ?, ?)", username, scope, demo ? 1 : 0);
    return ok(null);
  }

  /** Reserves a site id for an organisation before its object is configured; `created`: it was free. */
  async claimSite(siteId: string, org: string): Promise<Result<{ created: boolean }>> {
    if (!this.orgExists(org)) return fail("VALIDATION_FAILED", "org: no such organisation");
    const owner = this.sql.exec<{ org_id: string }>("SELECT org_id FROM sites WHERE id = ?", siteId).toArray()[0]?.org_id;
    if (owner !== undefined) return owner === org ? ok({ created: false }) : fail("SITE_ID_TAKEN");
    this.sql.exec("INSERT INTO sites (id, org_id) VALUES (?, ?)", siteId, org);
    return ok({ created: true });
  }

  /** Gives back a claim whose site was never configured (its configuration was refused). */
  async releaseSite(siteId: string, org: string): Promise<void> {
    this.sql.exec("DELETE FROM sites WHERE id = ? AND org_id = ? AND config IS NULL", siteId, org);
  }

  /** Lists a configured site; the Worker's caches pick it up. */
  async publishSite(org: string, config: SiteConfig): Promise<Result<null>> {
    const version = this.sitesVersion() + 1;
    const r = this.sql.exec(
      "UPDATE sites SET config = ?, version = ? WHERE id = ? AND org_id = ?",
      JSON.stringify(config),
      version,
      config.id,
      org,
    );
    if (r.rowsWritten === 0) return fail("SITE_ID_TAKEN");
    this.setMeta("sites-version", String(version));
    const listed = this.listed;
    if (listed) {
      const entry = { site: publicSite(config), org, version };
      // A new site goes into its place in id order; a changed one keeps its place.
      if (listed.has(config.id)) listed.set(config.id, entry);
      else this.listed = new Map([...listed.entries(), [config.id, entry] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return ok(null);
  }

  /** Whether the upgrade from the single directory of an earlier version has been looked at. */
  async legacyChecked(): Promise<boolean> {
    return this.meta("legacy-checked") === "1";
  }

  /**
   * The upgrade: the accounts and sites of an earlier version's single directory become the
   * organisation `default`, whose directory is that same object (nothing is copied, passwords and
   * login records stay). Once only; names or sites another organisation has meanwhile are left out.
   */
  async adoptLegacy(inventory: LegacyInventory): Promise<{ accounts: number; sites: number }> {
    if (await this.legacyChecked()) return { accounts: 0, sites: 0 };
    let accounts = 0;
    let sites = 0;
    this.ctx.storage.transactionSync(() => {
      if (inventory.accounts.length > 0 || inventory.sites.length > 0) {
        this.sql.exec("INSERT OR IGNORE INTO organisations (id, name, created_at) VALUES (?, ?, ?)", LEGACY_ORG, "Default", Date.now());
      }
      for (const a of inventory.accounts) {
        accounts += this.sql.exec(
          "INSERT OR IGNORE INTO users (username, scope, demo) VALUES (?, ?, ?)",
          a.username,
          LEGACY_ORG,
          a.demo ? 1 : 0,
        ).rowsWritten;
      }
      for (const s of inventory.sites) {
        sites += this.sql.exec(
          "INSERT OR IGNORE INTO sites (id, org_id, config, version) VALUES (?, ?, ?, ?)",
          s.id,
          LEGACY_ORG,
          s.config,
          this.sitesVersion() + 1,
        ).rowsWritten;
      }
      this.setMeta("legacy-checked", "1");
    });
    if (sites > 0) this.bumpSites();
    return { accounts, sites };
  }

  private orgExists(id: string): boolean {
    return this.sql.exec("SELECT 1 FROM organisations WHERE id = ?", id).toArray().length > 0;
  }

  private bumpSites(): void {
    this.listed = null;
    this.setMeta("sites-version", String(this.sitesVersion() + 1));
  }

  private sitesVersion(): number {
    return Number(this.meta("sites-version") ?? 0);
  }

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
}
