// Text messages and e-mails sent and failed (pending ones are not counted yet).
import type { MessageFigures } from "../../protocol/statistics.ts";
import type { MessageFact } from "./records.ts";

export function messageFigures(messages: readonly MessageFact[]): MessageFigures {
  const count = (channel: MessageFact["channel"], status: MessageFact["status"]) =>
    messages.filter((m) => m.channel === channel && m.status === status).length;
  return {
    sms: { sent: count("sms", "sent"), failed: count("sms", "failed") },
    email: { sent: count("email", "sent"), failed: count("email", "failed") },
  };
}
