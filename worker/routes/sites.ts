// Sites: the public list (kiosks and the booking site read it) and configuration by managers.
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directory, invalidateSites, listSites } from "../sites.ts";

export const siteRoutes: ApiRoute[] = [
  route("sites", async (c) => ({ sites: await listSites(c.env) })),
  // Creates the site when it is new: the only site route where it need not exist yet.
  route("putSite", site({ mayCreate: true }), async (c) => {
    const config = c.req.valid("json");
    if (config.id !== c.var.siteId) throw new ApiError("VALIDATION_FAILED", "id: must equal the site id in the path");
    const r = unwrap(await directory(c.env).putSite(config));
    invalidateSites();
    return r;
  }),
];
