// The Worker's view of which sites exist: asked of the directory, kept for a few seconds.

import type { SiteListing } from "../objects/directory.ts";
import type { SiteQueue } from "../objects/site-queue.ts";
import type { PublicSite } from "../protocol/api.ts";
import type { Env } from "./env.ts";
import { isDemo } from "./env.ts";
import { ApiError, unwrap } from "./errors.ts";

const TTL_MS = 10_000;
/** An unknown id refreshes the list at most this often, so random ids cannot flood the directory. */
const MISS_REFRESH_MS = 1_000;

let cached: { listing: SiteListing; at: number } | null = null;
let demoReady: Promise<void> | null = null;

/** Object ids are made in the configured jurisdiction (the EU in production), where the data stays. */
function namespace<T extends Rpc.DurableObjectBranded | undefined>(env: Env, ns: DurableObjectNamespace<T>): DurableObjectNamespace<T> {
  return env.DATA_JURISDICTION ? ns.jurisdiction(env.DATA_JURISDICTION) : ns;
}

export function directory(env: Env) {
  const ns = namespace(env, env.DIRECTORY);
  return ns.get(ns.idFromName("directory"));
}

/** In demo mode the demo cities are loaded before the first request is answered. */
export function ensureDemo(env: Env): Promise<void> {
  if (!isDemo(env)) return Promise.resolve();
  demoReady ??= directory(env)
    .ensureDemo()
    .then((r) => {
      unwrap(r);
    })
    .catch((e: unknown) => {
      demoReady = null;
      throw e;
    });
  return demoReady;
}

async function refresh(env: Env): Promise<SiteListing> {
  const listing = await directory(env).sites();
  cached = { listing, at: Date.now() };
  return listing;
}

export async function listSites(env: Env): Promise<PublicSite[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.listing.sites;
  return (await refresh(env)).sites;
}

export async function requireSite(env: Env, siteId: string): Promise<PublicSite> {
  let site = (await listSites(env)).find((s) => s.id === siteId);
  if (!site && cached && Date.now() - cached.at >= MISS_REFRESH_MS) site = (await refresh(env)).sites.find((s) => s.id === siteId);
  if (!site) throw new ApiError("UNKNOWN_SITE");
  return site;
}

/** Whether the directory lists the site: asked before any site object is reached, so invented ids create none. */
export async function knowsSite(env: Env, siteId: string): Promise<boolean> {
  try {
    await requireSite(env, siteId);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.code === "UNKNOWN_SITE") return false;
    throw e;
  }
}

export type SiteStub = DurableObjectStub<SiteQueue>;

export function siteStub(env: Env, siteId: string): SiteStub {
  const ns = namespace(env, env.SITE);
  return ns.get(ns.idFromName(siteId));
}

/** Forget the cached list (after a site is added or changed). */
export function invalidateSites(): void {
  cached = null;
}
