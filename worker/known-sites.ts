// The site list as a Worker keeps it: every listed site by id, in id order, with each one's organisation and
// the registry's version of the list. A refresh brings only what was published since the version the Worker
// has (Registry.listingSince), and this is where it is laid over the list the Worker had.
import type { SiteListingChanges } from "../objects/registry.ts";
import type { PublicSite } from "../protocol/api.ts";

export interface KnownSites {
  version: number;
  /** In id order, as GET /sites lists them. */
  sites: PublicSite[];
  byId: ReadonlyMap<string, PublicSite>;
  orgs: Record<string, string>;
}

const inIdOrder = (a: PublicSite, b: PublicSite) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function known(version: number, sites: PublicSite[], orgs: Record<string, string>): KnownSites {
  return { version, sites, byId: new Map(sites.map((s) => [s.id, s])), orgs };
}

/** The list after the registry's answer to "what changed since `base`'s version" (a whole list replaces it). */
export function withChanges(base: KnownSites | null, changes: SiteListingChanges): KnownSites {
  if (changes.whole || !base) return known(changes.version, [...changes.sites].sort(inIdOrder), changes.orgs);
  if (changes.sites.length === 0) return changes.version === base.version ? base : { ...base, version: changes.version };
  // A changed site keeps its place; only new ones make the list sorted again.
  const changed = new Map(changes.sites.map((s) => [s.id, s]));
  const added = changes.sites.filter((s) => !base.byId.has(s.id));
  const sites = base.sites.map((s) => changed.get(s.id) ?? s);
  return known(changes.version, added.length > 0 ? [...sites, ...added].sort(inIdOrder) : sites, { ...base.orgs, ...changes.orgs });
}
