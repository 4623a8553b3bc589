// The walk-in flow through the real Worker and site object: a ticket reaches the screens and the e-ticket.
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { ServerMessage, WaitingCount } from "../../protocol/live.ts";
import { api, desk, freshSite, LiveSocket, login, takeTicket } from "./helpers.ts";

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as Record<string, unknown>) : {});

describe("walk-in ticket, end to end", () => {
  it("reaches a group screen socket and the ticket's own e-ticket socket, then the call shows on both", async () => {
    const { siteId, admin } = await freshSite();
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const first = await display.waitFor((m) => m.type === "snapshot");
    expect(first.type === "snapshot" && first.role).toBe("display");

    const res = await takeTicket(siteId, admin, "rej");
    expect(res.status).toBe(201);
    const ticket = (await res.json()) as IssuedTicket;
    expect(ticket.number).toBe("R001");
    expect(ticket.waitingAhead).toBe(0);

    // The screen learns that one person waits for "rej".
    await display.waitFor(
      (m) => m.type === "update" && (view(m).waiting as WaitingCount[]).some((w) => w.matterId === "rej" && w.count === 1 && w.open),
    );

    const token = ticket.eticketUrl.split("/t/")[1]!;
    const eticket = await LiveSocket.open(`/api/v1/etickets/${token}/live`);
    const snap = await eticket.waitFor((m) => m.type === "snapshot");
    expect(view(snap)).toMatchObject({ number: "R001", status: "waiting", waitingAhead: 0, siteName: `Urząd testowy ${siteId}` });

    const call = await desk(siteId, "d1", "call-next", admin);
    expect(call.status).toBe(200);
    await display.waitFor((m) => m.type === "update" && JSON.stringify(view(m).calls).includes('"number":"R001","deskId":"d1"'));
    await eticket.waitFor((m) => m.type === "update" && view(m).status === "called" && view(m).deskName === "Stanowisko 1");
    display.close();
    eticket.close();
  });

  it("numbers tickets per matter and counts the people ahead", async () => {
    const { siteId, admin } = await freshSite();
    const kiosk = admin;
    const a = (await (await takeTicket(siteId, kiosk, "rej")).json()) as IssuedTicket;
    const b = (await (await takeTicket(siteId, kiosk, "pj")).json()) as IssuedTicket;
    const c = (await (await takeTicket(siteId, kiosk, "rej")).json()) as IssuedTicket;
    expect([a.number, b.number, c.number]).toEqual(["R001", "P001", "R002"]);
    expect(c.waitingAhead).toBe(1);
    // The single number is the middle of the range shown (one ahead at 10 minutes a client: the range holds 10).
    expect(c.estimatedWaitMinutes).toBe(Math.round((c.estimatedWait.low + c.estimatedWait.high) / 2));
    expect(c.estimatedWait.low).toBeLessThanOrEqual(10);
    expect(c.estimatedWait.high).toBeGreaterThanOrEqual(10);
    const e = await api(`/api/v1/etickets/${c.eticketUrl.split("/t/")[1]}`);
    expect(await e.json()).toMatchObject({ number: "R002", matterName: "Rejestracja pojazdu", status: "waiting", waitingAhead: 1 });
  });

  it("a kiosk that retries with the same Idempotency-Key gets the same ticket, and one print job", async () => {
    // The demo kiosk belongs to the demo site.
    const kiosk = await login("kiosk-demo", "demo");
    const first = await takeTicket("demo", kiosk, "dowod", "retry-key-0001");
    const again = await takeTicket("demo", kiosk, "dowod", "retry-key-0001");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const [x, y] = [(await first.json()) as IssuedTicket, (await again.json()) as IssuedTicket];
    expect(y).toEqual(x);
    const other = (await (await takeTicket("demo", kiosk, "dowod", "retry-key-0002")).json()) as IssuedTicket;
    expect(other.id).not.toBe(x.id);
    const reused = await takeTicket("demo", kiosk, "meldunek", "retry-key-0001");
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const agentToken = await login("agent-demo", "demo");
    const agent = await LiveSocket.open(`/api/v1/sites/demo/live?role=agent&access_token=${agentToken}`);
    const snap = await agent.waitFor((m) => m.type === "snapshot");
    const jobs = (view(snap).jobs as { kind: string; ticket?: { number: string } }[]).filter((j) => j.kind === "print");
    expect(jobs.filter((j) => j.ticket?.number === x.number)).toHaveLength(1);
    expect(jobs.filter((j) => j.ticket?.number === other.number)).toHaveLength(1);
    agent.close();
  });
});
