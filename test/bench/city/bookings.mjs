// A site's citizens booking through the day: about three bookings per desk over an ordinary day (the
// office-day simulator's share of booked visits), at random minutes of the site's day. At Toruń (a booking
// joins the queue by itself) they book a day of the coming week; at Koszalin (check-in at the kiosk) half
// of them book a slot of the coming minutes and check in at once, as someone booking from the hall would.
import { dayShape } from "../../../objects/sim/shapes.ts";
import { sleep } from "../clients.mjs";
import { addDays, localToday } from "./dates.mjs";

const NORMAL = dayShape("normal");
/** Booked visits per desk and office hour (the simulator's ordinary day: its bookings over 8 desks and 8 hours). */
const BOOKINGS_PER_DESK_HOUR = NORMAL.bookings / 8 / ((NORMAL.close - NORMAL.open) / 60);
/** A slot this many minutes ahead at most can be checked in at once (check-in opens 10 minutes before). */
const CHECK_IN_AHEAD_MS = 9 * 60_000;

export async function runBookings({ site, citizens, clock, startAt, tally, rng }) {
  const span = site.day.close - site.day.open;
  const count = Math.round(site.desks.length * BOOKINGS_PER_DESK_HOUR * (span / 60));
  const minutes = Array.from({ length: count }, () => rng.between(0, span)).sort((a, b) => a - b);
  const slotOf = new Map(site.matters.map((m) => [m.id, m.slotMinutes]));
  const visits = [];
  for (const minute of minutes) {
    const wait = startAt + clock.msOf(minute) - performance.now();
    if (wait > 0) await sleep(wait);
    const matterId = site.bookable[Math.floor(rng.next() * site.bookable.length)];
    const now = site.kioskCheckIn && rng.chance(0.5) && (slotOf.get(matterId) ?? 60) <= 10;
    visits.push(visit(site, matterId, now, citizens, tally, rng));
  }
  await Promise.all(visits);
  return count;
}

async function visit(site, matterId, now, citizens, tally, rng) {
  try {
    const today = localToday();
    if (now) {
      const soon = (await citizens.freeSlots(site.id, matterId, today, today)).filter(
        (s) => Date.parse(s.start) - Date.now() <= CHECK_IN_AHEAD_MS,
      );
      const slot = soon[0];
      if (slot) {
        const booked = await citizens.book({ siteId: site.id, matterId, start: slot.start });
        if (booked) await citizens.checkIn(site, booked.checkInCode);
        return;
      }
    }
    const from = addDays(today, 1);
    const free = await citizens.freeSlots(site.id, matterId, from, addDays(today, Math.min(7, site.horizonDays)));
    const slot = free[Math.floor(rng.next() * free.length)];
    if (slot) await citizens.book({ siteId: site.id, matterId, start: slot.start });
  } catch (e) {
    tally.fail("hold", e.message);
  }
}
