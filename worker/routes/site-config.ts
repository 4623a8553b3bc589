// A site's whole configuration for the manager page's editor: what putSite stored, read back by the
// site's managers only (it names devices and the privacy notice, which the public list leaves out).
import { SiteConfig } from "../../protocol/config.ts";
import { ApiError } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directory } from "../sites.ts";

export const siteConfigRoutes: ApiRoute[] = [
  route("siteConfig", site(), async (c) => {
    const stored = await directory(c.env).siteConfig(c.var.siteId);
    if (!stored) throw new ApiError("UNKNOWN_SITE");
    // Across RPC the opening hours' [from, to] pairs are typed as plain arrays: the schema gives them back their type.
    return SiteConfig.parse(stored);
  }),
];
