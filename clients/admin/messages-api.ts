// The manager's view of a site's SMS and e-mail messages (R9): GET …/messages?status=&limit= and
// POST …/messages/{id}/resend. Times are ISO strings; `to` comes masked; codes come without their text.
import type { SiteMessage, SiteMessagesQuery } from "../../protocol/api.ts";
import { api, newKey } from "../shared/api.ts";

export type MessageFilter = SiteMessagesQuery["status"];
/** The filters in the order the page offers them: failed first, since those need someone. */
export const MESSAGE_FILTERS: readonly MessageFilter[] = ["failed", "pending", "sent", "all"];

const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/messages`;

export async function listMessages(siteId: string, token: string, status: MessageFilter, limit = 100): Promise<SiteMessage[]> {
  const q = new URLSearchParams({ status, limit: String(limit) });
  return (await api<{ messages: SiteMessage[] }>(`${base(siteId)}?${q.toString()}`, { token })).messages;
}

/** Sends a failed message again. `key` is kept by the caller for a retry after a lost answer. */
export async function resendMessage(siteId: string, token: string, messageId: string, key = newKey("resend")): Promise<SiteMessage> {
  return (await api<{ message: SiteMessage }>(`${base(siteId)}/${encodeURIComponent(messageId)}/resend`, { token, body: {}, idempotencyKey: key })).message;
}
