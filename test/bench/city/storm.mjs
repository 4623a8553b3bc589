// The booking storm at 8:00: a popular office (Toruń's Wydział Komunikacji) opens a new day at the end of
// its booking horizon and many citizens race for its slots at once. Each citizen tries one random slot of
// that day; a refusal (409 SLOT_UNAVAILABLE: taken by someone faster) is the expected answer for most.
// Every hold is confirmed; no slot may end up with more bookings than it has desks.
import { pool } from "../clients.mjs";
import { addDays, localToday } from "./dates.mjs";

export const STORM = { siteId: "torun-wk", matterIds: ["rejestracja", "prawo-jazdy"], citizens: 300, inFlight: 50 };

export async function runStorm({ site, citizens, rng }) {
  const today = localToday();
  const last = addDays(today, site.horizonDays);
  const offered = (
    await Promise.all(
      STORM.matterIds.map(async (matterId) =>
        (await citizens.freeSlots(site.id, matterId, addDays(last, -6), last)).map((s) => ({ ...s, matterId, date: s.start.slice(0, 10) })),
      ),
    )
  ).flat();
  const day = offered
    .map((s) => s.date)
    .sort()
    .at(-1);
  const slots = offered.filter((s) => s.date === day);
  if (slots.length === 0) throw new Error(`storm: no free slot at ${site.id} up to ${last}`);
  const picks = Array.from({ length: STORM.citizens }, () => slots[Math.floor(rng.next() * slots.length)]);
  const t0 = performance.now();
  const results = await pool(STORM.citizens, STORM.inFlight, (i) =>
    citizens.book({ siteId: site.id, matterId: picks[i].matterId, start: picks[i].start, op: "storm-hold" }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const booked = new Map();
  results.forEach((r, i) => {
    if (r) booked.set(`${picks[i].matterId} ${picks[i].start}`, (booked.get(`${picks[i].matterId} ${picks[i].start}`) ?? 0) + 1);
  });
  const capacity = new Map(slots.map((s) => [`${s.matterId} ${s.start}`, s.free]));
  const overbooked = [...booked].filter(([k, n]) => n > (capacity.get(k) ?? 0)).length;
  return {
    day,
    slots: slots.reduce((n, s) => n + s.free, 0),
    attempts: STORM.citizens,
    confirmed: results.filter(Boolean).length,
    overbooked,
    seconds,
  };
}
