// The print agent killed mid-print and kept away past its stale-job age.
import { printAgent } from "../agent.mjs";
import { login, must, sleep, until } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { tally } from "../tally.mjs";

const STALE_SECONDS = 15;

export const agentKill = {
  name: "agent-kill",
  fault: `print agent killed (SIGKILL) mid-print and kept away ${STALE_SECONDS + 10} s, past its stale-job age (${STALE_SECONDS} s)`,
  expected:
    "every ticket printed or on the manager's unprinted list, none acknowledged unprinted; a ticket printed twice counts as doubled",
  async run() {
    const server = await siteServer();
    const agent = printAgent({ server: server.base, extra: { maxJobAgeSeconds: { print: STALE_SECONDS, announce: 120 } } });
    try {
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const admin = await login(server.base, "admin", "admin");
      agent.start();
      const issued = [];
      const issue = async () => {
        const t = await must(
          server.base,
          "/api/v1/sites/demo/tickets",
          { method: "POST", token: kiosk, key: `faults-print-${issued.length}`, json: { matterId: "dowod" } },
          201,
        );
        issued.push(t.number);
      };
      await issue();
      await until(() => (agent.printed().length ? true : undefined), 180_000, "the agent's first print");
      // A run of tickets; the agent dies while it prints them.
      for (let i = 0; i < 9; i++) await issue();
      await until(() => (agent.printed().length >= 4 ? true : undefined), 60_000, "four prints");
      await agent.kill();
      const printedBefore = agent.printed().length;
      for (let i = 0; i < 5; i++) await issue();
      await sleep((STALE_SECONDS + 10) * 1000);
      agent.start();
      const settled = () => must(server.base, "/api/v1/sites/demo/devices", { token: admin });
      let unprinted = [];
      await until(
        async () => {
          unprinted = (await settled()).unprinted.map((u) => u.number);
          const done = new Set([...agent.printed(), ...unprinted]);
          return issued.every((n) => done.has(n)) ? true : undefined;
        },
        90_000,
        "every ticket printed or listed",
      ).catch(() => {});
      await sleep(3000); // a print that would come twice comes now
      unprinted = (await settled()).unprinted.map((u) => u.number);
      const printed = agent.printed();
      const { lost, doubled } = tally({ answers: issued.map((n) => ({ key: n, id: n })), stored: [...printed, ...unprinted] });
      const both = printed.filter((n) => unprinted.includes(n)).length;
      return {
        observed: `${issued.length} tickets: ${printedBefore} printed before the kill, ${printed.length} prints in all, ${unprinted.length} on the unprinted list after the agent returned (${both} of them printed already: killed between the print and its note)`,
        lost,
        doubled,
      };
    } finally {
      await agent.stop();
      await server.stop();
    }
  },
};
