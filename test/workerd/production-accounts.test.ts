// Demo accounts never outlive demo mode, and production makes its first manager without demo data.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../objects/directory/demo-data.ts";
import { DIRECTORY_MIGRATIONS, type Directory } from "../../objects/directory.ts";
import { migrate } from "../../objects/site/schema.ts";
import { app } from "../../worker/app.ts";
import { parseFirstManager } from "../../worker/auth/first-manager.ts";
import { signToken } from "../../worker/auth/token.ts";
import type { Env } from "../../worker/env.ts";

const demoEnv = env as unknown as Env;
/** The same strong key in both modes: the worst case, where only the account tells a demo token apart. */
const KEY = "a-production-secret-of-at-least-32-characters";
const production = (over: Partial<Env> = {}): Env => ({ ...demoEnv, NUMEREK_MODE: "production", AUTH_SECRET: KEY, ...over });

const dir = () => demoEnv.DIRECTORY.get(demoEnv.DIRECTORY.idFromName("directory"));

let clients = 0;

/** Each sign-in from its own address: the refusals below must not trip the per-address login limit. */
async function login(e: Env, username: string, password: string): Promise<Response> {
  return app.fetch(
    new Request("http://numerek.test/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `192.0.2.${++clients}` },
      body: JSON.stringify({ username, password }),
    }),
    e,
  );
}

async function queue(e: Env, token: string): Promise<Response> {
  return app.fetch(new Request("http://numerek.test/api/v1/sites/demo/queue", { headers: { Authorization: `Bearer ${token}` } }), e);
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

const hour = () => Math.floor(Date.now() / 1000) + 3600;

describe("demo accounts in production", () => {
  it("every demo account signs in in demo mode and is refused at login in production", async () => {
    // The demo is loaded in demo mode first, with the demo key.
    expect((await login(demoEnv, "urzednik1", "demo")).status).toBe(200);
    for (const a of DEMO_ACCOUNTS) {
      const res = await login(production(), a.username, a.password);
      expect(res.status, a.username).toBe(401);
      expect(await codeOf(res)).toBe("BAD_CREDENTIALS");
    }
  });

  it("a demo account's token, even one signed with the production key, is refused by staff routes and sockets", async () => {
    const clerk = await signToken({ sub: "urzednik1", role: "clerk", sites: ["demo"], exp: hour() }, KEY);
    const manager = await signToken({ sub: "kierownik", role: "manager", sites: ["demo"], exp: hour() }, KEY);
    for (const token of [clerk, manager]) {
      const res = await queue(production(), token);
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe("TOKEN_INVALID");
    }
    const live = await app.fetch(
      new Request(`http://numerek.test/api/v1/sites/demo/live?role=display&access_token=${manager}`, { headers: { Upgrade: "websocket" } }),
      production(),
    );
    expect(live.status).toBe(401);
    expect(await codeOf(live)).toBe("TOKEN_INVALID");
    // The same token still works in demo mode (the demo's own key signs it there).
    const demoClerk = await signToken({ sub: "urzednik1", role: "clerk", sites: ["demo"], exp: hour() }, demoEnv.AUTH_SECRET);
    expect((await queue(demoEnv, demoClerk)).status).toBe(200);
  });

  it("an account made outside the demo is let in with the same kind of token", async () => {
    await dir().putAccount({ username: "t-prod-clerk", password: "a-real-password", role: "clerk", siteIds: ["demo"] });
    const token = await signToken({ sub: "t-prod-clerk", role: "clerk", sites: ["demo"], exp: hour() }, KEY);
    expect((await queue(production(), token)).status).toBe(200);
    expect((await login(production(), "t-prod-clerk", "a-real-password")).status).toBe(200);
  });

  it("a signing key is rotated: the old key's tokens work while it is AUTH_SECRET_PREVIOUS, new ones are signed with the new key", async () => {
    await dir().putAccount({ username: "t-rotated", password: "a-real-password", role: "clerk", siteIds: ["demo"] });
    const NEXT = "the-next-production-key-of-at-least-32-bytes";
    const before = await signToken({ sub: "t-rotated", role: "clerk", sites: ["demo"], exp: hour() }, KEY);
    const rotating = production({ AUTH_SECRET: NEXT, AUTH_SECRET_PREVIOUS: KEY });
    expect((await queue(rotating, before)).status).toBe(200);
    const signedIn = await login(rotating, "t-rotated", "a-real-password");
    const { token: after } = (await signedIn.json()) as { token: string };
    expect((await queue(production({ AUTH_SECRET: NEXT }), after)).status).toBe(200);
    // Once the previous key is dropped, its tokens end.
    const done = await queue(production({ AUTH_SECRET: NEXT }), before);
    expect(done.status).toBe(401);
    expect(await codeOf(done)).toBe("TOKEN_INVALID");
    // A previous key that is the demo's is as unfit as a current one.
    const unfit = await queue(production({ AUTH_SECRET: NEXT, AUTH_SECRET_PREVIOUS: demoEnv.AUTH_SECRET }), after);
    expect(unfit.status).toBe(503);
  });

  it("storage seeded before demo accounts were marked has them marked by the migration", async () => {
    const marked = await runInDurableObject(dir(), (_i: Directory, state: DurableObjectState) => {
      const sql = state.storage.sql;
      // Back to the schema before the mark: the accounts as an earlier version left them.
      sql.exec("ALTER TABLE accounts DROP COLUMN demo");
      sql.exec("UPDATE _schema SET version = 1");
      migrate(state.storage, DIRECTORY_MIGRATIONS);
      return sql.exec<{ username: string; demo: number }>("SELECT username, demo FROM accounts").toArray();
    });
    const demoNames = new Set(DEMO_ACCOUNTS.map((a) => a.username));
    for (const row of marked) expect(row.demo, row.username).toBe(demoNames.has(row.username) ? 1 : 0);
    expect(marked.filter((r) => r.demo === 1)).toHaveLength(DEMO_ACCOUNTS.length);
  });
});

describe("production's first manager", () => {
  it("the FIRST_MANAGER secret must name a user and a password of at least 12 characters", () => {
    expect(parseFirstManager("szef:długie-hasło-szefa")).toEqual({ username: "szef", password: "długie-hasło-szefa" });
    expect(parseFirstManager("szef:krótkie")).toHaveProperty("problem");
    expect(parseFirstManager(":bez-nazwy-uzytkownika")).toHaveProperty("problem");
    expect(parseFirstManager("bez-hasla")).toHaveProperty("problem");
  });

  it("never takes over a demo account's name", async () => {
    const r = await dir().ensureFirstManager({ username: "admin", password: "przejmuje-konto-admina" });
    expect(r.ok).toBe(false);
    expect((await login(production(), "admin", "przejmuje-konto-admina")).status).toBe(401);
  });

  it("is made at the first sign-in from the secret, manages every site, and only once", async () => {
    const e = production({ FIRST_MANAGER: "szef:pierwsze-hasło-szefa" });
    const res = await login(e, "szef", "pierwsze-hasło-szefa");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; role: string; siteIds: string[] };
    expect(body.role).toBe("manager");
    expect(body.siteIds).toContain("demo");
    expect((await queue(e, body.token)).status).toBe(200);
    // Once a manager exists the secret makes nobody else, and changes no password.
    expect(await dir().ensureFirstManager({ username: "drugi", password: "hasło-drugiego-szefa" })).toEqual({
      ok: true,
      value: { created: false },
    });
    expect((await login(production(), "drugi", "hasło-drugiego-szefa")).status).toBe(401);
  });
});
