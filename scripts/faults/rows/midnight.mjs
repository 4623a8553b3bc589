// Local midnight with a kill just before it. A real server cannot move its clock, so the site's
// midnight is brought to it: the site runs in a zone where it is still day D, is moved to a zone
// where it is already the next day (as when the clock passes midnight), and the runtime is killed at
// once, before any command of the new day; it comes back on the new day.

import { login, must, sleep, until } from "../http.mjs";
import { liveClient } from "../live.mjs";
import { siteServer } from "../server.mjs";
import { changeDemo, figures, localDate } from "../site.mjs";

const LATE = "Pacific/Kiritimati"; // UTC+14: the first to reach every new day

/** A zone where it is still the day before Kiritimati's. */
const earlier = () => (localDate("Europe/Warsaw") < localDate(LATE) ? "Europe/Warsaw" : "Pacific/Pago_Pago");

export const midnight = {
  name: "midnight",
  fault: "local midnight with a kill just before it",
  expected: `the site's day ends by a move of its time zone to ${LATE}, where it is already the next day (a real server cannot move its clock), with a SIGKILL at once; after the restart: an empty call panel, yesterday's 4 tickets each ended once (at the desk: served; waiting: closed), numbers from 001`,
  async run() {
    const server = await siteServer();
    const screens = [];
    try {
      const admin = await login(server.base, "admin", "admin");
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const clerk = await login(server.base, "urzednik1", "demo");
      const zone = earlier();
      await changeDemo(server.base, admin, (c) => ({ ...c, timeZone: zone }));
      const day = localDate(zone);
      const issue = (key) =>
        must(server.base, "/api/v1/sites/demo/tickets", { method: "POST", token: kiosk, key, json: { matterId: "dowod" } }, 201);
      const yesterday = [];
      for (let i = 0; i < 4; i++) yesterday.push(await issue(`faults-midnight-${i}`));
      const desk = (action, key) =>
        must(server.base, `/api/v1/sites/demo/desks/d1/${action}`, { method: "POST", token: clerk, key, json: {} });
      await desk("call-next", "faults-midnight-call-1");
      await desk("finish", "faults-midnight-finish-1");
      const atDesk = await desk("call-next", "faults-midnight-call-2");
      await changeDemo(server.base, admin, (c) => ({ ...c, timeZone: LATE }));
      await server.kill();
      await server.restart();
      const ws = server.base.replace("http", "ws");
      const screen = liveClient(() => `${ws}/api/v1/sites/demo/live?role=display&access_token=${admin}`);
      screens.push(screen);
      await until(() => (screen.view ? true : undefined), 60_000, "the hall screen's picture");
      const staleCall = screen.shows(atDesk.ticket.number);
      const first = await issue("faults-midnight-new-day");
      await sleep(1000);
      const f = await figures(server.base, admin, day);
      const ended = f.served + f.closed;
      return {
        observed: `day ${day} in ${zone}: 4 tickets, 1 served, ${atDesk.ticket.number} at the desk; after the restart on ${localDate(LATE)}: call panel ${staleCall ? `STILL shows ${atDesk.ticket.number}` : "empty"}, first number ${first.number}; ${day}: arrived ${f.arrived}, served ${f.served}, closed ${f.closed}, open ${f.open}`,
        lost: Math.max(0, yesterday.length - ended),
        doubled: Math.max(0, ended - yesterday.length) + (first.number.endsWith("001") ? 0 : 1),
        passed: !staleCall && ended === yesterday.length && f.served === 2 && first.number.endsWith("001"),
      };
    } finally {
      for (const s of screens) s.close();
      await server.stop();
    }
  },
};
