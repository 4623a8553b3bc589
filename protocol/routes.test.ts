// The route table: one line per route, paths filled as the clients send them.
import { describe, expect, it } from "vitest";
import { CONTRACT } from "./contract.ts";
import { fillPath, ROUTES, type RouteName, routeOf } from "./routes.ts";

describe("the route table", () => {
  it("has one route per method and path, each with its contract", () => {
    const lines = Object.values(ROUTES);
    expect(new Set(lines).size).toBe(lines.length);
    expect(Object.keys(CONTRACT).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const name of Object.keys(ROUTES) as RouteName[]) expect(routeOf(name).path).toMatch(/^\/api\//);
  });

  it("fills path parameters, each encoded as one segment", () => {
    expect(fillPath("issueTicket", { siteId: "demo" })).toBe("/api/v1/sites/demo/tickets");
    expect(fillPath("desk.call-next", { siteId: "demo", deskId: "d1" })).toBe("/api/v1/sites/demo/desks/d1/call-next");
    expect(fillPath("booking", { bookingId: "demo.a/b?c" })).toBe("/api/v1/bookings/demo.a%2Fb%3Fc");
    expect(routeOf("resendMessage")).toEqual({ method: "POST", path: "/api/v1/sites/:siteId/messages/:messageId/resend" });
  });
});
