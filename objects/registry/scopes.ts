// Where accounts live: each organisation's accounts, its sites' configuration and its login records
// are in a Directory object of its own; the deployment's operators in one more; user names that no
// organisation has are checked (and their failures counted) in a directory of no organisation, so a
// flood of invented names costs no organisation anything.

/** The operators' scope: not a valid organisation id (ids are lower-case letters, digits and dashes), so no organisation can take it. */
export const OPERATORS = "@operators";

/** Names no organisation has: their sign-ins are checked against no account, in a directory of their own. */
export const UNAFFILIATED = "@unaffiliated";

/**
 * The organisation a deployment of an earlier version is upgraded into. Its directory is the old
 * deployment-wide object itself ("directory"), so its accounts, passwords, login records and site
 * configurations stay where they were; no new organisation may take this id.
 */
export const LEGACY_ORG = "default";
export const LEGACY_DIRECTORY = "directory";

/** The name of the Directory object (idFromName) holding a scope's accounts. */
export function directoryName(scope: string): string {
  if (scope === OPERATORS) return "operators";
  if (scope === UNAFFILIATED) return "unaffiliated";
  if (scope === LEGACY_ORG) return LEGACY_DIRECTORY;
  return `org:${scope}`;
}

/** The one deployment-wide registry object (idFromName). */
export const REGISTRY_NAME = "registry";
