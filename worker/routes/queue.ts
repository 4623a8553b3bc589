// A site's queue: walk-in tickets, the staff view of the queue, and the clerk's desk commands.
import { Hono } from "hono";
import {
  CallTicketRequest, DeskAction, type DeskCommand, EmptyRequest, IssueTicketRequest, TransferRequest,
} from "../../protocol/api.ts";
import type { AppEnv } from "../app-env.ts";
import { assertDesk, assertSite, requireAuth } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { requireSite, siteStub } from "../sites.ts";
import { idParam, idempotency, readJson } from "../validate.ts";

async function readCommand(c: Parameters<typeof readJson>[0], action: DeskAction): Promise<DeskCommand> {
  switch (action) {
    case "call":
      return { action, ...(await readJson(c, CallTicketRequest)) };
    case "transfer":
      return { action, ...(await readJson(c, TransferRequest)) };
    default:
      await readJson(c, EmptyRequest);
      return { action };
  }
}

export const queueRoutes = new Hono<AppEnv>()
  .post("/:siteId/tickets", requireAuth({ roles: ["kiosk", "clerk", "manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    const claims = c.get("claims");
    assertSite(claims, siteId);
    const body = await readJson(c, IssueTicketRequest);
    const idem = await idempotency(c, claims.sub, body);
    await requireSite(c.env, siteId);
    const principal = { id: claims.sub, role: claims.role, ...(claims.dev ? { deviceId: claims.dev } : {}) };
    const ticket = unwrap(await siteStub(c.env, siteId).issueTicket({ matterId: body.matterId, principal, ...(idem ? { idempotency: idem } : {}) }));
    return c.json(ticket, 201);
  })
  .get("/:siteId/queue", requireAuth({ roles: ["clerk", "manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    assertSite(c.get("claims"), siteId);
    await requireSite(c.env, siteId);
    return c.json(unwrap(await siteStub(c.env, siteId).queueView()));
  })
  .post("/:siteId/desks/:deskId/:action", requireAuth({ roles: ["clerk", "manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    const deskId = idParam(c, "deskId");
    const action = DeskAction.safeParse(c.req.param("action"));
    if (!action.success) throw new ApiError("NOT_FOUND", `Unknown desk action; one of: ${DeskAction.options.join(", ")}.`);
    const claims = c.get("claims");
    assertDesk(claims, siteId, deskId);
    const command = await readCommand(c, action.data);
    const idem = await idempotency(c, claims.sub, command);
    await requireSite(c.env, siteId);
    return c.json(unwrap(await siteStub(c.env, siteId).deskCommand({ deskId, command, ...(idem ? { idempotency: idem } : {}) })));
  });
