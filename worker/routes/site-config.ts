// A site's whole configuration for the manager page's editor: what putSite stored, read back by the
// site's managers only (it names devices and the privacy notice, which the public list leaves out).
import { ApiError } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directory } from "../sites.ts";

export const siteConfigRoutes: ApiRoute[] = [
  route("siteConfig", site(), async (c) => {
    const config = await directory(c.env).siteConfig(c.var.siteId);
    if (!config) throw new ApiError("UNKNOWN_SITE");
    return config;
  }),
];
