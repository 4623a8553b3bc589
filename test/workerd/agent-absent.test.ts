// A dead print agent must not look like a working printer, and a ticket it could not print is never
// forgotten: the kiosks learn at once that nobody knows whether they print (and show their QR fallback),
// and a job the agent gave up on stays on record, listed for the manager until a person sets it aside.
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { DevicesResponse } from "../../protocol/devices.ts";
import type { AgentJob, PrinterStatus, ServerMessage } from "../../protocol/live.ts";
import { api, LiveSocket, login, takeTicket } from "./helpers.ts";

const jobsOf = (m: ServerMessage): AgentJob[] => (m.type !== "error" && m.role === "agent" ? m.view.jobs : []);
const printersOf = (m: ServerMessage): PrinterStatus[] => (m.type !== "error" && m.role === "display" ? m.view.printers : []);
const kiosk1 = (m: ServerMessage) => printersOf(m).find((p) => p.kioskId === "kiosk-1")?.state;

describe("the print agent away", () => {
  it("its socket closing makes every kiosk printer unknown at once; back, it reports them again", async () => {
    const agentToken = await login("agent-demo", "demo");
    const admin = await login("admin", "admin");
    const display = await LiveSocket.open(`/api/v1/sites/demo/live?role=display&access_token=${admin}`);
    await display.waitFor((m) => m.type === "snapshot");
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    await agent.waitFor((m) => m.type === "snapshot");
    agent.ws.send(JSON.stringify({ type: "printer-state", kioskId: "kiosk-1", state: "ready" }));
    await display.waitFor((m) => kiosk1(m) === "ready");

    agent.close();
    await display.waitFor((m) => kiosk1(m) === "no-agent");

    const back = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    await back.waitFor((m) => m.type === "snapshot");
    back.ws.send(JSON.stringify({ type: "printer-state", kioskId: "kiosk-1", state: "ready" }));
    await display.waitFor((m) => kiosk1(m) === "ready");
    back.close();
    display.close();
  });

  it("a ticket the agent could not print stays on record for the manager until a person sets it aside", async () => {
    const kiosk = await login("kiosk-demo", "demo");
    const admin = await login("admin", "admin");
    const t = (await (await takeTicket("demo", kiosk, "meldunek")).json()) as IssuedTicket;
    const agentToken = await login("agent-demo", "demo");
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    const job = jobsOf(await agent.waitFor((m) => m.type === "snapshot")).find((j) => j.kind === "print" && j.ticket.number === t.number)!;

    agent.ws.send(JSON.stringify({ type: "unprinted", jobId: job.id, reason: "too-old" }));
    await agent.waitFor((m) => m.type === "update" && !jobsOf(m).some((j) => j.id === job.id));
    // The same report again (a retry) changes nothing; the agent is not sent the job again.
    agent.ws.send(JSON.stringify({ type: "unprinted", jobId: job.id, reason: "too-old" }));
    const again = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    expect(jobsOf(await again.waitFor((m) => m.type === "snapshot")).some((j) => j.id === job.id)).toBe(false);

    const listed = (await (await api("/api/v1/sites/demo/devices", { token: admin })).json()) as DevicesResponse;
    expect(listed.unprinted).toEqual([
      expect.objectContaining({ jobId: job.id, kioskId: "kiosk-1", number: t.number, reason: "too-old", createdAt: job.createdAt }),
    ]);

    const aside = await api(`/api/v1/sites/demo/unprinted/${job.id}/aside`, { method: "POST", token: admin, json: {} });
    expect(aside.status).toBe(200);
    expect(await aside.json()).toEqual({ unprinted: [] });
    const twice = await api(`/api/v1/sites/demo/unprinted/${job.id}/aside`, { method: "POST", token: admin, json: {} });
    expect(twice.status).toBe(404);
    // Only a manager sets a ticket aside.
    const byKiosk = await api(`/api/v1/sites/demo/unprinted/${job.id}/aside`, { method: "POST", token: kiosk, json: {} });
    expect(byKiosk.status).toBe(403);
    agent.close();
    again.close();
  });

  it("refuses a report with a reason it does not know, and changes nothing", async () => {
    const agentToken = await login("agent-demo", "demo");
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    await agent.waitFor((m) => m.type === "snapshot");
    agent.ws.send(JSON.stringify({ type: "unprinted", jobId: "job_x", reason: "bored" }));
    const err = await agent.waitFor((m) => m.type === "error");
    expect(err).toMatchObject({ type: "error" });
    agent.close();
  });
});
