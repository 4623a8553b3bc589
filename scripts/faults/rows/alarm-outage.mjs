// An alarm due while the runtime is down: a missed ticket's recall falls in the outage.
import { printAgent } from "../agent.mjs";
import { login, must, sleep, until } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { changeDemo } from "../site.mjs";

const RECALL_SECONDS = 15;

export const alarmOutage = {
  name: "alarm-outage",
  fault: `a missed ticket's recall (after ${RECALL_SECONDS} s) due while the runtime is down (killed, back after 30 s)`,
  expected: "the recall comes after the restart, once: the ticket called again at its desk and announced once more",
  async run() {
    const server = await siteServer();
    const agent = printAgent({ server: server.base });
    try {
      const admin = await login(server.base, "admin", "admin");
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const clerk = await login(server.base, "urzednik1", "demo");
      await changeDemo(server.base, admin, (c) => ({ ...c, noShowRecallSeconds: RECALL_SECONDS }));
      agent.start();
      const t = await must(
        server.base,
        "/api/v1/sites/demo/tickets",
        { method: "POST", token: kiosk, key: "faults-alarm-t", json: { matterId: "dowod" } },
        201,
      );
      const desk = (action) =>
        must(server.base, `/api/v1/sites/demo/desks/d1/${action}`, {
          method: "POST",
          token: clerk,
          key: `faults-alarm-${action}`,
          json: {},
        });
      await desk("call-next");
      await until(() => (agent.announced().includes(t.number) ? true : undefined), 180_000, "the first call announced");
      await desk("no-show");
      await server.kill();
      await sleep(30_000);
      await server.restart();
      const eticket = () => must(server.base, `/api/v1/etickets/${t.eticketUrl.split("/t/")[1]}`);
      const recalled = await until(async () => ((await eticket()).status === "called" ? true : undefined), 60_000, "the recall").then(
        () => true,
        () => false,
      );
      await sleep(5000); // a second recall, or a second announcement, would come now
      const state = await eticket();
      const calls = agent.announced().filter((n) => n === t.number).length;
      return {
        observed: `${t.number} missed, recall due during the outage; after the restart: ${recalled ? "called again" : `still ${state.status}`}, misses ${state.misses}, announced ${calls} time(s) in all`,
        lost: recalled && calls >= 2 ? 0 : 1,
        doubled: Math.max(0, calls - 2),
      };
    } finally {
      await agent.stop();
      await server.stop();
    }
  },
};
