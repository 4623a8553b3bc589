// What a call sends to the phones: a frame to each e-ticket whose view changed for its holder (its
// place in the line, its wait, its own status, the numbers served now while it is near its turn), and
// none to the others. A phone far back in another line sleeps through a call.
import { describe, expect, it } from "vitest";
import { ETICKET_SERVING_AHEAD } from "../../objects/site/views.ts";
import type { ETicketView, IssuedTicket } from "../../protocol/api.ts";
import type { ServerMessage } from "../../protocol/live.ts";
import { act, desk, eticketTokenOf, freshSite, issue, LiveSocket } from "./helpers.ts";

interface Phone {
  ticket: IssuedTicket;
  socket: LiveSocket;
}

const viewOf = (m: ServerMessage | undefined) => (m && "view" in m ? (m.view as unknown as ETicketView) : null);
const updates = (p: Phone) => p.socket.messages.filter((m) => m.type === "update");

/** Takes `count` tickets of the matter, each with its phone's socket open and its snapshot in. */
async function phones(siteId: string, admin: string, matterId: string, count: number): Promise<Phone[]> {
  const out: Phone[] = [];
  for (let i = 0; i < count; i++) {
    const ticket = await issue(siteId, admin, matterId);
    // Each phone from its own address (the object counts the sockets per address).
    const socket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(ticket)}/live`, {
      "CF-Connecting-IP": `10.0.0.${out.length + 1}`,
    });
    out.push({ ticket, socket });
  }
  return out;
}

/** Waits until each of `changed` has `n` updates, then a moment more for any frame sent to the others. */
async function settle(changed: Phone[], n: number): Promise<void> {
  for (const p of changed) await p.socket.waitFor(() => updates(p).length >= n);
  await new Promise((r) => setTimeout(r, 200));
}

describe("the frames a call sends to the phones", () => {
  it("a call at a desk of another matter sends no frame to this line's phones; every phone of the called line gets one", async () => {
    const { siteId, admin } = await freshSite();
    const rej = await phones(siteId, admin, "rej", 3);
    const pj = await phones(siteId, admin, "pj", 4);
    for (const p of [...rej, ...pj]) await p.socket.waitFor((m) => m.type === "snapshot");

    // Desk 2 serves only "pj": its call moves the "pj" line and nobody in the "rej" line.
    expect((await act(siteId, "d2", "call-next", admin)).ticket?.id).toBe(pj[0]!.ticket.id);
    await settle(pj, 1);

    expect(viewOf(updates(pj[0]!)[0])).toMatchObject({ status: "called", deskName: "Stanowisko 2" });
    expect(pj.slice(1).map((p) => viewOf(updates(p)[0])?.waitingAhead)).toEqual([0, 1, 2]);
    expect(pj.map((p) => updates(p).length)).toEqual([1, 1, 1, 1]);
    expect(rej.map((p) => updates(p).length)).toEqual([0, 0, 0]);
    for (const p of [...rej, ...pj]) p.socket.close();
  });

  it(`a phone more than ${ETICKET_SERVING_AHEAD} people back in a line the call did not move gets no frame, for the call nor for its finish`, async () => {
    const { siteId, admin } = await freshSite();
    const rej = await phones(siteId, admin, "rej", 2);
    const pj = await phones(siteId, admin, "pj", ETICKET_SERVING_AHEAD + 3);
    for (const p of [...rej, ...pj]) await p.socket.waitFor((m) => m.type === "snapshot");
    const near = pj.slice(0, ETICKET_SERVING_AHEAD + 1);
    const far = pj.slice(ETICKET_SERVING_AHEAD + 1);

    // Desk 1 serves both matters and calls R001: the "rej" line moves; near their turn, the "pj" phones
    // see the number desk 1 now serves; further back nothing of theirs changed.
    const r001 = rej[0]!.ticket;
    expect((await desk(siteId, "d1", "call", admin, { ticketId: r001.id })).status).toBe(200);
    await settle([...rej, ...near], 1);
    expect(viewOf(updates(rej[0]!)[0])).toMatchObject({ status: "called" });
    expect(viewOf(updates(rej[1]!)[0])).toMatchObject({ waitingAhead: 0, servingNow: [r001.number] });
    for (const p of near) expect(viewOf(updates(p)[0])?.servingNow).toEqual([r001.number]);
    expect(far.map((p) => updates(p).length)).toEqual([0, 0]);
    expect(viewOf(far[0]!.socket.messages[0])).toMatchObject({ waitingAhead: ETICKET_SERVING_AHEAD + 1 });
    expect(viewOf(far[0]!.socket.messages[0])).not.toHaveProperty("servingNow");

    // The finish: R001 is served and leaves the numbers served now; the far phones still sleep.
    await act(siteId, "d1", "finish", admin);
    await settle([...rej, ...near], 2);
    expect(viewOf(updates(rej[0]!)[1])).toMatchObject({ status: "served" });
    for (const p of [rej[1]!, ...near]) expect(viewOf(updates(p)[1])?.servingNow).toEqual([]);
    expect([...rej, ...near].map((p) => updates(p).length)).toEqual([...rej, ...near].map(() => 2));
    expect(far.map((p) => updates(p).length)).toEqual([0, 0]);
    for (const p of [...rej, ...pj]) p.socket.close();
  });
});
