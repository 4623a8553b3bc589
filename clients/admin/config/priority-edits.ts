// The editor's changes to priority service's list of groups, as plain functions. A site stored before
// priority service has no settings yet: the first change starts from the defaults (off, "first").
import type { PrioritySettings, SiteConfig } from "../../../protocol/config.ts";
import { DEFAULT_PRIORITY_GROUPS } from "../../../protocol/priority-groups.ts";

/** The site's priority settings, or the defaults a new site starts from. */
export function prioritySettings(site: SiteConfig): PrioritySettings {
  return site.priority ?? { enabled: false, mode: "first", groups: DEFAULT_PRIORITY_GROUPS.map((g) => ({ ...g })) };
}

export function addPriorityGroup(site: SiteConfig): SiteConfig {
  const p = prioritySettings(site);
  return { ...site, priority: { ...p, groups: [...p.groups, { name: "" }] } };
}

export function removePriorityGroup(site: SiteConfig, gi: number): SiteConfig {
  const p = prioritySettings(site);
  return { ...site, priority: { ...p, groups: p.groups.filter((_, i) => i !== gi) } };
}
