// A site's whole configuration for the manager page's editor: what putSite stored, read back by the
// site's managers only (it names devices and the privacy notice, which the public list leaves out).
import { SiteConfig } from "../../protocol/config.ts";
import { ApiError } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directoryOf, findSite } from "../sites.ts";

export const siteConfigRoutes: ApiRoute[] = [
  route("siteConfig", site(), async (c) => {
    // The site middleware let the caller in: the site exists and is of their organisation.
    const found = await findSite(c.env, c.var.siteId);
    const stored = found ? await directoryOf(c.env, found.org).siteConfig(c.var.siteId) : null;
    if (!stored) throw new ApiError("UNKNOWN_SITE");
    // Across RPC the opening hours' [from, to] pairs are typed as plain arrays: the schema gives them back their type.
    return SiteConfig.parse(stored);
  }),
];
