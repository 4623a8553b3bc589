// The manager's view of a site's SMS and e-mail messages (R9): GET …/messages?status=&limit= and
// POST …/messages/{id}/resend. Times are ISO strings; `to` comes masked; codes come without their text.
import type { SiteMessage, SiteMessagesQuery } from "../../protocol/api.ts";
import { call, newKey } from "../shared/api.ts";

export type MessageFilter = SiteMessagesQuery["status"];
/** The filters in the order the page offers them: failed first, since those need someone. */
export const MESSAGE_FILTERS: readonly MessageFilter[] = ["failed", "pending", "sent", "all"];

export async function listMessages(siteId: string, token: string, status: MessageFilter, limit = 100): Promise<SiteMessage[]> {
  return (await call("siteMessages", { params: { siteId }, query: { status, limit }, token })).messages;
}

/** Sends a failed message again. `key` is kept by the caller for a retry after a lost answer. */
export async function resendMessage(siteId: string, token: string, messageId: string, key = newKey("resend")): Promise<SiteMessage> {
  return (await call("resendMessage", { params: { siteId, messageId }, token, body: {}, idempotencyKey: key })).message;
}
