// What the Worker writes to its log: enough for the operator to find the route, never a secret that
// was in the request (an e-ticket's token is its holder's permission, and it is part of the path).
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "./app.ts";
import type { Env } from "./env.ts";
import { bindings, expectError, request } from "./route-test-helpers.ts";

/** Site objects that fail every call: the Worker meets an error it did not expect. */
const brokenSites = {
  idFromName: () => ({}),
  get: () => ({ eticket: () => Promise.reject(new Error("storage is not available")) }),
} as unknown as Env["SITE"];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the error log", () => {
  it("names the route of an unexpected error, not the e-ticket token in its path", async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    // Any API request seeds the demo data, so the request below reaches the broken object.
    expect((await request("/api/v1/sites")).status).toBe(200);
    const token = "demo.Secret-Eticket_Token12";
    const res = await app.request(`/api/v1/etickets/${token}`, {}, { ...bindings, SITE: brokenSites });
    await expectError(res, 500, "INTERNAL");
    const text = logged
      .map((args) => args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : String(a))).join(" "))
      .join("\n");
    expect(text).toContain("/api/v1/etickets/:token");
    expect(text).not.toContain(token);
    expect(text).not.toContain("Secret-Eticket");
  });
});
