// The Worker's view of which sites exist and which organisation each belongs to: asked of the
// registry, kept for a few seconds, and used for up to a minute more while a fresh one is asked for. A
// site's organisation never changes, so a stale answer can only miss a new site (answered as unknown
// until the next refresh), never let a caller into another's. Requests that must wait for the registry
// share one refresh.
import type { Directory } from "../objects/directory.ts";
import { directoryName, REGISTRY_NAME } from "../objects/registry/scopes.ts";
import type { SiteQueue } from "../objects/site-queue.ts";
import type { PublicSite } from "../protocol/api.ts";
import type { Env } from "./env.ts";
import { ApiError } from "./errors.ts";
import { keptUse, type WaitUntil } from "./kept.ts";
import { type KnownSites, withChanges } from "./known-sites.ts";

const TTL_MS = 10_000;
/**
 * A list older than TTL_MS but younger than this is still used while a fresh one is asked for: the first
 * request after a quiet spell does not wait for the registry (which may have gone to sleep meanwhile).
 */
const STALE_MS = 60_000;
/** An unknown id refreshes the list at most this often, so random ids cannot flood the registry. */
const MISS_REFRESH_MS = 1_000;

/**
 * How long a request waits for a refresh another request started before it asks the registry itself: the
 * other request may have been cancelled, and its refresh with it.
 */
const SHARED_WAIT_MS = 3_000;

/** The list requests use, and when it was asked for; null after this Worker changed a site. */
let cached: { listing: KnownSites; at: number } | null = null;
/**
 * The newest list this Worker has, kept through its own changes: a refresh asks the registry only for the
 * sites published since its version, so an up-to-date Worker's refresh carries no site at all.
 */
let known: KnownSites | null = null;

/** Object ids are made in the configured jurisdiction (the EU in production), where the data stays. */
function namespace<T extends Rpc.DurableObjectBranded | undefined>(env: Env, ns: DurableObjectNamespace<T>): DurableObjectNamespace<T> {
  return env.DATA_JURISDICTION ? ns.jurisdiction(env.DATA_JURISDICTION) : ns;
}

/** The deployment's registry: organisations, and which one each site and user name belongs to. */
export function registry(env: Env) {
  const ns = namespace(env, env.REGISTRY);
  return ns.get(ns.idFromName(REGISTRY_NAME));
}

/** The directory of a scope: an organisation's id, or registry/scopes.ts's OPERATORS and UNAFFILIATED. */
export function directoryOf(env: Env, scope: string): DurableObjectStub<Directory> {
  const ns = namespace(env, env.DIRECTORY);
  return ns.get(ns.idFromName(directoryName(scope)));
}

/** Moved on by invalidateSites: a refresh asked for before a site changed does not store its older list. */
let generation = 0;

async function refresh(env: Env): Promise<KnownSites> {
  const asked = generation;
  const base = known;
  const listing = withChanges(base, await registry(env).listingSince(base?.version ?? null));
  if (!known || listing.version >= known.version) known = listing;
  if (asked === generation) cached = { listing, at: Date.now() };
  return listing;
}

/**
 * The refresh requests wait for, one for all that ask while it runs: a burst that finds the list gone or
 * too old asks the one registry once, not once per request. Only a refresh asked since the last change of
 * a site is shared, and one older than TTL_MS is taken for lost.
 */
let awaited: { generation: number; at: number; listing: Promise<KnownSites> } | null = null;

function startRefresh(env: Env, waitUntil: WaitUntil | undefined): Promise<KnownSites> {
  const mine = { generation, at: Date.now(), listing: refresh(env) };
  awaited = mine;
  const done = () => {
    if (awaited === mine) awaited = null;
  };
  mine.listing.then(done, done);
  // Kept alive past its own request's answer, since others wait for it.
  waitUntil?.(mine.listing.catch(() => undefined));
  return mine.listing;
}

/**
 * A fresh list: the refresh under way, when there is one (asked no earlier than `notBefore`), else a new one.
 * A request waiting for another's refresh asks the registry itself after SHARED_WAIT_MS.
 */
async function waitForRefresh(env: Env, waitUntil: WaitUntil | undefined, notBefore = 0): Promise<KnownSites> {
  const now = Date.now();
  const shared = awaited;
  if (!shared || shared.generation !== generation || now - shared.at >= TTL_MS || shared.at < notBefore) {
    return startRefresh(env, waitUntil);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SHARED_WAIT_MS);
  });
  try {
    return (await Promise.race([shared.listing, late])) ?? (await startRefresh(env, waitUntil));
  } finally {
    clearTimeout(timer);
  }
}

/** The refresh under way while an older list is served (one at a time; given up after TTL_MS if it never ends). */
let refreshing: { at: number } | null = null;

/**
 * What a request does with the list it has: use it; use it and start a refresh that nobody waits for
 * (none under way, or the one under way is older than TTL_MS and taken for lost); use it while the
 * refresh under way goes on; or wait for a fresh one (no list, or one older than STALE_MS).
 */
export function listingUse(ageMs: number | null, refreshingForMs: number | null): "use" | "use-and-refresh" | "wait" {
  return keptUse(ageMs, refreshingForMs, { freshMs: TTL_MS, maxMs: STALE_MS });
}

/** The list to use now; an old one is used while a fresh one is asked for only where the request can wait until it comes. */
async function currentListing(env: Env, waitUntil?: WaitUntil): Promise<KnownSites> {
  const now = Date.now();
  const use = listingUse(cached ? now - cached.at : null, refreshing ? now - refreshing.at : null);
  if (!cached || use === "wait" || (use === "use-and-refresh" && !waitUntil)) return waitForRefresh(env, waitUntil);
  if (use === "use-and-refresh" && waitUntil) {
    const mine = { at: now };
    refreshing = mine;
    waitUntil(
      refresh(env)
        .catch(() => undefined)
        .finally(() => {
          if (refreshing === mine) refreshing = null;
        }),
    );
  }
  return cached.listing;
}

export async function listSites(env: Env): Promise<PublicSite[]> {
  return (await currentListing(env)).sites;
}

/** Every listed site's organisation, by site id. */
export async function siteOrgs(env: Env): Promise<Record<string, string>> {
  return (await currentListing(env)).orgs;
}

/**
 * A listed site and its organisation, or null (the list refreshed first when it is old enough; with the
 * request's `waitUntil`, a list up to a minute old is used while the fresh one comes).
 */
export async function findSite(env: Env, siteId: string, waitUntil?: WaitUntil): Promise<{ site: PublicSite; org: string } | null> {
  let listing = await currentListing(env, waitUntil);
  let site = listing.byId.get(siteId);
  if (!site && cached && Date.now() - cached.at >= MISS_REFRESH_MS) {
    // A refresh asked before the list that missed could bring an older one.
    listing = await waitForRefresh(env, waitUntil, cached.at);
    site = listing.byId.get(siteId);
  }
  const org = listing.orgs[siteId];
  return site && org !== undefined ? { site, org } : null;
}

export async function requireSite(env: Env, siteId: string, waitUntil?: WaitUntil): Promise<PublicSite> {
  const found = await findSite(env, siteId, waitUntil);
  if (!found) throw new ApiError("UNKNOWN_SITE");
  return found.site;
}

/** Whether the registry lists the site: asked before any site object is reached, so invented ids create none. */
export async function knowsSite(env: Env, siteId: string): Promise<boolean> {
  return (await findSite(env, siteId)) !== null;
}

export type SiteStub = DurableObjectStub<SiteQueue>;

/** At most this many site ids are kept worked out (far more than a deployment's sites). */
const IDS_KEPT = 10_000;
/** Each site's object id, per namespace binding: working one out of a name hashes it, on every request otherwise. */
const siteIds = new WeakMap<object, Map<string, DurableObjectId>>();

export function siteStub(env: Env, siteId: string): SiteStub {
  let known = siteIds.get(env.SITE);
  if (!known) siteIds.set(env.SITE, (known = new Map()));
  let id = known.get(siteId);
  if (!id) {
    if (known.size >= IDS_KEPT) known.clear();
    id = namespace(env, env.SITE).idFromName(siteId);
    known.set(siteId, id);
  }
  return namespace(env, env.SITE).get(id);
}

/** Forget the cached list (after a site is added or changed). */
export function invalidateSites(): void {
  cached = null;
  generation++;
}
