// Bodies and queries are checked before a handler runs: what a client sees for each kind of bad input.
import { describe, expect, it } from "vitest";
import { expectError, freshSite, request } from "./route-test-helpers.ts";

describe("body validation", () => {
  it("invalid JSON: 400 INVALID_JSON; not JSON at all: 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const { siteId, admin } = await freshSite();
    const tickets = `/api/v1/sites/${siteId}/tickets`;
    await expectError(
      await request(tickets, { token: admin, headers: { "Content-Type": "application/json" }, body: '{"matterId":' }),
      400,
      "INVALID_JSON",
    );
    await expectError(
      await request(tickets, { token: admin, headers: { "Content-Type": "text/plain" }, body: '{"matterId":"rej"}' }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(
      await request("/api/v1/auth/login", { headers: { "Content-Type": "application/json" }, body: "}" }),
      400,
      "INVALID_JSON",
    );
  });

  it("a body of the wrong shape: 400 VALIDATION_FAILED, saying which field", async () => {
    const { siteId, admin } = await freshSite();
    const res = await request(`/api/v1/sites/${siteId}/tickets`, { token: admin, json: { matterId: "REJ" } });
    expect(((await res.clone().json()) as { error: { message: string } }).error.message).toMatch(/^matterId: /);
    await expectError(res, 400, "VALIDATION_FAILED");
    // Strict schemas: an unknown field is refused, also on a command that takes nothing.
    await expectError(
      await request(`/api/v1/sites/${siteId}/desks/d1/call-next`, { token: admin, json: { force: true } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await request(`/api/v1/sites/${siteId}/desks/d1/call`, { token: admin, json: {} }), 400, "VALIDATION_FAILED");
    await expectError(await request("/api/v1/bookings", { json: { siteId, matterId: "rej" } }), 400, "VALIDATION_FAILED");
  });

  it("a command that takes nothing accepts an empty body, with or without a content type", async () => {
    const { siteId, admin } = await freshSite();
    const pause = await request(`/api/v1/sites/${siteId}/desks/d2/pause`, { method: "POST", token: admin });
    expect(pause.status).toBe(200);
    expect(((await pause.json()) as { desk: { status: string } }).desk.status).toBe("paused");
    const resume = await request(`/api/v1/sites/${siteId}/desks/d2/resume`, {
      token: admin,
      headers: { "Content-Type": "text/plain" },
      method: "POST",
    });
    expect(resume.status).toBe(200);
  });
});

describe("query validation", () => {
  it("a bad or unknown query parameter: 400 VALIDATION_FAILED; defaults apply when left out", async () => {
    const { siteId, admin } = await freshSite();
    await expectError(
      await request(`/api/v1/sites/${siteId}/availability?matterId=rej&from=1-12-2026&to=2026-12-02`),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await request(`/api/v1/sites/${siteId}/availability?matterId=rej`), 400, "VALIDATION_FAILED");
    await expectError(await request(`/api/v1/sites/${siteId}/messages?limit=0`, { token: admin }), 400, "VALIDATION_FAILED");
    await expectError(await request(`/api/v1/sites/${siteId}/messages?debug=1`, { token: admin }), 400, "VALIDATION_FAILED");
    await expectError(
      await request(`/api/v1/sites/${siteId}/live?role=boss`, { token: admin, headers: { Upgrade: "websocket" } }),
      400,
      "VALIDATION_FAILED",
    );
    const messages = await request(`/api/v1/sites/${siteId}/messages`, { token: admin });
    expect(messages.status).toBe(200);
    expect(await messages.json()).toEqual({ messages: [] });
  });
});
