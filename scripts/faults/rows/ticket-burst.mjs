// The runtime killed during a burst of walk-in tickets from the kiosk.
import { burstWithCrash, replayAnswered } from "../burst.mjs";
import { login, must } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { tally } from "../tally.mjs";

const N = 60;
const LANES = 6;

export const ticketBurst = {
  name: "ticket-burst",
  fault: "runtime killed (SIGKILL) during a burst of 60 kiosk tickets",
  expected: "every ticket request retried with its Idempotency-Key after the restart; one ticket per key",
  async run() {
    const server = await siteServer();
    try {
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const admin = await login(server.base, "admin", "admin");
      const matters = ["dowod", "meldunek", "rejestracja", "prawo-jazdy"];
      const commands = Array.from({ length: N }, (_, i) => ({
        key: `faults-ticket-${i}`,
        path: "/api/v1/sites/demo/tickets",
        options: { method: "POST", token: kiosk, json: { matterId: matters[i % matters.length] } },
        id: (body) => body.id,
      }));
      const lanes = Array.from({ length: LANES }, (_, l) => commands.filter((_, i) => i % LANES === l));
      const { answers, refused } = await burstWithCrash(server, lanes, { killAfter: 20 });
      const again = await replayAnswered(server, commands, answers);
      const queue = await must(server.base, "/api/v1/sites/demo/queue", { token: admin });
      const { lost, doubled } = tally({ answers: [...answers, ...again], stored: queue.tickets.map((t) => t.id) });
      const keys = new Set(answers.map((a) => a.key)).size;
      return {
        observed: `${keys} of ${N} answered (${refused.length} refused${refused.length ? `: ${refused.slice(0, 2).join("; ")}` : ""}), ${queue.tickets.length} tickets in the queue; every retry after the restart got its first ticket back`,
        lost: lost + (N - keys),
        doubled,
      };
    } finally {
      await server.stop();
    }
  },
};
