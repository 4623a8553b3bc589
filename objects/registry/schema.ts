// The registry's tables: organisations, which organisation each site and each user name belongs to,
// and each listed site's configuration, from which its public description is made (what the Worker
// caches and GET /sites lists; read through the schema, so a configuration stored by an earlier
// version is listed with the defaults of fields added since).
export const REGISTRY_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL, demo INTEGER NOT NULL DEFAULT 0);
  -- A site is claimed by its organisation before its object is configured, and listed once it is (config: SiteConfig JSON).
  CREATE TABLE sites (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, config TEXT);
  CREATE INDEX sites_by_org ON sites (org_id);
  -- User names are unique across the deployment (whatever their case), so sign-in needs no organisation.
  CREATE TABLE users (username TEXT PRIMARY KEY COLLATE NOCASE, scope TEXT NOT NULL, demo INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2: the list's version at which each site was last published, so a Worker that has the list asks only
  // for the sites published since (sites listed before are at 0: every list a Worker holds has them).
  `
  ALTER TABLE sites ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  `,
];
