// What one ticket's whole life writes to the site's SQLite, row by row: Durable Objects bill rows written,
// and docs/scale.md prices the country from this count. SQLite's total_changes() counts the rows each
// command inserts, updates or deletes (index entries, which are billed too, come on top).
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { AgentJob, ServerMessage } from "../../protocol/live.ts";
import { desk, LiveSocket, login, siteSql, takeTicket } from "./helpers.ts";

const jobsOf = (m: ServerMessage): AgentJob[] => (m.type !== "error" && m.role === "agent" ? m.view.jobs : []);

/**
 * Rows changed per step of a kiosk ticket's life, as measured (17 in all); a change that writes more must say
 * why here. The site's seq is stored once per block of seqs (objects/site/commit.ts), not per step; acknowledging
 * the two jobs also records the agent's socket as a contact. A walk-in's visit gets its row at its first call:
 * until then its first part is kept in the ticket's row (objects/site/visit-store.ts).
 */
const BUDGET = { issue: 4, call: 5, start: 2, finish: 3, acks: 3 } as const;

describe("the rows a ticket writes", () => {
  it("a kiosk ticket, called, served and finished, with its print and announce jobs acknowledged, stays within its budget", async () => {
    const kiosk = await login("kiosk-demo", "demo");
    const clerk = await login("admin", "admin");
    const changes = async () => Number((await siteSql("demo", "SELECT total_changes() AS n"))[0]?.n);
    // One ticket first, so the day's counters and the desk's rows exist as on any busy morning.
    await takeTicket("demo", kiosk, "dowod", "cost-warm-0001");
    const steps: Record<string, number> = {};
    let before = await changes();
    const step = async (name: string, run: () => Promise<unknown>) => {
      await run();
      const after = await changes();
      steps[name] = after - before;
      before = after;
    };
    let issued = "";
    await step("issue", async () => {
      issued = ((await (await takeTicket("demo", kiosk, "dowod", "cost-ticket-0001")).json()) as IssuedTicket).number;
    });
    await step("call", async () => {
      // d1 serves "dowod" first; its ticket waits behind the warm-up one, so both are called in turn.
      await desk("demo", "d1", "call-next", clerk);
      await desk("demo", "d1", "finish", clerk);
      before = await changes();
      await desk("demo", "d1", "call-next", clerk);
    });
    await step("start", () => desk("demo", "d1", "start", clerk));
    await step("finish", () => desk("demo", "d1", "finish", clerk));
    // Nothing is left for a later change to write for it: its ticket's row keeps no copy of its visit's first part.
    expect(
      await siteSql(
        "demo",
        "SELECT pending_visit FROM tickets WHERE day = (SELECT value FROM meta WHERE key = 'day') AND number = ?",
        issued,
      ),
    ).toEqual([{ pending_visit: null }]);
    // The print agent acknowledges the ticket's print job and its call's announce job, over its socket.
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${await login("agent-demo", "demo")}`);
    await step("acks", async () => {
      const jobs = jobsOf(await agent.waitFor((m) => m.type === "snapshot"));
      const mine = jobs.filter((j) => (j.kind === "print" ? j.ticket.number : j.number) === issued);
      expect(mine.map((j) => j.kind).sort()).toEqual(["announce", "print"]);
      for (const j of mine) agent.ws.send(JSON.stringify({ type: "ack", jobId: j.id }));
      await agent.waitFor((m) => m.type === "update" && mine.every((x) => !jobsOf(m).some((j) => j.id === x.id)));
    });
    agent.close();
    for (const [name, budget] of Object.entries(BUDGET)) expect(steps[name], name).toBeLessThanOrEqual(budget);
    expect(steps.issue).toBeGreaterThan(0);
  });
});
