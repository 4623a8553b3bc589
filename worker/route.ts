// Registering an API route from the contract: route("issueTicket", site(), handler) mounts the
// handler at the method and path of protocol/routes.ts, behind the checks protocol/contract.ts
// names (requireAuth for its roles, then the site middleware when given, then the query and body
// validators), and answers the handler's value as JSON with the route's status. The handler is
// typed by the contract: its validated input, and the answer it must return.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import {
  type BodyIn,
  type BodyOf,
  CONTRACT,
  type QueryIn,
  type QueryOf,
  type ResponseOf,
  type RouteContract,
} from "../protocol/contract.ts";
import { type PathOf, type RouteName, routeOf } from "../protocol/routes.ts";
import type { AppEnv, SiteEnv } from "./app-env.ts";
import { requireAuth } from "./auth/middleware.ts";
import { jsonBody, query } from "./validate.ts";

/** What the validators hand the handler (c.req.valid("query") / c.req.valid("json")). */
export interface RouteInput<N extends RouteName> {
  in: { query: QueryIn<N>; json: BodyIn<N> };
  out: { query: QueryOf<N>; json: BodyOf<N> };
}

/** A handler answers the route's JSON (sent with the route's status), or a whole Response (101, 204). */
export type RouteHandler<E extends AppEnv | SiteEnv, N extends RouteName> = (
  c: Context<E, PathOf<N>, RouteInput<N>>,
) => Promise<ResponseOf<N> | Response>;

/** A route ready to be mounted on the app. */
export interface ApiRoute {
  name: RouteName;
  mount(app: Hono<AppEnv>): void;
}

/** The checks the contract asks for, in the order a caller meets them: who, which site, what. */
function checks(spec: RouteContract, site: MiddlewareHandler<SiteEnv> | null): MiddlewareHandler<SiteEnv>[] {
  const chain: MiddlewareHandler<SiteEnv>[] = [];
  // A WebSocket upgrade (101) is the only kind of route that takes its token in the URL.
  if (spec.auth) chain.push(requireAuth({ roles: spec.auth, tokenInQuery: spec.status === 101 }));
  if (site) chain.push(site);
  if (spec.query) chain.push(query(spec.query));
  if (spec.body) chain.push(jsonBody(spec.body));
  return chain;
}

/**
 * The paths a route answers at: its own, and for a path documented with a trailing slash (Warsaw's
 * "/api/action/wsstore_get/") the same without it, since clients often drop the slash.
 */
export function pathsOf(path: string): string[] {
  return path.length > 1 && path.endsWith("/") ? [path, path.slice(0, -1)] : [path];
}

export function route<N extends RouteName>(name: N, handler: RouteHandler<AppEnv, N>): ApiRoute;
export function route<N extends RouteName>(name: N, site: MiddlewareHandler<SiteEnv>, handler: RouteHandler<SiteEnv, N>): ApiRoute;
export function route<N extends RouteName>(
  name: N,
  first: RouteHandler<AppEnv, N> | MiddlewareHandler<SiteEnv>,
  second?: RouteHandler<SiteEnv, N>,
): ApiRoute {
  const { method, path }: { method: string; path: string } = routeOf(name);
  const spec: RouteContract = CONTRACT[name];
  // A handler of a route without the site middleware reads nothing the site middleware sets.
  const handler = (second ?? first) as RouteHandler<SiteEnv, N>;
  const site = second ? (first as MiddlewareHandler<SiteEnv>) : null;
  // A JSON answer's status; 101 and 204 have no body, so their handlers answer a Response.
  const jsonStatus = spec.status === 201 || spec.status === 202 ? spec.status : 200;
  return {
    name,
    mount(app) {
      const sub = new Hono<SiteEnv>();
      sub.on(method, pathsOf(path), ...checks(spec, site), async function answer(c) {
        // The validators above have put the route's query and body on the request, as the contract types them.
        const out = await handler(c as Context<SiteEnv, PathOf<N>, RouteInput<N>>);
        if (out instanceof Response) return out;
        return c.body(JSON.stringify(out), jsonStatus, { "Content-Type": "application/json" });
      });
      app.route("/", sub);
    },
  };
}
