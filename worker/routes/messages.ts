// Office managers and the messages of their site (R9: a code or a confirmation is never silently lost):
// the outbox with masked recipients and no code texts, and sending a failed message again.
import { Hono } from "hono";
import { EmptyRequest, SiteMessagesQuery } from "../../protocol/api.ts";
import { OUTBOX_MESSAGE_ID } from "../../objects/site/random.ts";
import type { AppEnv } from "../app-env.ts";
import { assertSite, requireAuth } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { requireSite, siteStub } from "../sites.ts";
import { idParam, idempotency, parseQuery, readJson } from "../validate.ts";

export const siteMessageRoutes = new Hono<AppEnv>()
  .get("/:siteId/messages", requireAuth({ roles: ["manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    assertSite(c.get("claims"), siteId);
    const q = parseQuery(c, SiteMessagesQuery);
    await requireSite(c.env, siteId);
    return c.json(unwrap(await siteStub(c.env, siteId).siteMessages(q)));
  })
  .post("/:siteId/messages/:messageId/resend", requireAuth({ roles: ["manager"] }), async (c) => {
    const siteId = idParam(c, "siteId");
    const claims = c.get("claims");
    assertSite(claims, siteId);
    const messageId = c.req.param("messageId");
    if (!OUTBOX_MESSAGE_ID.test(messageId)) throw new ApiError("UNKNOWN_MESSAGE");
    await readJson(c, EmptyRequest);
    const idem = await idempotency(c, claims.sub, { messageId });
    await requireSite(c.env, siteId);
    return c.json(unwrap(await siteStub(c.env, siteId).resendMessage(messageId, idem)));
  });
