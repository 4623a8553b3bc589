// A clerk acts only within their desk: the clerk of d1 cannot take or send away a ticket waiting for
// d2, nor another desk's next client; a manager can move any ticket. Nothing a refusal touches changes.
import { describe, expect, it } from "vitest";
import type { DeskActionResponse } from "../../protocol/api.ts";
import { accountFor, act, desk, expectError, freshSite, issue, storedState } from "./helpers.ts";

/** A site where R001 waits for d2 (sent there by d1) and P001 waits in the common queue of "pj". */
async function sentToD2() {
  const { siteId, admin } = await freshSite();
  const r001 = await issue(siteId, admin, "rej");
  const p001 = await issue(siteId, admin, "pj");
  expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
  const sent = await desk(siteId, "d1", "transfer", admin, { ticketId: r001.id, deskId: "d2" });
  expect(sent.status, await sent.clone().text()).toBe(200);
  return { siteId, admin, r001, p001 };
}

describe("a clerk's transfer", () => {
  it("the clerk of d1 cannot transfer a ticket waiting for d2: 403 DESK_FORBIDDEN, the ticket still waits for d2", async () => {
    const { siteId, r001, p001 } = await sentToD2();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const before = await storedState(siteId);
    await expectError(await desk(siteId, "d1", "transfer", clerk, { ticketId: r001.id, deskId: "d1" }), 403, "DESK_FORBIDDEN");
    await expectError(await desk(siteId, "d1", "transfer", clerk, { ticketId: r001.id, matterId: "pj" }), 403, "DESK_FORBIDDEN");
    // Nor the next client of the common queue, which d2 would call.
    await expectError(await desk(siteId, "d1", "transfer", clerk, { ticketId: p001.id, deskId: "d1" }), 403, "DESK_FORBIDDEN");
    // Nor call it to d1 ahead of d2.
    await expectError(await desk(siteId, "d1", "call", clerk, { ticketId: r001.id }), 409, "TICKET_NOT_WAITING");
    expect(await storedState(siteId)).toEqual(before);
    // d2 still gets it first.
    const d2 = await accountFor("clerk", [siteId], { deskIds: ["d2"] });
    expect((await act(siteId, "d2", "call-next", d2)).ticket?.number).toBe("R001");
  });

  it("the clerk sends on their own client; a manager moves a ticket waiting for another desk", async () => {
    const { siteId, admin, r001, p001 } = await sentToD2();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    expect((await act(siteId, "d1", "call-next", clerk)).ticket?.number).toBe("P001");
    const own = await desk(siteId, "d1", "transfer", clerk, { ticketId: p001.id, deskId: "d2" });
    expect(own.status, await own.clone().text()).toBe(200);
    const moved = await desk(siteId, "d2", "transfer", admin, { ticketId: r001.id, deskId: "d1" });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(((await moved.json()) as DeskActionResponse).ticket).toMatchObject({ number: "R001", status: "waiting" });
    expect((await act(siteId, "d1", "call-next", clerk)).ticket?.number).toBe("R001");
  });
});
