// Production settings: the demo is never loaded, admin/admin is refused, the demo signing key is refused.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
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

describe("production with an unfit signing key", () => {
  const demoKey = (env as unknown as Env).AUTH_SECRET;
  // 31 bytes: one short of the minimum.
  const shortKey = "x".repeat(31);

  async function demoToken(username: string, password: string): Promise<string> {
    const res = await login(env as unknown as Env, username, password);
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  async function call(e: Env, path: string, init: RequestInit = {}): Promise<Response> {
    return app.fetch(new Request(`http://numerek.test${path}`, init), e);
  }

  async function expectNotConfigured(res: Response): Promise<void> {
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("NOT_CONFIGURED");
    expect(body.error.message).toContain("AUTH_SECRET");
  }

  it("says why in the log, once per problem, without the key (first: no short key was seen before)", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const e = production({ AUTH_SECRET: "a-key-of-exactly-twenty-nine!" });
      await call(e, "/api/v1/sites/demo/queue");
      await call(e, "/api/v1/sites/demo/queue");
      const lines = spy.mock.calls.map((args) => args.join(" ")).filter((l) => l.includes("AUTH_SECRET"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("shorter than 32 bytes");
      expect(lines[0]).not.toContain("a-key-of-exactly-twenty-nine!");
    } finally {
      spy.mockRestore();
    }
  });

  it("a token forged with the demo key is refused by every staff route and socket, with or without a token", async () => {
    // Anyone can sign a manager token with the key published in wrangler.jsonc.
    const manager = await demoToken("admin", "admin");
    const clerk = await demoToken("urzednik1", "demo");
    const bearer = (t: string) => ({ headers: { Authorization: `Bearer ${t}` } });
    for (const key of [demoKey, shortKey, ""]) {
      const e = production({ AUTH_SECRET: key });
      await expectNotConfigured(await call(e, "/api/v1/sites/demo/queue", bearer(clerk)));
      await expectNotConfigured(await call(e, "/api/v1/sites/demo/messages", bearer(manager)));
      await expectNotConfigured(await call(e, "/api/v1/sites/demo/desks/d1/call-next", { method: "POST", ...bearer(clerk) }));
      await expectNotConfigured(
        await call(e, "/api/v1/sites/demo", {
          method: "PUT",
          headers: { Authorization: `Bearer ${manager}`, "Content-Type": "application/json" },
          body: "{}",
        }),
      );
      // The staff socket, with the token where a browser puts it.
      await expectNotConfigured(
        await call(e, `/api/v1/sites/demo/live?role=display&access_token=${manager}`, { headers: { Upgrade: "websocket" } }),
      );
      // No token at all: the same answer, so nobody learns more from trying.
      await expectNotConfigured(await call(e, "/api/v1/sites/demo/queue"));
      await expectNotConfigured(await login(e, "urzednik1", "demo"));
    }
  });

  it("public routes that need no key keep working: the site list", async () => {
    const res = await call(production({ AUTH_SECRET: demoKey }), "/api/v1/sites");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sites: { id: string }[] }).sites.map((s) => s.id)).toContain("demo");
  });

  it("a key of 32 bytes or more is taken", async () => {
    const res = await call(production({ AUTH_SECRET: "k".repeat(32) }), "/api/v1/sites/demo/queue");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  });
});
