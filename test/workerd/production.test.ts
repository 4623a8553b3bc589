// Production settings: the demo is never loaded, admin/admin is refused, the demo signing key is refused.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import type { Env } from "../../worker/env.ts";

const production = (over: Partial<Env> = {}): Env => ({
  ...(env as unknown as Env),
  NUMEREK_MODE: "production",
  AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
  ...over,
});

async function login(e: Env, username: string, password: string): Promise<Response> {
  const req = new Request("http://numerek.test/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return app.fetch(req, e);
}

describe("production settings", () => {
  it("refuse admin/admin even where a demo account of that name exists", async () => {
    // The demo directory is loaded by a request in demo mode first…
    const demo = await login(env as unknown as Env, "admin", "admin");
    expect(demo.status).toBe(200);
    // …and the same credentials are refused once the Worker runs with production settings.
    const res = await login(production(), "admin", "admin");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "BAD_CREDENTIALS", message: expect.any(String) } });
  });

  it("refuse to sign tokens with the demo key", async () => {
    const res = await login(production({ AUTH_SECRET: (env as unknown as Env).AUTH_SECRET }), "urzednik1", "demo");
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_CONFIGURED");
  });

  it("a token signed with the demo key is not accepted by a production Worker", async () => {
    const demo = await login(env as unknown as Env, "urzednik1", "demo");
    const { token } = (await demo.json()) as { token: string };
    const res = await app.fetch(
      new Request("http://numerek.test/api/v1/sites/demo/queue", { headers: { Authorization: `Bearer ${token}` } }),
      production(),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TOKEN_INVALID");
  });
});
