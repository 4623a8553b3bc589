// Who may act on which site, as plain rules over a token's claims and the site's organisation.
// The site middleware (worker/site.ts) applies them to every route and socket of a site.
import type { Role } from "../../protocol/api.ts";
import type { ErrorCode } from "../../protocol/errors.ts";

export interface Caller {
  role: Role;
  /** The caller's organisation; absent only for the operator. */
  org?: string | undefined;
  /** The sites named in the token (a manager's, a clerk's, a device's). */
  sites: readonly string[];
}

/**
 * Whether the caller may be on a site at all, before the site is looked up: administrators reach
 * sites by organisation, everyone else only the sites named in their token.
 */
export function namesSite(caller: Caller, siteId: string): boolean {
  return caller.role === "operator" || caller.role === "org-admin" || caller.sites.includes(siteId);
}

/** Whether the caller may act on a site of organisation `siteOrg`: the operator anywhere, everyone else only in their own organisation. */
export function mayActOnSite(caller: Caller, siteId: string, siteOrg: string): boolean {
  if (caller.role === "operator") return true;
  if (caller.org === undefined || caller.org !== siteOrg) return false;
  return caller.role === "org-admin" || caller.sites.includes(siteId);
}

/** Why a caller may not create a site in an organisation, or the organisation it goes into. */
export type CreatorOrg = { ok: true; org: string } | { ok: false; code: ErrorCode; message: string };

/**
 * The organisation a new site goes into: the operator names it (`requested`), an organisation's
 * administrator creates sites only in their own; nobody else creates sites.
 */
export function creatorOrg(caller: Caller, requested: string | undefined): CreatorOrg {
  switch (caller.role) {
    case "operator":
      return requested === undefined
        ? { ok: false, code: "VALIDATION_FAILED", message: "org: name the organisation the new site goes into (?org=)" }
        : { ok: true, org: requested };
    case "org-admin":
      if (caller.org === undefined) return { ok: false, code: "FORBIDDEN", message: "This account belongs to no organisation." };
      if (requested !== undefined && requested !== caller.org) {
        return { ok: false, code: "SITE_FORBIDDEN", message: "An administrator creates sites only in their own organisation." };
      }
      return { ok: true, org: caller.org };
    default:
      return { ok: false, code: "FORBIDDEN", message: "Only an organisation's administrator creates sites." };
  }
}

/** The sites a signed-in account may act on, given every site's organisation (for the sign-in's answer). */
export function reachableSites(caller: Caller, siteOrgs: Readonly<Record<string, string>>): string[] {
  const all = Object.keys(siteOrgs).sort();
  switch (caller.role) {
    case "operator":
      return all;
    case "org-admin":
      return all.filter((id) => siteOrgs[id] === caller.org);
    default:
      return caller.sites.filter((id) => siteOrgs[id] === undefined || siteOrgs[id] === caller.org);
  }
}
