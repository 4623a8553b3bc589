// Helpers for the SMS and booking tests: the demo outbox of one site, booking a slot and confirming it
// with the code from the outbox, and swapping a site object's SMS provider.
import { runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import type { SiteQueue } from "../../objects/site-queue.ts";
import type { SmsProvider } from "../../objects/sms/provider.ts";
import { api, siteObject } from "./helpers.ts";

/** One message of the demo outbox (GET /api/v1/dev/outbox). */
export interface OutboxItem {
  siteId: string;
  id: string;
  channel: "sms" | "email";
  to: string;
  subject?: string;
  body: string;
  kind: string;
  status: string;
  attempts: number;
  nextAt: number | null;
  providerId: string | null;
  error: string | null;
  bookingId: string | null;
  ticketId: string | null;
  deliveryStatus: string | null;
  deliveredAt: number | null;
  deliveryError: string | null;
}

export interface Slot {
  start: string;
  free: number;
}

/** The UTC calendar date `offsetDays` from now (availability takes a range of dates). */
export const dateIn = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Every message a site has written to its outbox, newest first. */
export async function outboxOf(siteId: string): Promise<OutboxItem[]> {
  const res = await api(`/api/v1/dev/outbox?siteId=${siteId}&limit=500`);
  expect(res.status).toBe(200);
  const { messages } = (await res.json()) as { messages: OutboxItem[] };
  return messages.filter((m) => m.siteId === siteId);
}

/** Free slots of a matter between two dates (YYYY-MM-DD). */
export async function freeSlots(siteId: string, matterId: string, from: string, to: string): Promise<Slot[]> {
  const res = await api(`/api/v1/sites/${siteId}/availability?matterId=${matterId}&from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { days: { date: string; slots: Slot[] }[] };
  return body.days.flatMap((d) => d.slots).filter((s) => s.free > 0);
}

/** The free count of one slot (0 when it is not offered at all). */
export async function freeAt(siteId: string, matterId: string, start: string): Promise<number> {
  const day = start.slice(0, 10);
  return (await freeSlots(siteId, matterId, day, day)).find((s) => s.start === start)?.free ?? 0;
}

/** Starts a booking of "rej"; answers the API's response. */
export function book(siteId: string, start: string, phone: string): Promise<Response> {
  return api("/api/v1/bookings", {
    method: "POST",
    json: { siteId, matterId: "rej", start, name: "Jan Kowalski", phone, consent: true },
  });
}

/** The 6-digit code last texted to a number by a site. */
export async function codeFor(siteId: string, e164: string): Promise<string> {
  const m = (await outboxOf(siteId)).find((x) => x.to === e164 && x.kind === "code");
  const code = m?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code SMS to ${e164}`);
  return code;
}

export interface Confirmed {
  bookingId: string;
  ticketNumber: string;
  start: string;
}

/** Books a slot and confirms it with the code from the outbox. `phone`: nine digits of a Polish mobile. */
export async function bookAndConfirm(siteId: string, start: string, phone: string): Promise<Confirmed> {
  const created = await book(siteId, start, phone);
  expect(created.status, await created.clone().text()).toBe(202);
  const { bookingId } = (await created.json()) as { bookingId: string };
  const code = await codeFor(siteId, `+48${phone}`);
  const res = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
  expect(res.status, await res.clone().text()).toBe(200);
  const { ticketNumber } = (await res.json()) as { ticketNumber: string };
  return { bookingId, ticketNumber, start };
}

/** Gives a site object another SMS provider (it keeps one for all its sends). */
export async function useSmsProvider(siteId: string, provider: SmsProvider): Promise<void> {
  await runInDurableObject(siteObject(siteId), (instance: SiteQueue) => {
    instance.sender.useProvider(provider);
  });
}
