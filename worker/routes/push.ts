// Browser notifications of the e-ticket (Web Push): the VAPID public key the page subscribes with, and the
// subscription for one ticket. Public: the e-ticket's token is the permission, as for its "SMS me". The
// endpoint is checked against the rule of objects/push/endpoint-rule.ts (https, a push service's public
// host: in production only the services browsers use), so no e-ticket makes the site object post anywhere
// it names. Production without VAPID keys offers no push: both routes answer 503 NOT_CONFIGURED.
import { endpointProblemMessage, pushEndpointProblem } from "../../objects/push/endpoint-rule.ts";
import { pushSetupOf, type VapidKeys } from "../../objects/push/vapid-keys.ts";
import { type Env, isDemo } from "../env.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";

const logged = new Set<string>();

/** The VAPID keys, or 503 NOT_CONFIGURED (the reason logged once, never a key). */
export function requirePushKeys(env: Env): VapidKeys {
  const setup = pushSetupOf(env);
  if (setup.kind === "on") return setup.keys;
  if (!logged.has(setup.problem)) {
    logged.add(setup.problem);
    console.error(
      `numerek: browser notifications are off (503 NOT_CONFIGURED): ${setup.problem}. Set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (see the README, "Before going live").`,
    );
  }
  throw new ApiError("NOT_CONFIGURED", "Browser notifications are not set up on this server.");
}

export const pushRoutes: ApiRoute[] = [
  route("pushKey", async (c) => ({ publicKey: requirePushKeys(c.env).publicKey })),
  route("eticketPush", site({ from: "eticket" }), async (c) => {
    const body = c.req.valid("json");
    requirePushKeys(c.env);
    const problem = pushEndpointProblem(body.subscription.endpoint, isDemo(c.env) ? "demo" : "production");
    if (problem) throw new ApiError("PUSH_ENDPOINT_NOT_ALLOWED", endpointProblemMessage(problem));
    return unwrap(await c.var.stub.subscribePush(c.req.param("token"), body));
  }),
];
