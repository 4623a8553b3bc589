// SMS and e-mail messages in words, for the manager page and the demo outbox: what kind of message
// it is, by which channel it goes, how far it got. Unknown values (a newer server) fall back to a word.
import type { MessageChannel } from "../../protocol/api.ts";
import type { MessageKey } from "./messages.ts";

const KINDS: Record<string, MessageKey> = {
  code: "msg.kind.code",
  confirmation: "msg.kind.confirmation",
  reminder: "msg.kind.reminder",
  notify: "msg.kind.notify",
};

const STATUSES: Record<string, MessageKey> = {
  pending: "msg.status.pending",
  sent: "msg.status.sent",
  failed: "msg.status.failed",
};

export function kindKey(kind: string): MessageKey {
  return KINDS[kind] ?? "msg.kind.other";
}

/** A message without a channel is an SMS (the outbox held only SMS before e-mail). */
export function channelOf(m: { channel?: string | undefined }): MessageChannel {
  return m.channel === "email" ? "email" : "sms";
}

export function channelKey(m: { channel?: string | undefined }): MessageKey {
  return channelOf(m) === "email" ? "msg.channel.email" : "msg.channel.sms";
}

/** The status in words, or null for a status this client does not know (shown as it came). */
export function statusKey(status: string): MessageKey | null {
  return STATUSES[status] ?? null;
}
