// The demo outbox (GET /api/v1/dev/outbox?siteId=&limit=): every message the demo would have sent,
// newest first; refused with DEMO_ONLY outside demo mode. `createdAt` is in ms.
import { api } from "../shared/api.ts";

export interface OutboxEntry {
  siteId: string;
  id: string;
  /** Missing on servers from before e-mail: an SMS. */
  channel?: string;
  to: string;
  subject?: string;
  body: string;
  kind: string;
  status: string;
  createdAt: number;
}

export async function fetchOutbox(siteId: string | null, limit = 100): Promise<OutboxEntry[]> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (siteId) q.set("siteId", siteId);
  const { messages } = await api<{ messages: OutboxEntry[] }>(`/api/v1/dev/outbox?${q.toString()}`);
  // Newest first, of the chosen office, whatever the server did with the query.
  return messages.filter((m) => !siteId || m.siteId === siteId).sort((a, b) => b.createdAt - a.createdAt);
}
