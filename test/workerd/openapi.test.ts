// The OpenAPI document describes every route the Worker answers, with schemas generated from the validators.
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import { api } from "./helpers.ts";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { description: string }> }>>;
};

async function document(): Promise<Doc> {
  const res = await api("/api/openapi.json");
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

describe("GET /api/openapi.json", () => {
  it("lists exactly the routes the app answers under /api", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    // A route documented with a trailing slash (Warsaw's feed) is answered without it too: one route.
    const route = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/(.)\/$/, "$1")}`;
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => route(m, path)));
    // Middleware is registered for every method ("ALL"); each route's own handlers are under its method.
    const answered = new Set(
      app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .map((r) => route(r.method, r.path.replace(/:([A-Za-z]+)/g, "{$1}"))),
    );
    expect(answered.size).toBeGreaterThan(20);
    expect([...answered].sort()).toEqual([...documented].sort());
  });

  it("lists the queue, live, booking and SMS routes with their request schemas and error codes", async () => {
    const doc = await document();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /api/v1/auth/login",
        "GET /api/v1/sites",
        "POST /api/v1/sites/{siteId}/tickets",
        "GET /api/v1/sites/{siteId}/queue",
        "POST /api/v1/sites/{siteId}/desks/{deskId}/no-show",
        "GET /api/v1/etickets/{token}",
        "GET /api/v1/sites/{siteId}/live",
        "GET /api/v1/sites/{siteId}/availability",
        "POST /api/v1/bookings",
        "POST /api/v1/bookings/{bookingId}/confirm",
        "POST /api/v1/bookings/{bookingId}/reschedule",
        "POST /api/v1/bookings/{bookingId}/cancel",
        "POST /api/v1/sites/{siteId}/check-in",
        "POST /api/v1/etickets/{token}/notify",
        "POST /api/v1/sms/status",
        "GET /api/v1/sites/{siteId}/messages",
        "POST /api/v1/sites/{siteId}/messages/{messageId}/resend",
        "GET /api/v1/dev/outbox",
      ]),
    );
    const create = doc.paths["/api/v1/bookings"]!.post!;
    expect(JSON.stringify(create.requestBody)).toContain('"consent"');
    expect(create.responses["429"]?.description).toContain("TOO_MANY_BOOKINGS");
    expect(JSON.stringify(create.requestBody)).toContain('"email"');
    expect(create.responses["400"]?.description).toContain("EMAIL_INVALID");
    const resend = doc.paths["/api/v1/sites/{siteId}/messages/{messageId}/resend"]!.post!;
    expect(resend.responses["404"]?.description).toContain("UNKNOWN_MESSAGE");
    expect(resend.responses["409"]?.description).toBe("MESSAGE_NOT_FAILED, MESSAGE_EXPIRED");
  });
});
