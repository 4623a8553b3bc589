// Sites: the public list (kiosks and the booking site read it) and configuration by managers.
import { Hono } from "hono";
import { SiteConfig } from "../../protocol/config.ts";
import type { AppEnv } from "../app-env.ts";
import { assertSite, requireAuth } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { directory, invalidateSites, listSites } from "../sites.ts";
import { idParam, readJson } from "../validate.ts";

export const siteRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ sites: await listSites(c.env) }))
  .put("/:siteId", requireAuth({ roles: ["manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    assertSite(c.get("claims"), siteId);
    const config = await readJson(c, SiteConfig);
    if (config.id !== siteId) throw new ApiError("VALIDATION_FAILED", "id: must equal the site id in the path");
    const r = unwrap(await directory(c.env).putSite(config));
    invalidateSites();
    return c.json(r);
  });
