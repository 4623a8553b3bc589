// The public description of a site: what the site list shows anyone (kiosks, the booking site).
import type { PublicSite } from "../../protocol/api.ts";
import { type SiteConfig, slotMinutes } from "../../protocol/config.ts";

/** What anyone may know of a site: no accounts, no devices. */
export function publicSite(c: SiteConfig): PublicSite {
  return {
    id: c.id,
    city: c.city,
    name: c.name,
    address: c.address,
    voice: c.voice,
    departments: c.departments.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.nameEn ? { nameEn: d.nameEn } : {}),
      ...(d.nameUk ? { nameUk: d.nameUk } : {}),
      matters: d.matters.map((m) => ({
        id: m.id,
        name: m.name,
        ...(m.nameEn ? { nameEn: m.nameEn } : {}),
        ...(m.nameUk ? { nameUk: m.nameUk } : {}),
        prefix: m.prefix,
        bookable: m.bookable && m.bookingDesks > 0,
        ...(m.hint ? { hint: m.hint } : {}),
        slotMinutes: slotMinutes(m),
      })),
    })),
    desks: c.desks.map((d) => ({ id: d.id, name: d.name })),
    booking: {
      horizonDays: c.booking.horizonDays,
      checkIn: c.booking.checkIn,
      checkInEarlyMinutes: c.booking.checkInEarlyMinutes,
      checkInLateMinutes: c.booking.checkInLateMinutes,
    },
    smsCountries: c.smsCountries,
    privacy: {
      controller: c.privacy.controller,
      notice: c.privacy.notice,
      ...(c.privacy.noticeEn ? { noticeEn: c.privacy.noticeEn } : {}),
      ...(c.privacy.noticeUk ? { noticeUk: c.privacy.noticeUk } : {}),
    },
  };
}
