// The demo outbox (GET /api/v1/dev/outbox?siteId=&limit=): every message the demo would have sent,
// newest first; refused with DEMO_ONLY outside demo mode. `createdAt` is in ms.
import type { DevOutboxMessage } from "../../protocol/api.ts";
import { call } from "../shared/api.ts";

export type OutboxEntry = DevOutboxMessage;

export async function fetchOutbox(siteId: string | null, limit = 100): Promise<OutboxEntry[]> {
  const { messages } = await call("devOutbox", { query: { limit, ...(siteId ? { siteId } : {}) } });
  // Newest first, of the chosen office, whatever the server did with the query.
  return messages.filter((m) => !siteId || m.siteId === siteId).sort((a, b) => b.createdAt - a.createdAt);
}
