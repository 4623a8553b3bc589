// The site's internet cut in the middle of a busy hour, then restored. The print agent reaches the
// server through a TCP proxy (link.mjs) that is cut for the outage; meanwhile the kiosk and the four
// clerks work against the agent's local API (the continuity: same paths, local tokens), while online
// a citizen cancels a booking from its link and another booking is checked in. After the link
// returns the agent replays its log; the site's statistics, queue and tickets are compared with what
// was done.

import { freePort } from "../../../test/bench/server.mjs";
import { printAgent } from "../agent.mjs";
import { confirmedBooking, slotToday } from "../booking.mjs";
import { login, must, send, sleep, until, untilAnswered } from "../http.mjs";
import { cuttableLink } from "../link.mjs";
import { siteServer } from "../server.mjs";
import { changeDemo, figures, localDate } from "../site.mjs";
import { tally } from "../tally.mjs";

const OFFLINE_TICKETS = 100;
const ONLINE_TICKETS = 10;
const DESKS = ["d1", "d2", "d3", "d4"];
const MATTERS = ["dowod", "meldunek", "rejestracja", "prawo-jazdy"];

export const internetCut = {
  name: "internet-cut",
  fault: (o) =>
    `the site's internet cut for ${o.outageMinutes} min in a busy hour, then restored (${o.outageMinutes >= 10 ? `${OFFLINE_TICKETS} tickets` : `a 10-minute outage compressed: ${OFFLINE_TICKETS} tickets in ${o.outageMinutes} min; --outage-minutes 10 for the real length`})`,
  expected:
    "kiosk and 4 clerks work against the agent's local API: tickets issued, printed, called and served offline; online a booking is cancelled from its link and another checked in; after the replay the statistics, queue and tickets match what was done: 0 lost, 0 doubled",
  async run(options) {
    const server = await siteServer();
    const link = await cuttableLink(server.port);
    const localPort = await freePort();
    const local = `http://127.0.0.1:${localPort}`;
    const agent = printAgent({
      server: `http://127.0.0.1:${link.port}`,
      extra: { continuity: { port: localPort, host: "127.0.0.1", publicUrl: local } },
    });
    const cloud = server.base;
    try {
      const admin = await login(cloud, "admin", "admin");
      const kiosk = await login(cloud, "kiosk-demo", "demo");
      const clerks = await Promise.all(DESKS.map((_, i) => login(cloud, `urzednik${i + 1}`, "demo")));
      await changeDemo(cloud, admin, (c) => ({ ...c, booking: { ...c.booking, minNoticeMinutes: 0, checkInEarlyMinutes: 120 } }));
      agent.start();
      const health = async () => (await send(local, "/continuity/v1/health")).body ?? {};
      await until(
        async () => ((await health()).ready && (await health()).cloud === "connected" ? true : undefined),
        180_000,
        "the agent's replica",
      );
      const localKiosk = (await must(cloud, "/api/v1/sites/demo/continuity", { token: kiosk })).token;
      const localClerks = await Promise.all(
        clerks.map(async (t) => (await must(cloud, "/api/v1/sites/demo/continuity", { token: t })).token),
      );

      // Two citizens booked today (confirmed with their texted codes).
      const cancelled = await confirmedBooking(cloud, {
        matterId: "dowod",
        start: await slotToday(cloud, "dowod", 1),
        phone: "600200001",
        ip: "10.8.0.1",
      });
      const joins = await confirmedBooking(cloud, {
        matterId: "dowod",
        start: await slotToday(cloud, "dowod", 0),
        phone: "600200002",
        ip: "10.8.0.2",
      });

      // The busy hour online: tickets taken, some served.
      const issuedOnline = [];
      for (let i = 0; i < ONLINE_TICKETS; i++)
        issuedOnline.push(
          await must(
            cloud,
            "/api/v1/sites/demo/tickets",
            { method: "POST", token: kiosk, key: `faults-cut-online-${i}`, json: { matterId: MATTERS[i % 4] } },
            201,
          ),
        );
      const served = new Map(); // ticket id → the finish key that served it
      const servedOnline = [];
      const lagged = []; // served online just before the cut, called offline from the agent's older copy
      const servedNumbers = []; // the numbers served offline, in order
      for (let d = 0; d < 2; d++) {
        const call = await must(cloud, `/api/v1/sites/demo/desks/${DESKS[d]}/call-next`, {
          method: "POST",
          token: clerks[d],
          key: `faults-cut-online-call-${d}`,
          json: {},
        });
        await must(cloud, `/api/v1/sites/demo/desks/${DESKS[d]}/finish`, {
          method: "POST",
          token: clerks[d],
          key: `faults-cut-online-finish-${d}`,
          json: {},
        });
        served.set(call.ticket.id, `online-${d}`);
        servedOnline.push(call.ticket.number);
      }
      await until(async () => ((await health()).pending === 0 ? true : undefined), 30_000, "the agent in step");

      // The cut.
      const cutAt = Date.now();
      const outageMs = options.outageMinutes * 60_000;
      link.cut();
      const offlineIssued = [];
      const answers = { issue: [], finish: [] };
      let issuing = true;
      const kioskRun = (async () => {
        for (let i = 0; i < OFFLINE_TICKETS; i++) {
          const key = `faults-cut-offline-${i}`;
          const r = await untilAnswered(
            local,
            "/api/v1/sites/demo/tickets",
            { method: "POST", token: localKiosk, key, json: { matterId: MATTERS[i % 4] } },
            60_000,
          );
          if (r.status === 201) {
            offlineIssued.push(r.body);
            answers.issue.push({ key, id: r.body.id });
          } else answers.refused = [...(answers.refused ?? []), `${r.status} ${r.body?.error?.code ?? ""}`];
          await sleep(Math.max(0, (outageMs * 0.6) / OFFLINE_TICKETS - 50));
        }
        issuing = false;
      })();
      const deskRuns = DESKS.map(async (desk, d) => {
        for (let k = 0; issuing || Date.now() < cutAt + outageMs * 0.8; k++) {
          const path = `/api/v1/sites/demo/desks/${desk}`;
          const call = await untilAnswered(
            local,
            `${path}/call-next`,
            { method: "POST", token: localClerks[d], key: `faults-cut-${desk}-${k}-call`, json: {} },
            30_000,
          );
          if (call.status !== 200 || !call.body?.ticket) {
            if (!issuing) break;
            await sleep(1000);
            continue;
          }
          if (served.has(call.body.ticket.id)) {
            // Served online a moment before the cut, after the agent's copy was sent: nobody comes, the
            // clerk marks the ticket absent (the online end stands when the log is replayed).
            lagged.push(call.body.ticket.number);
            await untilAnswered(
              local,
              `${path}/no-show`,
              { method: "POST", token: localClerks[d], key: `faults-cut-${desk}-${k}-absent`, json: {} },
              30_000,
            );
            continue;
          }
          const fin = await untilAnswered(
            local,
            `${path}/finish`,
            { method: "POST", token: localClerks[d], key: `faults-cut-${desk}-${k}-finish`, json: {} },
            30_000,
          );
          if (fin.status === 200) {
            answers.finish.push({ key: `${desk}-${k}`, id: call.body.ticket.id });
            answers.finish.push({ key: `${desk}-${k}`, id: fin.body.ticket?.id ?? "none" });
            served.set(call.body.ticket.id, `${desk}-${k}`);
            servedNumbers.push(call.body.ticket.number);
          }
        }
      });
      // Online meanwhile: a citizen cancels from the booking's link; another booking is checked in.
      const cancel = await must(cloud, `/api/v1/bookings/${cancelled.id}/cancel`, {
        method: "POST",
        json: { token: cancelled.manageToken },
      });
      const joined = await must(
        cloud,
        "/api/v1/sites/demo/check-in",
        { method: "POST", token: admin, key: "faults-cut-check-in", json: { code: joins.checkInCode } },
        201,
      );
      await Promise.all([kioskRun, ...deskRuns]);
      const cutOff = (await health()).cloud;
      await sleep(Math.max(0, cutAt + outageMs - Date.now()));
      const pendingAtRestore = (await health()).pending;
      link.restore();
      const replayed = await until(
        async () => {
          const h = await health();
          return h.cloud === "connected" && h.pending === 0 ? true : undefined;
        },
        180_000,
        "the replay",
      ).then(
        () => true,
        () => false,
      );
      const outage = Math.round((Date.now() - cutAt) / 1000);

      // What the site object holds now.
      const day = localDate("Europe/Warsaw");
      const f = await figures(cloud, admin, day);
      const queue = await must(cloud, "/api/v1/sites/demo/queue", { token: admin });
      const allIssued = [...issuedOnline, ...offlineIssued, joined];
      const statuses = new Map();
      for (const t of allIssued) {
        const r = await send(cloud, `/api/v1/etickets/${t.eticketUrl.split("/t/")[1]}`);
        statuses.set(t.id, r.status === 200 ? r.body.status : `${r.status}`);
      }
      const inCloud = allIssued.filter((t) => statuses.get(t.id) !== "404").map((t) => t.id);
      const servedInCloud = allIssued.filter((t) => statuses.get(t.id) === "served").map((t) => t.id);
      const offlineNumbers = new Set(offlineIssued.map((t) => t.number));
      const printedOffline = agent.printed().filter((n) => offlineNumbers.has(n));
      const issueTally = tally({ answers: answers.issue, stored: inCloud.filter((id) => offlineIssued.some((t) => t.id === id)) });
      const serveTally = tally({
        answers: answers.finish,
        stored: servedInCloud.filter((id) => served.has(id) && !served.get(id).startsWith("online")),
      });
      const printTally = tally({ answers: offlineIssued.map((t) => ({ key: t.number, id: t.number })), stored: printedOffline });
      const expectedWaiting = allIssued.filter((t) => !served.has(t.id)).map((t) => t.id);
      const waitingNow = queue.tickets.map((t) => t.id);
      const missingFromQueue = expectedWaiting.filter((id) => !waitingNow.includes(id)).length;
      const numbers = queue.tickets.map((t) => t.number);
      const sameNumber = numbers.length - new Set(numbers).size;
      const cancelledInQueue = queue.tickets.some((t) => t.number === cancelled.number) ? 1 : 0;
      const onlineNumbers = new Set(issuedOnline.map((t) => t.number));
      const servedOffline = {
        fromOnline: servedNumbers.filter((n) => onlineNumbers.has(n)).length,
        other: servedNumbers.filter((n) => !onlineNumbers.has(n) && !offlineNumbers.has(n)),
      };
      const laggedNotServed = lagged.filter((n) => {
        const t = issuedOnline.find((x) => x.number === n);
        return !t || statuses.get(t.id) !== "served";
      }).length;
      const lost =
        issueTally.lost +
        serveTally.lost +
        printTally.lost +
        laggedNotServed +
        missingFromQueue +
        Math.max(0, served.size - f.served) +
        Math.max(0, allIssued.length - f.arrived);
      const doubled =
        issueTally.doubled +
        serveTally.doubled +
        printTally.doubled +
        sameNumber +
        cancelledInQueue +
        Math.max(0, f.served - served.size) +
        Math.max(0, f.arrived - allIssued.length);
      return {
        observed: `cut ${outage} s (agent saw "${cutOff}"); offline: ${offlineIssued.length} issued (${answers.refused?.length ?? 0} refused), ${printedOffline.length} printed, ${servedNumbers.length} visits served (${servedOffline.fromOnline} taken before the cut${servedOffline.other.length ? `, booked ${servedOffline.other.join(" ")}` : ""}); before the cut: ${ONLINE_TICKETS} taken, ${servedOnline.join(" ")} served${lagged.length ? ` (${lagged.join(" ")} called again offline from the agent's copy, marked absent, stays served)` : ""}; online meanwhile: booking ${cancel.status}, booking ${joined.number} checked in; ${pendingAtRestore} entries pending at the restore, ${replayed ? "replayed" : "NOT replayed"}; statistics: arrived ${f.arrived} (done ${allIssued.length}), served ${f.served} (done ${served.size}); queue ${waitingNow.length} (expected ${expectedWaiting.length}: ${queue.tickets.map((t) => t.number).join(" ")})`,
        lost,
        doubled,
        passed: replayed && lost === 0 && doubled === 0,
      };
    } finally {
      await agent.stop();
      await link.close();
      await server.stop();
    }
  },
};
