// The audit log of an organisation: read by its administrator (or the operator naming it), as JSON for
// the manager page or as CSV; an export is itself recorded. They also set how long it keeps entries.
import type { Context } from "hono";
import { auditCsv } from "../../objects/audit/csv.ts";
import type { AuditOrgQuery } from "../../protocol/audit.ts";
import type { AppEnv } from "../app-env.ts";
import { claimsOf } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf, registry } from "../sites.ts";
import { clientAddress } from "../validate.ts";

/** Whose log: an administrator's own organisation, or the one the operator names (which must exist). */
async function organisationOf(c: Context<AppEnv>, q: AuditOrgQuery): Promise<string> {
  const claims = claimsOf(c);
  if (claims.role === "org-admin") {
    if (!claims.org || (q.org !== undefined && q.org !== claims.org)) throw new ApiError("FORBIDDEN");
    return claims.org;
  }
  if (q.org === undefined) throw new ApiError("VALIDATION_FAILED", "org: the operator names the organisation");
  // Asked of the registry first, so an invented id creates no directory.
  if (!(await registry(c.env).organisations()).some((o) => o.id === q.org)) throw new ApiError("UNKNOWN_ORGANISATION");
  return q.org;
}

export const auditRoutes: ApiRoute[] = [
  route("audit", async (c) => {
    const q = c.req.valid("query");
    return { entries: await directoryOf(c.env, await organisationOf(c, q)).auditEntries(q) };
  }),
  route("auditExport", async (c) => {
    const q = c.req.valid("query");
    const dir = directoryOf(c.env, await organisationOf(c, q));
    const entries = await dir.auditEntries(q);
    await dir.recordAudit({
      actor: claimsOf(c).sub,
      address: clientAddress(c),
      action: "audit.exported",
      target: null,
      summary: `Wyeksportowano dziennik zdarzeń (${entries.length} wpisów)`,
    });
    return new Response(auditCsv(entries), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="numerek-audit.csv"' },
    });
  }),
  route("auditRetention", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    return { days: await directoryOf(c.env, org).auditRetention() };
  }),
  route("setAuditRetention", async (c) => {
    const org = await organisationOf(c, c.req.valid("query"));
    const { days } = c.req.valid("json");
    const who = { actor: claimsOf(c).sub, address: clientAddress(c) };
    return unwrap(await directoryOf(c.env, org).setAuditRetention(org, days, who));
  }),
];
