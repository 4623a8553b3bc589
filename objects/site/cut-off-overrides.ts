// A manager's override of the closing cut-off: the matters that take walk-in tickets for the rest of a
// local day whatever the cut-off says. Stored in the site's meta table (a restart keeps it), written only
// through the commit path; it names its day, so it ends with that day without anything deleting it. The
// site's memory keeps them (read once at start), so a walk-in or a flush reads no SQLite for them.
import type { SiteStore } from "./store.ts";

/** The meta key the overrides are stored under. */
export const CUT_OFF_OVERRIDES_KEY = "cut-off-overrides";

/** The matters overridden on a local day. */
export interface CutOffOverrides {
  day: string;
  matterIds: string[];
}

/** The stored overrides, or null when none is stored (or the row cannot be read). */
export function storedOverrides(site: Pick<SiteStore, "getMeta">): CutOffOverrides | null {
  return parsed(site.getMeta(CUT_OFF_OVERRIDES_KEY));
}

function parsed(raw: string | null): CutOffOverrides | null {
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null || !("day" in v) || !("matterIds" in v)) return null;
    const { day, matterIds } = v;
    if (typeof day !== "string" || !Array.isArray(matterIds)) return null;
    return { day, matterIds: matterIds.filter((m): m is string => typeof m === "string") };
  } catch {
    return null;
  }
}

/** The matters whose cut-off a manager lifted for `day` (none from an earlier day's overrides). */
export function overriddenOn(o: CutOffOverrides | null, day: string): ReadonlySet<string> {
  return new Set(o && o.day === day ? o.matterIds : []);
}

/** The overrides of `day` with one more matter (an earlier day's are dropped). */
export function withOverride(o: CutOffOverrides | null, day: string, matterId: string): CutOffOverrides {
  const today = overriddenOn(o, day);
  return { day, matterIds: today.has(matterId) ? [...today] : [...today, matterId] };
}
