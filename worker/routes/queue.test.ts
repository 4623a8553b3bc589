// The queue routes end to end through the app: a kiosk's ticket, a retry with its key, the clerk's call.
import { describe, expect, it } from "vitest";
import { DeskActionResponse, IssuedTicket, QueueResponse } from "../../protocol/api.ts";
import { accountFor, expectError, freshSite, request } from "../route-test-helpers.ts";

describe("queue routes", () => {
  it("a kiosk takes a ticket (201, the contract's shape), a retry with the same key gets the same ticket", async () => {
    const { siteId } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const take = () =>
      request(`/api/v1/sites/${siteId}/tickets`, {
        token: kiosk,
        json: { matterId: "rej" },
        headers: { "Idempotency-Key": "kiosk-k1-0001" },
      });
    const first = await take();
    expect(first.status).toBe(201);
    expect(first.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    const ticket = IssuedTicket.parse(await first.json());
    expect(ticket).toMatchObject({ number: "R001", matterId: "rej", status: "waiting", waitingAhead: 0 });
    const again = await take();
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(ticket);
    // The same key for another request is refused.
    await expectError(
      await request(`/api/v1/sites/${siteId}/tickets`, {
        token: kiosk,
        json: { matterId: "pj" },
        headers: { "Idempotency-Key": "kiosk-k1-0001" },
      }),
      422,
      "IDEMPOTENCY_KEY_REUSED",
    );
  });

  it("a clerk calls the next client and finishes; the queue shows it", async () => {
    const { siteId, admin } = await freshSite();
    expect((await request(`/api/v1/sites/${siteId}/tickets`, { token: admin, json: { matterId: "pj" } })).status).toBe(201);
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d2"] });
    const called = DeskActionResponse.parse(
      await (await request(`/api/v1/sites/${siteId}/desks/d2/call-next`, { token: clerk, json: {} })).json(),
    );
    expect(called.ticket?.number).toBe("P001");
    expect(called.desk).toMatchObject({ id: "d2", status: "open" });
    const queue = QueueResponse.parse(await (await request(`/api/v1/sites/${siteId}/queue`, { token: clerk })).json());
    expect(queue.tickets.map((t) => [t.number, t.status, t.deskId])).toEqual([["P001", "called", "d2"]]);
    const finished = await request(`/api/v1/sites/${siteId}/desks/d2/finish`, { token: clerk, json: {} });
    expect(finished.status).toBe(200);
    expect(QueueResponse.parse(await (await request(`/api/v1/sites/${siteId}/queue`, { token: clerk })).json()).tickets).toEqual([]);
  });

  it("an unknown desk action or path under /api: 404 NOT_FOUND", async () => {
    const { siteId, admin } = await freshSite();
    await expectError(await request(`/api/v1/sites/${siteId}/desks/d1/explode`, { token: admin, json: {} }), 404, "NOT_FOUND");
    await expectError(await request(`/api/v1/nothing`, { token: admin }), 404, "NOT_FOUND");
    await expectError(await request(`/api/v1/sites/${siteId}/queue`, { method: "DELETE", token: admin }), 404, "NOT_FOUND");
  });
});
