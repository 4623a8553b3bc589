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

/** A cached answer, or undefined: a cache that fails (its storage full, say) is a miss, never an error. */
async function lookUp(cache: Cache | null, key: Request): Promise<Response | undefined> {
  if (!cache) return undefined;
  try {
    return await cache.match(key);
  } catch (err) {
    console.warn("edge cache: a lookup failed; answered without it:", err);
    return undefined;
  }
}

/** Stores an answer; a cache that fails to keep it only costs the next reader a read. */
function keep(cache: Cache, key: Request, res: Response): Promise<void> {
  return cache.put(key, res).catch((err: unknown) => console.warn("edge cache: an answer was not kept:", err));
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
  const hit = await lookUp(cache, key);
  if (hit) return hit.json<PublicSiteStatus>();
  const flightKey = `${origin} ${siteId}`;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = readSite(stub()).then(
      (status) => {
        if (cache) {
          const res = new Response(JSON.stringify(status), { headers: publicCacheHeaders("application/json") });
          waitUntil(keep(cache, key, res).finally(() => inFlight.delete(flightKey)));
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
  const hit = await lookUp(cache, request);
  if (hit) return hit;
  const res = await make();
  if (cache && res.ok) waitUntil(keep(cache, request, res.clone()));
  return res;
}
