// The Worker's side of organisations: the storage made ready once per Worker instance (an earlier
// version's single directory adopted, the demo organisations seeded), and which organisation a user
// name belongs to, asked of the registry and kept a short while.
import { DEMO_ORGANISATIONS } from "../objects/directory/demo-data.ts";
import { LEGACY_DIRECTORY, OPERATORS } from "../objects/registry/scopes.ts";
import { type Env, isDemo } from "./env.ts";
import { unwrap } from "./errors.ts";
import { directoryOf, invalidateSites, registry } from "./sites.ts";

let ready: Promise<void> | null = null;

/**
 * Before the first request is answered: an earlier version's accounts and sites are adopted as the
 * organisation "default" (once per deployment), then in demo mode the demo organisations are loaded.
 */
export function ensureStorage(env: Env): Promise<void> {
  ready ??= prepare(env).catch((e: unknown) => {
    ready = null;
    throw e;
  });
  return ready;
}

async function prepare(env: Env): Promise<void> {
  await adoptLegacyDirectory(env);
  if (!isDemo(env)) return;
  const reg = registry(env);
  for (const org of DEMO_ORGANISATIONS) await reg.ensureOrganisation(org.id, org.name, true);
  const scopes = [OPERATORS, ...DEMO_ORGANISATIONS.map((o) => o.id)];
  const seeded = await Promise.all(scopes.map(async (scope) => unwrap(await directoryOf(env, scope).ensureDemo(scope))));
  if (seeded.some((s) => s.seeded)) invalidateSites();
}

/**
 * The upgrade from the single directory of earlier versions (objects/registry.ts adoptLegacy): its
 * accounts and sites become the organisation "default", whose directory is that same object.
 */
export async function adoptLegacyDirectory(env: Env): Promise<{ accounts: number; sites: number }> {
  const reg = registry(env);
  if (await reg.legacyChecked()) return { accounts: 0, sites: 0 };
  const ns = env.DATA_JURISDICTION ? env.DIRECTORY.jurisdiction(env.DATA_JURISDICTION) : env.DIRECTORY;
  const inventory = await ns.get(ns.idFromName(LEGACY_DIRECTORY)).legacyInventory(isDemo(env));
  const adopted = await reg.adoptLegacy(inventory);
  if (adopted.accounts > 0 || adopted.sites > 0) {
    invalidateSites();
    console.log(`numerek: upgraded: ${adopted.accounts} accounts and ${adopted.sites} sites are now the organisation 'default'.`);
  }
  return adopted;
}

/** A known name's scope is kept this long; a name nobody has, briefly (it may be created in a moment). */
const KNOWN_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 2_000;
/** At most this many names are remembered per Worker instance. */
const MAX_NAMES = 10_000;

const scopes = new Map<string, { scope: string | null; at: number }>();

/** The scope (organisation id or OPERATORS) of a user name; null when no organisation has it. */
export async function scopeOfUser(env: Env, username: string): Promise<string | null> {
  const key = username.toLowerCase();
  const hit = scopes.get(key);
  if (hit && Date.now() - hit.at < (hit.scope === null ? UNKNOWN_TTL_MS : KNOWN_TTL_MS)) return hit.scope;
  const scope = await registry(env).scopeOfUser(username);
  if (scopes.size >= MAX_NAMES) scopes.clear();
  scopes.set(key, { scope, at: Date.now() });
  return scope;
}

/** Forget what is remembered of a name (after this Worker made it). */
export function forgetUser(username: string): void {
  scopes.delete(username.toLowerCase());
}
