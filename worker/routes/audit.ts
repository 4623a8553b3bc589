// The audit log of an organisation: read by its administrator (or the operator naming it), as JSON for
// the manager page or as CSV; an export is itself recorded. They also set how long it keeps entries.
import { auditCsv } from "../../objects/audit/csv.ts";
import { unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { directoryOf } from "../sites.ts";
import { organisationOf, whoOf } from "./organisation-scope.ts";

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
      ...whoOf(c),
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
    return unwrap(await directoryOf(c.env, org).setAuditRetention(org, days, whoOf(c)));
  }),
];
