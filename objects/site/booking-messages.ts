// What a booking tells its citizen, as data: a message in the booking's channel and language (none once
// the contact data is deleted), and the visit's facts the texts are written from. Plain functions for
// the bookings capability (objects/site/bookings.ts); the texts themselves are objects/sms/messages.ts
// and objects/email/messages.ts.
import type { SiteConfig } from "../../protocol/config.ts";
import type { CitizenLang } from "../../protocol/lang.ts";
import type { EmailContent } from "../email/messages.ts";
import { isoLocal } from "../queue/time.ts";
import { formatVisitDate, type Visit } from "../sms/messages.ts";
import type { SmsKind } from "../sms/outbox.ts";
import type { Booking } from "./booking-store.ts";
import type { Channel } from "./message-store.ts";

/** A message to the booking's contact, by its channel. */
export interface BookingMessage {
  kind: SmsKind;
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  expiresAt: number | null;
  lang: CitizenLang;
}

/** A message to the booking's contact in its channel's words; none once the contact data is deleted. */
export function bookingMessage(
  b: Booking,
  kind: SmsKind,
  expiresAt: number | null,
  sms: () => string,
  email: () => EmailContent,
): BookingMessage[] {
  if (b.email) {
    const e = email();
    return [{ kind, channel: "email", to: b.email, subject: e.subject, body: e.text, expiresAt, lang: b.lang }];
  }
  if (b.phone) return [{ kind, channel: "sms", to: b.phone, subject: null, body: sms(), expiresAt, lang: b.lang }];
  return [];
}

/** The booked visit as the texts give it: the office, its local date and time, the number, check-in. */
export function visitOf(b: Booking, site: SiteConfig, manageUrl: string): Visit {
  const iso = isoLocal(b.startAt, site.timeZone);
  return {
    siteName: site.name,
    address: site.address,
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    ticket: b.ticketNumber ?? "",
    checkInCode: b.checkInCode,
    checkInEarlyMinutes: site.booking.checkInEarlyMinutes,
    manageUrl,
  };
}

/** A visit's time as every message of the booking writes it: "wt 24.11.2026, godz. 09:30", "Tue 24.11.2026, 09:30". */
export function visitTime(b: Booking, site: SiteConfig): string {
  const v = visitOf(b, site, "");
  return `${formatVisitDate(v.date, b.lang)}, ${b.lang === "pl" ? "godz. " : ""}${v.time}`;
}

/** An instant as the office shows times: "wt., 24.11.2026, 09:30". */
export function officeTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("pl-PL", {
    timeZone,
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(ms));
}
