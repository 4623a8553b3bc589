// The demo's seeding of a directory (demo mode only): a demo organisation's sites and accounts, or the
// demo operator, through the directory's own entry points, and each demo site's history of visits.
import type { SiteConfigInput } from "../../protocol/config.ts";
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { OPERATORS } from "../registry/scopes.ts";
import type { SiteQueue } from "../site-queue.ts";
import { DEMO_HISTORY_DAYS, DEMO_OPERATORS, DEMO_ORGANISATIONS, DEMO_SITES, type DemoAccount, demoClerks } from "./demo-data.ts";
import type { DirectoryMeta } from "./meta.ts";

/** What seeding needs of the directory: its meta rows, its entry points for sites and demo accounts, and the site objects. */
export interface DemoSeedDeps {
  meta: DirectoryMeta;
  putSite: (scope: string, site: SiteConfigInput) => Promise<Result<{ id: string }>>;
  putDemoAccount: (scope: string, account: DemoAccount) => Promise<Result<null>>;
  site: (id: string) => DurableObjectStub<SiteQueue>;
}

/**
 * Loads a demo organisation's sites and accounts (or the demo operator) once, in a directory already
 * bound to `scope`; configuration reaches every site object before this reports done.
 */
export async function seedDemo(scope: string, d: DemoSeedDeps): Promise<Result<{ seeded: boolean }>> {
  const org = DEMO_ORGANISATIONS.find((o) => o.id === scope);
  const accounts: DemoAccount[] = scope === OPERATORS ? DEMO_OPERATORS : (org?.accounts ?? []);
  // The demo sites follow the demo data as it changes between versions; accounts are made once.
  const version = demoVersion();
  const seeded = d.meta.get("demo-sites") !== version;
  if (seeded) {
    for (const site of org?.sites ?? []) {
      const r = await d.putSite(scope, site);
      if (!r.ok) return r;
    }
    if (d.meta.get("demo-seeded") !== "1") {
      for (const a of accounts) {
        const r = await d.putDemoAccount(scope, a);
        if (!r.ok) return r;
      }
      d.meta.set("demo-seeded", "1");
    }
    d.meta.set("demo-sites", version);
  }
  // Every start: the days since the last one get their history too (a day with visits is left alone).
  for (const site of org?.sites ?? []) {
    const r = await d.site(site.id).loadHistory({ days: DEMO_HISTORY_DAYS, clerks: demoClerks(site.id) });
    if (!r.ok) return fail(r.code, r.message);
  }
  return ok({ seeded });
}

/** A fingerprint of the demo sites' data: when it changes, a local run's demo sites are updated. */
function demoVersion(): string {
  const text = JSON.stringify(DEMO_SITES);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return `${text.length}:${h >>> 0}`;
}
