// Office managers and the messages of their site (R9: a code or a confirmation is never silently lost):
// the outbox with masked recipients and no code texts, and sending a failed message again.
import { OUTBOX_MESSAGE_ID } from "../../objects/site/random.ts";
import { claimsOf } from "../auth/middleware.ts";
import { ApiError, unwrap } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";
import { site } from "../site.ts";
import { directoryOf, findSite } from "../sites.ts";
import { clientAddress, idempotency } from "../validate.ts";
import { auditedAnswer } from "./audited.ts";

export const siteMessageRoutes: ApiRoute[] = [
  route("siteMessages", site(), async (c) => unwrap(await c.var.stub.siteMessages(c.req.valid("query")))),
  route("resendMessage", site(), async (c) => {
    const messageId = c.req.param("messageId");
    if (!OUTBOX_MESSAGE_ID.test(messageId)) throw new ApiError("UNKNOWN_MESSAGE");
    const idem = await idempotency(c, claimsOf(c).sub, { messageId });
    return auditedAnswer(await c.var.stub.resendMessage(messageId, idem), async () => {
      const found = await findSite(c.env, c.var.siteId);
      if (!found) return;
      await directoryOf(c.env, found.org).recordAudit({
        actor: claimsOf(c).sub,
        address: clientAddress(c),
        action: "message.resent",
        target: messageId,
        summary: `Wysłano ponownie wiadomość placówki ${c.var.siteId}`,
      });
    });
  }),
];
