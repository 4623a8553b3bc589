import type { TokenClaims } from "./auth/token.ts";
import type { Env } from "./env.ts";
import type { SiteStub } from "./sites.ts";

/** Hono's typing of bindings and per-request variables. */
export interface AppEnv {
  Bindings: Env;
  /** Set by requireAuth on the routes that need a token (read them with claimsOf). */
  Variables: { claims?: TokenClaims };
}

/** A route behind the site middleware (worker/site.ts): the site's id is valid, the caller may act on it. */
export interface SiteEnv {
  Bindings: Env;
  Variables: AppEnv["Variables"] & {
    siteId: string;
    /** The site's object (made once per request, by the middleware). */
    stub: SiteStub;
  };
}
