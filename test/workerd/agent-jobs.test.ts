// Print and announce jobs for the site's print agent: stored until acknowledged, each with a stable id.
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { AgentJob, ServerMessage } from "../../protocol/live.ts";
import { api, desk, freshSite, LiveSocket, login, takeTicket } from "./helpers.ts";

const jobsOf = (m: ServerMessage): AgentJob[] => (m.type !== "error" && m.role === "agent" ? m.view.jobs : []);

describe("agent jobs", () => {
  it("a kiosk ticket makes one print job and a call one announce job; an acknowledged job is gone for good", async () => {
    const { siteId, admin } = await freshSite({
      devices: [
        { id: "k1", name: "Biletomat", kind: "kiosk" },
        { id: "a1", name: "Agent", kind: "agent" },
      ],
    });
    const agent = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    expect(jobsOf(await agent.waitFor((m) => m.type === "snapshot"))).toEqual([]);

    // A manager's ticket (an information point) prints nothing; the agent's jobs come from kiosks and calls.
    const t = (await (await takeTicket(siteId, admin, "rej")).json()) as IssuedTicket;
    await desk(siteId, "d1", "call-next", admin);
    const withCall = await agent.waitFor((m) => jobsOf(m).some((j) => j.kind === "announce"));
    const announce = jobsOf(withCall).find((j) => j.kind === "announce")!;
    expect(announce).toMatchObject({ kind: "announce", number: t.number, deskName: "Stanowisko 1", deskNumber: 1 });

    agent.ws.send(JSON.stringify({ type: "ack", jobId: announce.id }));
    await agent.waitFor((m) => m.type === "update" && !jobsOf(m).some((j) => j.id === announce.id));
    // A second acknowledgement (a retry after a lost answer) changes nothing.
    agent.ws.send(JSON.stringify({ type: "ack", jobId: announce.id }));

    const again = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    expect(jobsOf(await again.waitFor((m) => m.type === "snapshot"))).toEqual([]);
    agent.close();
    again.close();
  });

  it("the demo kiosk's tickets wait as print jobs for the agent, with what the ticket shows", async () => {
    const kiosk = await login("kiosk-demo", "demo");
    const t = (await (await takeTicket("demo", kiosk, "meldunek")).json()) as IssuedTicket;
    const agentToken = await login("agent-demo", "demo");
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    const job = jobsOf(await agent.waitFor((m) => m.type === "snapshot")).find((j) => j.kind === "print" && j.ticket.number === t.number);
    expect(job).toMatchObject({
      kind: "print",
      kioskId: "kiosk-1",
      ticket: { number: t.number, matterName: "Zameldowanie", eticketUrl: t.eticketUrl, waitingAhead: t.waitingAhead },
    });
    // Only what the paper ticket shows travels to the printer: nothing personal.
    expect(Object.keys(job?.kind === "print" ? job.ticket : {}).sort()).toEqual([
      "city",
      "estimatedWait",
      "estimatedWaitMinutes",
      "eticketUrl",
      "matterName",
      "number",
      "siteName",
      "takenAt",
      "waitingAhead",
    ]);
    agent.close();
    // A kiosk may not open the agent's stream.
    const res = await api(`/api/v1/sites/demo/live?role=agent&access_token=${kiosk}`, { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(403);
  });
});

describe("printer state", () => {
  it("the agent's report of a kiosk printer reaches the screens' view (the kiosk shows its fallback from it)", async () => {
    const { siteId, admin } = await freshSite();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await display.waitFor((m) => m.type === "snapshot");
    const agent = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    agent.ws.send(JSON.stringify({ type: "printer-state", kioskId: "k1", state: "paper-out" }));
    const printersOf = (m: ServerMessage) => (m.type === "update" && m.role === "display" ? m.view.printers : []);
    const seen = await display.waitFor((m) => printersOf(m).some((p) => p.kioskId === "k1" && p.state === "paper-out"));
    expect(printersOf(seen)).toHaveLength(1);

    // An unknown kiosk is refused and changes nothing.
    agent.ws.send(JSON.stringify({ type: "printer-state", kioskId: "nope", state: "ready" }));
    const err = await agent.waitFor((m) => m.type === "error");
    expect(err).toMatchObject({ type: "error", code: "VALIDATION_FAILED" });

    agent.ws.send(JSON.stringify({ type: "printer-state", kioskId: "k1", state: "ready" }));
    await display.waitFor((m) => printersOf(m).some((p) => p.kioskId === "k1" && p.state === "ready"));
    // Only the agent may report printers.
    display.ws.send(JSON.stringify({ type: "printer-state", kioskId: "k1", state: "offline" }));
    expect(await display.waitFor((m) => m.type === "error")).toMatchObject({ code: "FORBIDDEN" });
    display.close();
    agent.close();
  });
});
