// The seven Toruń and Koszalin demo sites the city day drives, and what the run changes in them before it
// starts: today (the server's real date, in the site's zone) becomes a special day open around the clock,
// since the run compresses the office's hours into minutes of real time and the server's clock would
// otherwise close the office (or cut off its matters) mid-run; at Koszalin, where a booking checks in at
// the kiosk, a slot may be booked without notice, so a citizen can book a slot of the coming minutes and
// check in while the run lasts. The weekly hours stay, so the booking calendar's days are the real ones.
import { slotMinutes } from "../../../protocol/config.ts";
import { api } from "../clients.mjs";
import { siteDay } from "./schedule.mjs";

export const CITY_SITES = ["torun-wsa", "torun-wk", "torun-wez", "torun-plaza", "torun-copernicus", "koszalin-ratusz", "koszalin-usc"];

/** The local date (YYYY-MM-DD) in a time zone. */
const localDate = (timeZone) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/**
 * Reads each site's configuration as the operator, adapts it for the run (see above), and returns per
 * site: id, its day on `weekday` (minutes since midnight), desks, matters with their configured minutes,
 * the bookable ones, the check-in mode, and the clerk's and kiosk's tokens.
 */
export async function prepareSites(base, admin, weekday) {
  return Promise.all(
    CITY_SITES.map(async (id) => {
      const config = await api(base, `/api/v1/sites/${id}/config`, { token: admin });
      const day = siteDay(config.openingHours, weekday);
      if (!day) throw new Error(`${id} is closed on ${weekday}`);
      const today = localDate(config.timeZone);
      const specialDays = [...config.specialDays.filter((s) => s.date !== today), { date: today, hours: [["00:00", "24:00"]] }];
      const kioskCheckIn = config.booking.checkIn === "kiosk";
      const booking = kioskCheckIn ? { ...config.booking, minNoticeMinutes: 0 } : config.booking;
      await api(base, `/api/v1/sites/${id}`, { method: "PUT", token: admin, json: { ...config, specialDays, booking } });
      const login = (username) => api(base, "/api/v1/auth/login", { method: "POST", json: { username, password: "demo" } });
      const [clerk, kiosk] = await Promise.all([login(`${id}-urzednik`), login(`${id}-kiosk-1`)]);
      const matters = config.departments.flatMap((d) => d.matters);
      return {
        id,
        day,
        desks: config.desks.map((d) => d.id),
        matters: matters.map((m) => ({ id: m.id, serviceMinutes: m.serviceMinutes, slotMinutes: slotMinutes(m) })),
        bookable: matters.filter((m) => m.bookable !== false).map((m) => m.id),
        horizonDays: config.booking.horizonDays,
        kioskCheckIn,
        clerkToken: clerk.token,
        kioskToken: kiosk.token,
      };
    }),
  );
}
