// A site's queue: walk-in tickets, the staff view of the queue, and the clerk's desk commands.
import type { Context } from "hono";
import type { DeskActionResponse, DeskActor, DeskCommand, Role } from "../../protocol/api.ts";
import type { SiteEnv } from "../app-env.ts";
import { claimsOf, principalOf } from "../auth/middleware.ts";
import { unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { idempotency } from "../validate.ts";

/** What a desk command may touch: a manager's (or an administrator's) command any ticket, anyone else's only their desk's (the rule decides). */
function deskActor(role: Role): DeskActor {
  return role === "clerk" ? "clerk" : "manager";
}

/** Runs a desk command at the path's desk (the site middleware has checked the caller may operate it). */
async function deskCommand(c: Context<SiteEnv>, command: DeskCommand): Promise<DeskActionResponse> {
  const claims = claimsOf(c);
  const idem = await idempotency(c, claims.sub, command);
  const deskId = c.req.param("deskId") ?? "";
  const actor = deskActor(claims.role);
  return unwrap(await c.var.stub.deskCommand({ deskId, command, actor, by: claims.sub, ...(idem ? { idempotency: idem } : {}) }));
}

export const queueRoutes: ApiRoute[] = [
  route("issueTicket", site(), async (c) => {
    const claims = claimsOf(c);
    const body = c.req.valid("json");
    const idem = await idempotency(c, claims.sub, body);
    const principal = principalOf(claims);
    const flags = { priority: body.priority === true, interpreter: body.interpreter === true };
    return unwrap(await c.var.stub.issueTicket({ matterId: body.matterId, ...flags, principal, ...(idem ? { idempotency: idem } : {}) }));
  }),
  route("queue", site(), async (c) => unwrap(await c.var.stub.queueView())),
  route("desk.call-next", site(), (c) => deskCommand(c, { action: "call-next" })),
  route("desk.recall", site(), (c) => deskCommand(c, { action: "recall" })),
  route("desk.no-show", site(), (c) => deskCommand(c, { action: "no-show" })),
  route("desk.start", site(), (c) => deskCommand(c, { action: "start" })),
  route("desk.finish", site(), (c) => deskCommand(c, { action: "finish" })),
  route("desk.pause", site(), (c) => deskCommand(c, { action: "pause", reason: c.req.valid("json").reason })),
  route("desk.resume", site(), (c) => deskCommand(c, { action: "resume" })),
  route("desk.call", site(), (c) => deskCommand(c, { action: "call", ...c.req.valid("json") })),
  route("desk.transfer", site(), (c) => deskCommand(c, { action: "transfer", ...c.req.valid("json") })),
];
