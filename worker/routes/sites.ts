// Sites: the public list (kiosks and the booking site read it) and configuration. A new site goes
// into the organisation of the administrator creating it (the operator names one); its id must be
// free across the deployment, since each site's object is keyed by it.
import { creatorOrg } from "../../objects/registry/access.ts";
import { claimsOf } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directoryOf, findSite, invalidateSites, listSites } from "../sites.ts";
import { clientAddress } from "../validate.ts";

export const siteRoutes: ApiRoute[] = [
  route("sites", async (c) => ({ sites: await listSites(c.env) })),
  // Creates the site when it is new: the only site route where it need not exist yet.
  route("putSite", site({ mayCreate: true }), async (c) => {
    const config = c.req.valid("json");
    if (config.id !== c.var.siteId) throw new ApiError("VALIDATION_FAILED", "id: must equal the site id in the path");
    const requested = c.req.valid("query").org;
    // The site middleware has let the caller at an existing site of their organisation only.
    const existing = await findSite(c.env, c.var.siteId);
    let org: string;
    if (existing) {
      if (requested !== undefined && requested !== existing.org) throw new ApiError("SITE_ID_TAKEN");
      org = existing.org;
    } else {
      const target = creatorOrg(claimsOf(c), requested);
      if (!target.ok) throw new ApiError(target.code, target.message);
      org = target.org;
    }
    const r = unwrap(await directoryOf(c.env, org).putSite(org, config, { actor: claimsOf(c).sub, address: clientAddress(c) }));
    invalidateSites();
    return r;
  }),
];
