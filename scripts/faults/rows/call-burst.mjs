// The runtime killed during a burst of calls: three desks call and finish as fast as they can.
import { burstWithCrash, replayAnswered } from "../burst.mjs";
import { login, must, pool } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { figures, localDate } from "../site.mjs";
import { tally } from "../tally.mjs";

const TICKETS = 36;
const ROUNDS = 8;
const DESKS = ["d1", "d2", "d4"];

export const callBurst = {
  name: "call-burst",
  fault: "runtime killed during a burst of calls (3 desks, 24 call-next + finish)",
  expected: "each desk command retried with its key; each call ends in one served visit, no ticket called twice",
  async run() {
    const server = await siteServer();
    try {
      const admin = await login(server.base, "admin", "admin");
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const issued = await pool(TICKETS, 4, (i) =>
        must(
          server.base,
          "/api/v1/sites/demo/tickets",
          { method: "POST", token: kiosk, key: `faults-call-t${i}`, json: { matterId: i % 2 ? "dowod" : "meldunek" } },
          201,
        ),
      );
      const clerks = await Promise.all(DESKS.map((_, i) => login(server.base, `urzednik${[1, 2, 4][i]}`, "demo")));
      // One visit = call-next then finish; both answers name the visit's ticket, under the visit's key.
      const lanes = DESKS.map((desk, d) =>
        Array.from({ length: ROUNDS }, (_, k) =>
          ["call-next", "finish"].map((action) => ({
            key: `faults-${desk}-${k}-${action}`,
            visit: `${desk}-${k}`,
            path: `/api/v1/sites/demo/desks/${desk}/${action}`,
            options: { method: "POST", token: clerks[d], json: {} },
            id: (body) => body.ticket?.id ?? "none",
          })),
        ).flat(),
      );
      const { answers, refused } = await burstWithCrash(server, lanes, { killAfter: 18 });
      const again = await replayAnswered(server, lanes.flat(), answers);
      const visitOf = new Map(lanes.flat().map((c) => [c.key, c.visit]));
      const byVisit = [...answers, ...again].map((a) => ({ key: visitOf.get(a.key), id: a.id }));
      const states = await pool(issued.length, 4, async (i) => {
        const e = await must(server.base, `/api/v1/etickets/${issued[i].eticketUrl.split("/t/")[1]}`);
        return { id: issued[i].id, status: e.status };
      });
      const served = states.filter((s) => s.status === "served").map((s) => s.id);
      const { served: inStatistics } = await figures(server.base, admin, localDate("Europe/Warsaw"));
      const { lost, doubled } = tally({ answers: byVisit, stored: served });
      const visits = new Set(byVisit.map((a) => a.key)).size;
      return {
        observed: `${visits} of ${DESKS.length * ROUNDS} visits answered (${refused.length} refused), ${served.length} tickets served by their e-tickets, the statistics count ${inStatistics} served`,
        lost: lost + (DESKS.length * ROUNDS - visits) + Math.max(0, served.length - inStatistics),
        doubled: doubled + Math.max(0, inStatistics - served.length),
      };
    } finally {
      await server.stop();
    }
  },
};
