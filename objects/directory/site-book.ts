// The sites of the directory's scope and their configuration: a site's id is claimed in the registry,
// its object configured (it validates again and keeps its own copy), the configuration stored here with
// its audit entry, and only then is the site listed. The directory checks its scope first.
import { CheckedSiteConfig, configRefusal, SiteConfig } from "../../protocol/config.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { configDiff } from "../audit/diff.ts";
import type { LegacyInventory, Registry } from "../registry.ts";
import type { SiteQueue } from "../site-queue.ts";
import type { Who } from "./accounts.ts";
import { DEMO_SITES } from "./demo-data.ts";
import type { SiteDesks } from "./staff-rules.ts";

/** What the sites need of their directory. */
export interface SiteBookDeps {
  sql: SqlStorage;
  /** The object's storage.transactionSync: a configuration and its audit entry are written together. */
  transaction: <T>(closure: () => T) => T;
  audit: AuditLog;
  /** The deployment's registry, where site ids are claimed and sites listed. */
  registry: () => DurableObjectStub<Registry>;
  /** The site object of a site id. */
  site: (id: string) => DurableObjectStub<SiteQueue>;
}

export class SiteBook {
  constructor(private readonly d: SiteBookDeps) {}

  /** Configures a site of the organisation `org`: its id claimed in the registry, the site object configured, then listed. */
  async put(org: string, input: unknown, who: Who): Promise<Result<{ id: string }>> {
    const parsed = CheckedSiteConfig.safeParse(input);
    if (!parsed.success) return fail("VALIDATION_FAILED", configRefusal(parsed.error));
    const config = parsed.data;
    const claim = await this.d.registry().claimSite(config.id, org);
    if (!claim.ok) return claim;
    // The site object validates again and stores its own copy; only then is the site listed.
    const r = await this.d.site(config.id).configure(config);
    if (!r.ok) {
      if (claim.value.created) await this.d.registry().releaseSite(config.id, org);
      return fail(r.code, r.message);
    }
    const before = this.d.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", config.id).toArray()[0];
    const now = Date.now();
    // The configuration and its audit entry are written together.
    this.d.transaction(() => {
      this.d.sql.exec(
        "INSERT INTO sites (id, config, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
        config.id,
        JSON.stringify(config),
        now,
      );
      this.d.audit.append(
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
    const listed = await this.d.registry().publishSite(org, config);
    if (!listed.ok) return listed;
    return ok({ id: config.id });
  }

  /** One site's whole configuration as stored (with the defaults of fields added since), or null for an unknown id. */
  config(id: string): SiteConfig | null {
    const row = this.d.sql.exec<{ config: string }>("SELECT config FROM sites WHERE id = ?", id).toArray()[0];
    return row ? SiteConfig.parse(JSON.parse(row.config)) : null;
  }

  /** The scope's sites and their desks, as stored here. */
  desks(): SiteDesks[] {
    return this.d.sql
      .exec<{ id: string; config: string }>("SELECT id, config FROM sites")
      .toArray()
      .map((r) => ({ id: r.id, deskIds: SiteConfig.parse(JSON.parse(r.config)).desks.map((d) => d.id) }));
  }

  /**
   * The sites an earlier version's single directory holds, for the registry to adopt. In demo mode the
   * demo's own sites are left out: the demo seeds them anew in their organisations (a site's object,
   * keyed by its id, keeps its queue).
   */
  legacySites(demoMode: boolean): LegacyInventory["sites"] {
    const demoSites = new Set(DEMO_SITES.map((s) => s.id));
    return this.d.sql
      .exec<{ id: string; config: string }>("SELECT id, config FROM sites ORDER BY id")
      .toArray()
      .filter((s) => !(demoMode && demoSites.has(s.id)));
  }
}
