// The public status behind the edge: one cache entry per site (the Workers Cache API, caches.default) kept
// PUBLIC_MAX_AGE_S seconds, and within an isolate one read in flight per site, so a burst of readers that
// all miss the cache at once still costs the site object a single read. Every public shape (status,
// Warsaw's feed, QueueMonitor) is made from the same cached status: one read per site per 15 s in all.
import { PUBLIC_MAX_AGE_S, type PublicSiteStatus } from "../../protocol/public-status.ts";
import { ApiError } from "../errors.ts";
import type { SiteStub } from "../sites.ts";

/** The cache key of a site's status: a URL of the deployment's own origin that no route answers. */
function statusKey(origin: string, siteId: string): Request {
  return new Request(`${origin}/__edge-cache/public-status/${encodeURIComponent(siteId)}`);
}

/** The headers every cacheable public answer carries. */
export function publicCacheHeaders(contentType: string): Record<string, string> {
  return { "Content-Type": contentType, "Cache-Control": `public, max-age=${PUBLIC_MAX_AGE_S}` };
}

const inFlight = new Map<string, Promise<PublicSiteStatus>>();

async function readSite(stub: SiteStub): Promise<PublicSiteStatus> {
  const r = await stub.publicStatus();
  if (!r.ok) throw new ApiError(r.code, r.message);
  return r.value;
}

/** Caches the Cache API when the runtime has one (workerd and Cloudflare do; a bare test harness may not). */
function edgeCache(): Cache | null {
  return typeof caches === "undefined" ? null : caches.default;
}

/**
 * The site's public status: from the edge cache while it is fresh, else read once from its object (readers
 * arriving while that read runs wait for it) and stored for PUBLIC_MAX_AGE_S seconds.
 */
export async function cachedStatus(
  origin: string,
  siteId: string,
  stub: () => SiteStub,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<PublicSiteStatus> {
  const cache = edgeCache();
  const key = statusKey(origin, siteId);
  const hit = cache ? await cache.match(key) : undefined;
  if (hit) return hit.json<PublicSiteStatus>();
  const flightKey = `${origin} ${siteId}`;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = readSite(stub()).then(
      (status) => {
        if (cache) {
          const res = new Response(JSON.stringify(status), { headers: publicCacheHeaders("application/json") });
          waitUntil(cache.put(key, res).finally(() => inFlight.delete(flightKey)));
        } else inFlight.delete(flightKey);
        return status;
      },
      (err: unknown) => {
        inFlight.delete(flightKey);
        throw err;
      },
    );
    inFlight.set(flightKey, pending);
  }
  return pending;
}

/**
 * A whole answer cached at the edge under `key` (a canonical URL of the validated query) for
 * PUBLIC_MAX_AGE_S seconds: the open data, whose range a reader chooses.
 */
export async function cachedResponse(
  key: string,
  waitUntil: (p: Promise<unknown>) => void,
  make: () => Promise<Response>,
): Promise<Response> {
  const cache = edgeCache();
  const request = new Request(key);
  const hit = cache ? await cache.match(request) : undefined;
  if (hit) return hit;
  const res = await make();
  if (cache && res.ok) waitUntil(cache.put(request, res.clone()));
  return res;
}
