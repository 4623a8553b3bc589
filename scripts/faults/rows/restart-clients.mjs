// The server killed and started again under connected hall screens, clerk consoles, e-tickets and the agent.
import { printAgent } from "../agent.mjs";
import { login, must, until } from "../http.mjs";
import { liveClient } from "../live.mjs";
import { siteServer } from "../server.mjs";

export const restartClients = {
  name: "restart-clients",
  fault: "server killed and restarted under 2 hall screens, 2 clerk consoles, 3 e-tickets and the agent",
  expected:
    "all reconnect and show the right state (a call after the restart: on screens, consoles, its e-ticket, announced once); the seq rule holds",
  async run() {
    const server = await siteServer();
    const agent = printAgent({ server: server.base });
    const clients = [];
    try {
      const admin = await login(server.base, "admin", "admin");
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const clerks = { d1: await login(server.base, "urzednik1", "demo"), d2: await login(server.base, "urzednik2", "demo") };
      agent.start();
      const ws = server.base.replace("http", "ws");
      const issue = (i) =>
        must(
          server.base,
          "/api/v1/sites/demo/tickets",
          { method: "POST", token: kiosk, key: `faults-restart-${i}`, json: { matterId: "dowod" } },
          201,
        );
      const tickets = [await issue(0), await issue(1), await issue(2)];
      const live = (role, token) => liveClient(() => `${ws}/api/v1/sites/demo/live?role=${role}&access_token=${token}`);
      const screens = [live("display", admin), live("display", admin)];
      const consoles = [live("clerk:d1", clerks.d1), live("clerk:d2", clerks.d2)];
      const etickets = tickets.map((t) => liveClient(() => `${ws}/api/v1/etickets/${t.eticketUrl.split("/t/")[1]}/live`));
      clients.push(...screens, ...consoles, ...etickets);
      await until(() => (clients.every((c) => c.view) ? true : undefined), 60_000, "every client's first picture");
      await until(() => (agent.printed().length === 3 ? true : undefined), 180_000, "three prints");
      await server.kill();
      await server.restart();
      await until(() => (clients.every((c) => c.opens >= 2) ? true : undefined), 60_000, "every client back");
      const call = await must(server.base, "/api/v1/sites/demo/desks/d1/call-next", {
        method: "POST",
        token: clerks.d1,
        key: "faults-restart-call",
        json: {},
      });
      const number = call.ticket.number;
      const holder = etickets[tickets.findIndex((t) => t.id === call.ticket.id)];
      const right = () => screens.every((s) => s.shows(number)) && consoles[0].shows(number) && holder?.shows('"called"');
      const ok = await until(() => (right() && agent.announced().includes(number) ? true : undefined), 60_000, "the call everywhere").then(
        () => true,
        () => false,
      );
      const announced = agent.announced().filter((n) => n === number).length;
      const violations = clients.flatMap((c) => c.violations);
      const gaps = clients.reduce((n, c) => n + c.gaps, 0);
      return {
        observed: `${clients.length} sockets reconnected (${clients.map((c) => c.opens - 1).join("/")} times); call of ${number} ${ok ? "shown on both screens, the console and its e-ticket" : "NOT shown everywhere"}, announced ${announced} time(s); ${agent.printed().length} prints for 3 tickets; seq: ${violations.length} violations, ${gaps} gaps resynced`,
        lost: (ok ? 0 : 1) + (announced === 0 ? 1 : 0) + Math.max(0, 3 - agent.printed().length),
        doubled: Math.max(0, announced - 1) + Math.max(0, agent.printed().length - 3),
        passed: ok && violations.length === 0 && announced === 1 && agent.printed().length === 3,
      };
    } finally {
      for (const c of clients) c.close();
      await agent.stop();
      await server.stop();
    }
  },
};
