// One clerk at one desk: calls the next client, starts when they reach the desk, serves them for a
// service time drawn as the office-day simulator draws it (in the run's compressed minutes) and finishes;
// with nobody waiting, looks again a minute (office time) later. Works from the site's opening to its closing.
import { sleep, timed } from "../clients.mjs";
import { serviceMinutes } from "./schedule.mjs";

/** Office minutes between a call and the client at the desk, and between looks at an empty queue. */
const WALK_UP_MINUTES = 0.5;
const IDLE_MINUTES = 1;

const refusal = (r) => `${r.status} ${r.body?.error?.code ?? ""}`.trim();

export async function runClerk({ base, site, deskId, clock, closeAt, tally, phones, rng }) {
  const path = `/api/v1/sites/${site.id}/desks/${deskId}`;
  const headers = { Authorization: `Bearer ${site.clerkToken}` };
  const minutesOf = new Map(site.matters.map((m) => [m.id, m.serviceMinutes]));
  const act = async (op, action) => {
    const r = await timed(base, `${path}/${action}`, { method: "POST", headers });
    if (r.status === 200) tally.ok(op, r.ms);
    else tally.fail(op, refusal(r));
    return r.status === 200 ? r.body : null;
  };
  let served = 0;
  while (performance.now() < closeAt) {
    const sentAt = performance.now();
    const called = await act("call-next", "call-next");
    const ticket = called?.ticket;
    if (!ticket) {
      await sleep(clock.msOf(IDLE_MINUTES));
      continue;
    }
    phones.called(ticket.id, sentAt);
    await sleep(clock.msOf(WALK_UP_MINUTES));
    await act("start", "start");
    await sleep(clock.msOf(serviceMinutes(rng, minutesOf.get(ticket.matterId) ?? 10)));
    if (await act("finish", "finish")) served++;
    void phones.served(ticket.id);
  }
  return served;
}
