// A site's managers and the closing cut-off: lifting it for a matter for the rest of the day, recorded in
// the organisation's audit log (who, from where, which matter), once: a retry with the same key adds no entry.
import { claimsOf } from "../auth/middleware.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directoryOf, findSite } from "../sites.ts";
import { clientAddress, idempotency } from "../validate.ts";
import { auditedAnswer } from "./audited.ts";

export const cutOffRoutes: ApiRoute[] = [
  route("overrideCutOff", site(), async (c) => {
    const matterId = c.req.param("matterId");
    const claims = claimsOf(c);
    const idem = await idempotency(c, claims.sub, { matterId });
    return auditedAnswer(await c.var.stub.overrideCutOff(matterId, idem), async (lifted) => {
      const found = await findSite(c.env, c.var.siteId);
      if (!found) return;
      await directoryOf(c.env, found.org).recordAudit({
        actor: claims.sub,
        address: clientAddress(c),
        action: "cut-off.overridden",
        target: `${c.var.siteId}/${matterId}`,
        summary: `Zniesiono na dziś zamknięcie sprawy ${matterId} w placówce ${c.var.siteId} (do ${lifted.until})`,
      });
    });
  }),
];
