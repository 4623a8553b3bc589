// A site's kiosk through the day: each walk-in of the schedule taps a matter at its minute and takes a
// ticket; a share of them follow it on the phone (phones.mjs).
import { randomUUID } from "node:crypto";
import { sleep, timed } from "../clients.mjs";

/** Share of walk-ins who scan the ticket's QR code and keep the e-ticket open. */
export const ETICKET_SHARE = 0.4;

export async function runKiosk({ base, site, arrivals, clock, startAt, tally, phones, rng }) {
  const headers = { Authorization: `Bearer ${site.kioskToken}` };
  const watching = [];
  const taken = [];
  for (const minute of arrivals) {
    const due = startAt + clock.msOf(minute);
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const matter = site.matters[Math.floor(rng.next() * site.matters.length)];
    taken.push(
      (async () => {
        const r = await timed(base, `/api/v1/sites/${site.id}/tickets`, {
          method: "POST",
          headers: { ...headers, "Idempotency-Key": randomUUID() },
          json: { matterId: matter.id },
        });
        if (r.status !== 201) return tally.fail("walk-in", `${r.status} ${r.body?.error?.code ?? ""}`.trim());
        tally.ok("walk-in", r.ms);
        if (rng.chance(ETICKET_SHARE)) watching.push(phones.watch(r.body));
      })(),
    );
  }
  await Promise.all(taken);
  await Promise.all(watching);
  return taken.length;
}
