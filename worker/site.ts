// The site middleware: every route that acts on one site resolves it here, once. It reads the site's
// id (from the path, or from the e-ticket token or booking id that starts with it), checks that the
// site exists and that the caller's token may act on it: in the caller's organisation, and among the
// token's sites unless the caller administers the organisation (objects/registry/access.ts), and on
// the path's desk. Then it puts the site's id and its object's stub on the context. Public routes
// (no token) reach every organisation's sites.
import type { MiddlewareHandler } from "hono";
import { mayActOnSite, namesSite } from "../objects/registry/access.ts";
import { siteOfEticketToken } from "../objects/site/random.ts";
import { Id } from "../protocol/config.ts";
import type { ErrorCode } from "../protocol/errors.ts";
import { assertNever } from "../protocol/live.ts";
import type { SiteEnv } from "./app-env.ts";
import { assertDesk } from "./auth/middleware.ts";
import { ApiError } from "./errors.ts";
import { waitUntilOf } from "./kept.ts";
import { findSite, siteStub } from "./sites.ts";

export interface SiteOptions {
  /**
   * Where the site's id is: the `:siteId` path parameter (the default), or the `:token` of an
   * e-ticket or the `:bookingId` of a booking, which start with their site's id. A token or id that
   * names no known site is answered as unknown (UNKNOWN_ETICKET, UNKNOWN_BOOKING), not UNKNOWN_SITE.
   */
  from?: "siteId" | "eticket" | "booking";
  /** PUT /sites/:siteId creates the site: it need not exist yet (an id another organisation has is SITE_ID_TAKEN). */
  mayCreate?: boolean;
}

/** At most this many path ids are kept as checked (a deployment's sites and desks are far fewer). */
const CHECKED_KEPT = 10_000;
/** Path ids that passed the schema already: the same few sites and desks come on every request. */
const checkedIds = new Set<string>();

function pathId(value: string | undefined, name: string): string {
  if (value !== undefined && checkedIds.has(value)) return value;
  const parsed = Id.safeParse(value ?? "");
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", `${name}: must be lower-case letters, digits and dashes (at most 40)`);
  if (checkedIds.size >= CHECKED_KEPT) checkedIds.clear();
  checkedIds.add(parsed.data);
  return parsed.data;
}

/** A site id named inside a token or booking id; `unknown` when it names none. */
function embeddedSite(value: string, unknown: ErrorCode): string {
  const siteId = siteOfEticketToken(value);
  if (!siteId) throw new ApiError(unknown);
  return siteId;
}

export function site(options: SiteOptions = {}): MiddlewareHandler<SiteEnv> {
  const from = options.from ?? "siteId";
  return async function siteHandler(c, next) {
    let siteId: string;
    let unknown: ErrorCode = "UNKNOWN_SITE";
    const claims = c.get("claims");
    switch (from) {
      case "siteId": {
        siteId = pathId(c.req.param("siteId"), "siteId");
        const deskParam = c.req.param("deskId");
        const deskId = deskParam === undefined ? undefined : pathId(deskParam, "deskId");
        // A site not named in the token is refused before it is looked up, whether it exists or not.
        if (claims && !namesSite(claims, siteId)) throw new ApiError("SITE_FORBIDDEN");
        if (claims && deskId !== undefined) assertDesk(claims, deskId);
        break;
      }
      case "eticket":
        unknown = "UNKNOWN_ETICKET";
        siteId = embeddedSite(c.req.param("token") ?? "", unknown);
        break;
      case "booking":
        unknown = "UNKNOWN_BOOKING";
        siteId = embeddedSite(c.req.param("bookingId") ?? "", unknown);
        break;
      default:
        return assertNever(from);
    }
    const found = await findSite(c.env, siteId, waitUntilOf(c));
    if (!found && !options.mayCreate) throw new ApiError(unknown);
    if (found && claims && !mayActOnSite(claims, siteId, found.org)) {
      // Creating a site under an id another organisation has: the id is taken; anything else there is forbidden.
      throw new ApiError(options.mayCreate && claims.role === "org-admin" ? "SITE_ID_TAKEN" : "SITE_FORBIDDEN");
    }
    c.set("siteId", siteId);
    c.set("stub", siteStub(c.env, siteId));
    await next();
  };
}
