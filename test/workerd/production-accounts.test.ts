// Demo accounts never outlive demo mode, and production makes its first operator without demo data.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from "../../objects/directory/demo-data.ts";
import { DIRECTORY_MIGRATIONS, type Directory } from "../../objects/directory.ts";
import { migrate } from "../../objects/site/schema.ts";
import { app } from "../../worker/app.ts";
import { firstOperatorSecret, makeFirstOperator, parseFirstOperator } from "../../worker/auth/first-operator.ts";
import { signToken } from "../../worker/auth/token.ts";
import type { Env } from "../../worker/env.ts";

const demoEnv = env as unknown as Env;
/** The same strong key in both modes: the worst case, where only the account tells a demo token apart. */
const KEY = "a-production-secret-of-at-least-32-characters";
const production = (over: Partial<Env> = {}): Env => ({ ...demoEnv, NUMEREK_MODE: "production", AUTH_SECRET: KEY, ...over });

/** The demo organisation's directory (accounts of the training site). */
const dir = () => demoEnv.DIRECTORY.get(demoEnv.DIRECTORY.idFromName("org:demo"));

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
    const clerk = await signToken({ sub: "urzednik1", role: "clerk", org: "demo", sites: ["demo"], exp: hour() }, KEY);
    const manager = await signToken({ sub: "kierownik", role: "manager", org: "demo", sites: ["demo"], exp: hour() }, KEY);
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
    const demoClerk = await signToken({ sub: "urzednik1", role: "clerk", org: "demo", sites: ["demo"], exp: hour() }, demoEnv.AUTH_SECRET);
    expect((await queue(demoEnv, demoClerk)).status).toBe(200);
  });

  it("an account made outside the demo is let in with the same kind of token", async () => {
    await dir().putAccount("demo", { username: "t-prod-clerk", password: "a-real-password", role: "clerk", siteIds: ["demo"] });
    const token = await signToken({ sub: "t-prod-clerk", role: "clerk", org: "demo", sites: ["demo"], exp: hour() }, KEY);
    expect((await queue(production(), token)).status).toBe(200);
    expect((await login(production(), "t-prod-clerk", "a-real-password")).status).toBe(200);
  });

  it("a signing key is rotated: the old key's tokens work while it is AUTH_SECRET_PREVIOUS, new ones are signed with the new key", async () => {
    await dir().putAccount("demo", { username: "t-rotated", password: "a-real-password", role: "clerk", siteIds: ["demo"] });
    const NEXT = "the-next-production-key-of-at-least-32-bytes";
    const before = await signToken({ sub: "t-rotated", role: "clerk", org: "demo", sites: ["demo"], exp: hour() }, KEY);
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
    // This organisation's demo accounts, every one of them.
    expect(marked.filter((r) => r.demo === 1)).toHaveLength(DEMO_ORGANISATIONS.find((o) => o.id === "demo")?.accounts.length ?? -1);
  });
});

describe("production's first operator", () => {
  it("the FIRST_OPERATOR secret must name a user and a password of at least 12 characters", () => {
    expect(parseFirstOperator("szef:długie-hasło-szefa")).toEqual({ username: "szef", password: "długie-hasło-szefa" });
    expect(parseFirstOperator("szef:krótkie")).toHaveProperty("problem");
    expect(parseFirstOperator(":bez-nazwy-uzytkownika")).toHaveProperty("problem");
    expect(parseFirstOperator("bez-hasla")).toHaveProperty("problem");
  });

  it("FIRST_MANAGER, the secret's earlier name, is still accepted; FIRST_OPERATOR wins when both are set", () => {
    expect(firstOperatorSecret(production({ FIRST_MANAGER: "a:b" }))).toEqual({ name: "FIRST_MANAGER", value: "a:b" });
    expect(firstOperatorSecret(production({ FIRST_MANAGER: "a:b", FIRST_OPERATOR: "c:d" }))).toEqual({
      name: "FIRST_OPERATOR",
      value: "c:d",
    });
    expect(firstOperatorSecret(production())).toBeNull();
  });

  it("never takes over an existing account's name, a demo account's or another organisation's", async () => {
    for (const username of ["admin", "torun-admin", "kierownik"]) {
      expect(await makeFirstOperator(production(), { username, password: "przejmuje-cudze-konto" })).toMatchObject({ created: false });
      expect((await login(production(), username, "przejmuje-cudze-konto")).status).toBe(401);
    }
    // The demo's own operator keeps its password.
    expect((await login(demoEnv, "admin", "admin")).status).toBe(200);
  });

  it("is made at the first sign-in from the secret (by its earlier name too), is the operator of every site, and only once", async () => {
    const e = production({ FIRST_MANAGER: "szef:pierwsze-hasło-szefa" });
    const res = await login(e, "szef", "pierwsze-hasło-szefa");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; role: string; siteIds: string[]; org?: string };
    expect(body.role).toBe("operator");
    expect(body.org).toBeUndefined();
    expect(body.siteIds).toContain("demo");
    expect((await queue(e, body.token)).status).toBe(200);
    // Once an operator exists the secret makes nobody else, and changes no password.
    expect(await makeFirstOperator(production(), { username: "drugi", password: "hasło-drugiego-szefa" })).toEqual({ created: false });
    expect((await login(production(), "drugi", "hasło-drugiego-szefa")).status).toBe(401);
  });
});
