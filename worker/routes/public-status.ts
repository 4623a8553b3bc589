// The public routes, without a token and open to any origin: the list of offices, each office's live status
// (numerek's own JSON, Warsaw's wsstore_get shape and FIWARE QueueMonitor entities, all made from one status
// cached at the edge for 15 s: worker/public/edge-cache.ts) and its daily open data. Unknown ids are 404s
// with stable codes (Warsaw's feed: 200 with Warsaw's own error body), found without waking any object.
import { openDataCsv, openDataFileName } from "../../objects/public/open-data-csv.ts";
import { queueMonitors } from "../../objects/public/queue-monitor.ts";
import { warsawError, warsawFeed } from "../../objects/public/warsaw-feed.ts";
import { Id } from "../../protocol/config.ts";
import type { PublicSiteSummary } from "../../protocol/public-status.ts";
import { ApiError, unwrap } from "../errors.ts";
import { waitUntilOf } from "../kept.ts";
import { cachedResponse, cachedStatus, publicCacheHeaders } from "../public/edge-cache.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { findSite, listSites, siteOrgs, siteStub } from "../sites.ts";

const json = (body: unknown, contentType = "application/json"): Response =>
  new Response(JSON.stringify(body), { headers: publicCacheHeaders(contentType) });

export const publicStatusRoutes: ApiRoute[] = [
  route("publicSites", async (c) => {
    const { org } = c.req.valid("query");
    const [sites, orgs] = await Promise.all([listSites(c.env), siteOrgs(c.env)]);
    const listed: PublicSiteSummary[] = sites
      .filter((s) => orgs[s.id] !== undefined && (org === undefined || orgs[s.id] === org))
      .map((s) => ({ id: s.id, name: s.name, city: s.city, address: s.address, organisation: orgs[s.id] ?? "" }));
    if (org !== undefined && listed.length === 0) throw new ApiError("UNKNOWN_ORGANISATION");
    return json({ sites: listed });
  }),
  route("publicSiteStatus", site(), async (c) => {
    const status = await cachedStatus(
      new URL(c.req.url).origin,
      c.var.siteId,
      () => c.var.stub,
      (p) => c.executionCtx.waitUntil(p),
    );
    return json(status);
  }),
  route("publicQueueMonitor", site(), async (c) => {
    const form = c.req.valid("query").options ?? "normalized";
    const status = await cachedStatus(
      new URL(c.req.url).origin,
      c.var.siteId,
      () => c.var.stub,
      (p) => c.executionCtx.waitUntil(p),
    );
    return json(queueMonitors(status, form), "application/ld+json");
  }),
  route("publicOpenData", site(), async (c) => {
    const q = c.req.valid("query");
    const format = q.format ?? "json";
    const lang = q.lang ?? "pl";
    const key = `${new URL(c.req.url).origin}/__edge-cache/open-data/${c.var.siteId}?from=${q.from}&to=${q.to}&format=${format}&lang=${lang}`;
    return cachedResponse(
      key,
      (p) => c.executionCtx.waitUntil(p),
      async () => {
        const data = unwrap(await c.var.stub.openData({ from: q.from, to: q.to }));
        if (format === "json") return json(data);
        return new Response(openDataCsv(data, lang), {
          headers: {
            ...publicCacheHeaders("text/csv; charset=utf-8"),
            "Content-Disposition": `attachment; filename="${openDataFileName(data, lang)}"`,
          },
        });
      },
    );
  }),
  // Warsaw answers every request 200, an unknown id with {"result":"false","error":…}; apps written for it expect that.
  route("warsawFeed", async (c) => {
    const id = Id.safeParse(c.req.valid("query").id ?? "");
    if (!id.success) return json(warsawError("Nieprawidłowy identyfikator urzędu (id)."));
    if (!(await findSite(c.env, id.data, waitUntilOf(c)))) return json(warsawError("Nie ma urzędu o takim identyfikatorze."));
    const siteId = id.data;
    const status = await cachedStatus(
      new URL(c.req.url).origin,
      siteId,
      () => siteStub(c.env, siteId),
      (p) => c.executionCtx.waitUntil(p),
    );
    return json(warsawFeed(status));
  }),
];
