// What an administrator may assign and take away, as pure rules: an account's sites are the
// organisation's own, a clerk's desks are desks of those sites, an organisation never loses its
// last working administrator, and nobody gives themselves a temporary password.
import type { ErrorCode } from "../../protocol/errors.ts";
import type { StaffAssignment } from "../../protocol/staff.ts";

/** A site of the organisation and the ids of its desks. */
export interface SiteDesks {
  id: string;
  deskIds: readonly string[];
}

export type Refusal = { code: ErrorCode; message: string } | null;

/** Why an assignment is refused (the first reason), or null when it may be stored. */
export function assignmentRefusal(a: StaffAssignment, sites: readonly SiteDesks[]): Refusal {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const foreign = a.siteIds.find((id) => !byId.has(id));
  if (foreign !== undefined) return { code: "SITE_NOT_IN_ORGANISATION", message: `siteIds: ${foreign} is not a site of this organisation` };
  if (new Set(a.siteIds).size !== a.siteIds.length) return { code: "VALIDATION_FAILED", message: "siteIds: a site is named twice" };
  if (a.deskIds === undefined) return null;
  if (a.role !== "clerk") return { code: "VALIDATION_FAILED", message: "deskIds: only a clerk is given desks" };
  const desks = new Set(a.siteIds.flatMap((id) => byId.get(id)?.deskIds ?? []));
  const unknown = a.deskIds.find((d) => !desks.has(d));
  if (unknown !== undefined) return { code: "UNKNOWN_STAFF_DESK", message: `deskIds: ${unknown} is not a desk of the chosen sites` };
  return null;
}

/**
 * Why `actor` may not give `username` a new temporary password: their own password is changed by
 * giving the current one (POST /auth/password), never replaced by one that signs them out at once.
 */
export function temporaryPasswordRefusal(actor: string | null, username: string): Refusal {
  return actor !== null && actor.toLowerCase() === username.toLowerCase()
    ? { code: "OWN_PASSWORD", message: "Change your own password with POST /api/v1/auth/password." }
    : null;
}

/** An account as the last-administrator rule sees it. */
export interface AdminState {
  username: string;
  role: string;
  disabled: boolean;
}

/** Whether disabling `target` would leave the organisation with no administrator able to sign in. */
export function disablesLastAdmin(accounts: readonly AdminState[], target: string): boolean {
  const t = accounts.find((a) => a.username === target);
  if (!t || t.role !== "org-admin" || t.disabled) return false;
  return !accounts.some((a) => a.username !== target && a.role === "org-admin" && !a.disabled);
}
