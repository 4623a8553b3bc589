// Who may call: the bearer token as a client sends it (header, or access_token on live routes) and the roles of each route.
import { describe, expect, it } from "vitest";
import { accountFor, expectError, freshSite, login, request } from "../route-test-helpers.ts";

describe("requireAuth on the API's routes", () => {
  it("no token: 401 UNAUTHENTICATED; a malformed header or a garbage token: 401 TOKEN_INVALID", async () => {
    const { siteId } = await freshSite();
    await expectError(await request(`/api/v1/sites/${siteId}/queue`), 401, "UNAUTHENTICATED");
    await expectError(await request(`/api/v1/sites/${siteId}/tickets`, { json: { matterId: "rej" } }), 401, "UNAUTHENTICATED");
    await expectError(
      await request(`/api/v1/sites/${siteId}/queue`, { headers: { Authorization: "Basic YWRtaW46YWRtaW4=" } }),
      401,
      "TOKEN_INVALID",
    );
    await expectError(await request(`/api/v1/sites/${siteId}/queue`, { token: "v1.not.valid" }), 401, "TOKEN_INVALID");
  });

  it("a role the route does not admit: 403 FORBIDDEN", async () => {
    const { siteId } = await freshSite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const screen = await accountFor("display", [siteId]);
    await expectError(await request(`/api/v1/sites/${siteId}/queue`, { token: kiosk }), 403, "FORBIDDEN");
    await expectError(await request(`/api/v1/sites/${siteId}/desks/d1/call-next`, { token: kiosk, json: {} }), 403, "FORBIDDEN");
    await expectError(await request(`/api/v1/sites/${siteId}/tickets`, { token: screen, json: { matterId: "rej" } }), 403, "FORBIDDEN");
    const clerk = await login("urzednik1", "demo");
    await expectError(await request(`/api/v1/sites/demo/messages`, { token: clerk }), 403, "FORBIDDEN");
  });

  it("checks the token before the site: an unknown site without a token is 401, not 404", async () => {
    await expectError(await request(`/api/v1/sites/no-such-site/queue`), 401, "UNAUTHENTICATED");
  });

  it("a live route takes the token as access_token (browsers cannot set headers on a WebSocket)", async () => {
    const { siteId, admin } = await freshSite();
    // Past sign-in and the site: only the missing upgrade is refused.
    await expectError(await request(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`), 426, "UPGRADE_REQUIRED");
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    await expectError(
      await request(`/api/v1/sites/${siteId}/live?role=agent&access_token=${kiosk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "FORBIDDEN",
    );
  });
});

describe("tokens stay out of URLs", () => {
  it("a plain HTTP route refuses a token in the query, even a valid one: 401 TOKEN_INVALID, nothing done", async () => {
    const { siteId, admin } = await freshSite();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    await expectError(await request(`/api/v1/sites/${siteId}/queue?access_token=${clerk}`), 401, "TOKEN_INVALID");
    await expectError(
      await request(`/api/v1/sites/${siteId}/tickets?access_token=${admin}`, { json: { matterId: "rej" } }),
      401,
      "TOKEN_INVALID",
    );
    await expectError(
      await request(`/api/v1/sites/${siteId}/desks/d1/call-next?access_token=${clerk}`, { json: {} }),
      401,
      "TOKEN_INVALID",
    );
    await expectError(await request(`/api/v1/sites/${siteId}/messages?access_token=${admin}`), 401, "TOKEN_INVALID");
    // Nothing above took effect: no ticket was issued.
    const queue = await request(`/api/v1/sites/${siteId}/queue`, { token: admin });
    expect(queue.status).toBe(200);
    expect(((await queue.json()) as { tickets: unknown[] }).tickets).toEqual([]);
  });

  it("a token in the query is refused even beside a valid Authorization header", async () => {
    const { siteId, admin } = await freshSite();
    await expectError(await request(`/api/v1/sites/${siteId}/queue?access_token=${admin}`, { token: admin }), 401, "TOKEN_INVALID");
    // The same request without the query token is let in.
    expect((await request(`/api/v1/sites/${siteId}/queue`, { token: admin })).status).toBe(200);
  });
});
