// Statistics: a site's figures for a range of its local days, asked of its object (which keeps the visits
// and the daily roll-ups), as JSON or as CSV for Excel with Polish settings; and an organisation's sites
// side by side, each site's object asked at once (a city of 40 sites: 40 small RPCs in parallel, each
// reading a row per past day).
import { statisticsCsv, statisticsCsvFileName } from "../../objects/statistics/csv.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { siteOrgs, siteStub } from "../sites.ts";
import { organisationOf } from "./organisation-scope.ts";

export const statisticsRoutes: ApiRoute[] = [
  route("siteStatistics", site(), async (c) => {
    const q = c.req.valid("query");
    const figures = unwrap(await c.var.stub.statistics({ from: q.from, to: q.to, ...(q.groupBy ? { groupBy: q.groupBy } : {}) }));
    c.header("Cache-Control", "no-store");
    if (q.format !== "csv") return figures;
    const lang = q.lang ?? "pl";
    const csv = statisticsCsv(figures, { lang, ...(q.table ? { table: q.table } : {}) });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${statisticsCsvFileName(figures, lang)}"`,
        "Cache-Control": "no-store",
      },
    });
  }),
  route("organisationStatistics", async (c) => {
    const q = c.req.valid("query");
    const org = await organisationOf(c, q);
    const orgs = await siteOrgs(c.env);
    const ids = Object.keys(orgs)
      .filter((id) => orgs[id] === org)
      .sort();
    const sites = await Promise.all(
      ids.map(async (siteId) => {
        const r = await siteStub(c.env, siteId).statistics({ from: q.from, to: q.to });
        if (!r.ok) throw new ApiError(r.code);
        return { siteId, days: r.value.days, totals: r.value.totals };
      }),
    );
    c.header("Cache-Control", "no-store");
    return { organisationId: org, from: q.from, to: q.to, generatedAt: Date.now(), sites };
  }),
];
