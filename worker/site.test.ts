// The site middleware, as a client meets it: a bad id, another site's token, a desk that is not the
// clerk's, a site that does not exist, and ids that name their site (e-tickets, bookings).
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../protocol/api.ts";
import { accountFor, expectError, freshSite, login, request } from "./route-test-helpers.ts";

describe("site middleware", () => {
  it("a malformed site or desk id: 400 VALIDATION_FAILED, naming the parameter", async () => {
    const { siteId, admin } = await freshSite();
    const bad = await request("/api/v1/sites/Not_A_Site/queue", { token: admin });
    const body = (await bad.clone().json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^siteId: /);
    await expectError(bad, 400, "VALIDATION_FAILED");
    const badDesk = await request(`/api/v1/sites/${siteId}/desks/D1/call-next`, { token: admin, json: {} });
    expect(((await badDesk.clone().json()) as { error: { message: string } }).error.message).toMatch(/^deskId: /);
    await expectError(badDesk, 400, "VALIDATION_FAILED");
  });

  it("a token of another site: 403 SITE_FORBIDDEN, on staff, kiosk and live routes", async () => {
    const { siteId } = await freshSite();
    const demoClerk = await login("urzednik1", "demo");
    const demoKiosk = await login("kiosk-demo", "demo");
    await expectError(await request(`/api/v1/sites/${siteId}/queue`, { token: demoClerk }), 403, "SITE_FORBIDDEN");
    await expectError(
      await request(`/api/v1/sites/${siteId}/tickets`, { token: demoKiosk, json: { matterId: "rej" } }),
      403,
      "SITE_FORBIDDEN",
    );
    await expectError(
      await request(`/api/v1/sites/${siteId}/check-in`, { token: demoKiosk, json: { code: "ABCDEF" } }),
      403,
      "SITE_FORBIDDEN",
    );
    await expectError(
      await request(`/api/v1/sites/${siteId}/live?role=display&access_token=${demoClerk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "SITE_FORBIDDEN",
    );
    // A manager of the demo site only may not configure another.
    const demoManager = await login("kierownik", "demo");
    await expectError(await request(`/api/v1/sites/${siteId}/messages`, { token: demoManager }), 403, "SITE_FORBIDDEN");
  });

  it("a clerk's token on a desk not theirs: 403 DESK_FORBIDDEN; their own desk works", async () => {
    const { siteId, admin } = await freshSite();
    expect((await request(`/api/v1/sites/${siteId}/tickets`, { token: admin, json: { matterId: "pj" } })).status).toBe(201);
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    await expectError(await request(`/api/v1/sites/${siteId}/desks/d2/call-next`, { token: clerk, json: {} }), 403, "DESK_FORBIDDEN");
    const own = await request(`/api/v1/sites/${siteId}/desks/d1/call-next`, { token: clerk, json: {} });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { desk: { ticket: { number: string } } }).desk.ticket.number).toBe("P001");
  });

  it("a site that does not exist: 404 UNKNOWN_SITE, for staff and public routes alike", async () => {
    const admin = await login("admin", "admin");
    const ghost = `ghost-${Date.now().toString(36)}`;
    await expectError(await request(`/api/v1/sites/${ghost}/queue`, { token: admin }), 404, "UNKNOWN_SITE");
    await expectError(await request(`/api/v1/sites/${ghost}/tickets`, { token: admin, json: { matterId: "rej" } }), 404, "UNKNOWN_SITE");
    await expectError(await request(`/api/v1/sites/${ghost}/availability?matterId=rej&from=2026-12-01&to=2026-12-02`), 404, "UNKNOWN_SITE");
    // Asking did not bring it into being.
    const sites = (await (await request("/api/v1/sites")).json()) as { sites: { id: string }[] };
    expect(sites.sites.map((s) => s.id)).not.toContain(ghost);
  });

  it("an e-ticket or booking id naming no known site: 404 UNKNOWN_ETICKET / UNKNOWN_BOOKING", async () => {
    const ghostToken = `ghost-${Date.now().toString(36)}.${"A".repeat(22)}`;
    await expectError(await request(`/api/v1/etickets/${ghostToken}`), 404, "UNKNOWN_ETICKET");
    await expectError(await request(`/api/v1/etickets/not-a-token`), 404, "UNKNOWN_ETICKET");
    await expectError(
      await request(`/api/v1/etickets/${ghostToken}/notify`, { json: { phone: "600700800", ahead: 2 } }),
      404,
      "UNKNOWN_ETICKET",
    );
    await expectError(await request(`/api/v1/bookings/${ghostToken}?token=${"x".repeat(20)}`), 404, "UNKNOWN_BOOKING");
    await expectError(await request(`/api/v1/bookings/${ghostToken}/confirm`, { json: { code: "123456" } }), 404, "UNKNOWN_BOOKING");
  });

  // (An answer with its own, the public status's 15 s, keeps it: test/workerd/public-status.test.ts.)
  it("every API answer says no-store unless it says otherwise: built here, passed on from the site object, or a refusal", async () => {
    const { siteId, admin } = await freshSite();
    const built = await request(`/api/v1/sites/${siteId}/tickets`, { token: admin, json: { matterId: "rej" } });
    expect([built.status, built.headers.get("Cache-Control")]).toEqual([201, "no-store"]);
    // A socket's answer comes from the object with headers that cannot change in place.
    const socket = await request(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`, { headers: { Upgrade: "websocket" } });
    expect([socket.status, socket.headers.get("Cache-Control")]).toEqual([101, "no-store"]);
    socket.webSocket?.accept();
    socket.webSocket?.close();
    const refused = await request(`/api/v1/sites/${siteId}/queue`);
    expect([refused.status, refused.headers.get("Cache-Control")]).toEqual([401, "no-store"]);
    const tooLarge = await request(`/api/v1/sites/${siteId}/tickets`, {
      token: admin,
      headers: { "Content-Type": "application/json", "Content-Length": String(300 * 1024) },
      body: "x".repeat(300 * 1024),
    });
    expect([tooLarge.status, tooLarge.headers.get("Cache-Control")]).toEqual([413, "no-store"]);
  });

  it("an e-ticket of a known site reaches that site's object", async () => {
    const { siteId, admin } = await freshSite();
    const res = await request(`/api/v1/sites/${siteId}/tickets`, { token: admin, json: { matterId: "rej" } });
    const ticket = (await res.json()) as IssuedTicket;
    const token = ticket.eticketUrl.split("/t/")[1] ?? "";
    const view = await request(`/api/v1/etickets/${token}`);
    expect(view.status).toBe(200);
    expect(view.headers.get("Cache-Control")).toBe("no-store");
    expect(await view.json()).toMatchObject({ number: "R001", status: "waiting", waitingAhead: 0 });
  });
});
