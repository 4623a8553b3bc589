// The site's configuration through the API: read it whole (managers of the site) and store it (putSite,
// which creates the site when its id is new).
import type { SiteConfig } from "../../../protocol/config.ts";
import { call } from "../../shared/api.ts";

export function readConfig(siteId: string, token: string): Promise<SiteConfig> {
  return call("siteConfig", { params: { siteId }, token });
}

export async function storeConfig(config: SiteConfig, token: string): Promise<void> {
  await call("putSite", { params: { siteId: config.id }, query: {}, body: config, token });
}
