// Helpers for tests that drive the real Worker: sign in, make a fresh site, open sockets.

import { env, runInDurableObject, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { directoryName, REGISTRY_NAME } from "../../objects/registry/scopes.ts";
import { VisitStore } from "../../objects/site/visit-store.ts";
import type { VisitRecord } from "../../objects/statistics/records.ts";
import type { DeskActionResponse, IssuedTicket, QueueResponse, Role } from "../../protocol/api.ts";
import type { SiteConfigInput } from "../../protocol/config.ts";
import { ERRORS, type ErrorCode } from "../../protocol/errors.ts";
import type { ServerMessage } from "../../protocol/live.ts";
import type { Env } from "../../worker/env.ts";
import { testSiteConfig } from "../site-config.ts";

export const BASE = "http://numerek.test";

export async function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${BASE}${path}`, { ...init, headers, body: body ?? null });
}

export async function login(username: string, password: string): Promise<string> {
  const res = await api("/api/v1/auth/login", { method: "POST", json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export { testSiteConfig };

/** The demo organisation test sites and accounts go into (unless a test makes its own). */
export const TEST_ORG = "demo";

let counter = 0;
/**
 * A new site with a unique id (so every test has its own object), open around the clock, made by the
 * deployment's operator in the test organisation. `admin` is the operator's token: it acts on every site.
 */
export async function freshSite(overrides: Partial<SiteConfigInput> = {}): Promise<{ siteId: string; admin: string }> {
  const siteId = `t-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const admin = await login("admin", "admin");
  const res = await api(`/api/v1/sites/${siteId}?org=${TEST_ORG}`, {
    method: "PUT",
    token: admin,
    json: testSiteConfig(siteId, overrides),
  });
  if (res.status !== 200) throw new Error(`create site: ${res.status} ${await res.text()}`);
  return { siteId, admin };
}

export async function takeTicket(siteId: string, token: string, matterId: string, key?: string): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/tickets`, {
    method: "POST",
    token,
    json: { matterId },
    ...(key ? { headers: { "Idempotency-Key": key } } : {}),
  });
}

export async function desk(siteId: string, deskId: string, action: string, token: string, json?: unknown): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/desks/${deskId}/${action}`, { method: "POST", token, ...(json ? { json } : {}) });
}

/** A WebSocket opened through the Worker, collecting every message it receives. */
export class LiveSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => {
      this.messages.push(JSON.parse(e.data as string) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** `headers` go with the upgrade (say, the client address Cloudflare sets). */
  static async open(path: string, headers: Record<string, string> = {}): Promise<LiveSocket> {
    const res = await SELF.fetch(`${BASE}${path}`, { headers: { ...headers, Upgrade: "websocket" } });
    if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade ${path}: ${res.status} ${await res.text()}`);
    res.webSocket.accept();
    return new LiveSocket(res.webSocket);
  }

  /** Waits until a message satisfies `pred` (checking those already received first). */
  async waitFor(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  last(): ServerMessage | undefined {
    return this.messages[this.messages.length - 1];
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

// ---- more helpers: bindings, accounts, error bodies, stored state ------------------------

/** The Worker's bindings, typed. */
export const testEnv = env as unknown as Env;

/** The site object of a site (the same one the Worker talks to). */
export function siteObject(siteId: string) {
  return testEnv.SITE.get(testEnv.SITE.idFromName(siteId));
}

let accounts = 0;
/** The directory of an organisation (or of the operators), as the Worker reaches it. */
export function directoryOf(scope: string) {
  return testEnv.DIRECTORY.get(testEnv.DIRECTORY.idFromName(directoryName(scope)));
}

/** The deployment's registry of organisations, sites and user names. */
export function registryObject() {
  return testEnv.REGISTRY.get(testEnv.REGISTRY.idFromName(REGISTRY_NAME));
}

/**
 * An account made for a test site through the directory's own method (the demo data
 * has accounts only for the demo sites), signed in. Returns the bearer token.
 */
export async function accountFor(
  role: Role,
  siteIds: string[],
  extra: { deskIds?: string[]; deviceId?: string; org?: string } = {},
): Promise<string> {
  const username = `t-${role}-${Date.now().toString(36)}-${(accounts++).toString(36)}`;
  const password = "test-password";
  const { org = TEST_ORG, ...rest } = extra;
  const r = await directoryOf(org).putAccount(org, { username, password, role, siteIds, ...rest });
  if (!r.ok) throw new Error(`account ${username}: ${r.code}`);
  return login(username, password);
}

/** The e-ticket token of an issued ticket (the end of its link). */
export function eticketTokenOf(ticket: { eticketUrl: string }): string {
  const token = ticket.eticketUrl.split("/t/")[1];
  if (!token) throw new Error(`no e-ticket token in ${ticket.eticketUrl}`);
  return token;
}

/** The staff view of a site's queue: seq, open tickets and desks. */
export async function queueOf(siteId: string, token: string): Promise<QueueResponse> {
  const res = await api(`/api/v1/sites/${siteId}/queue`, { token });
  if (res.status !== 200) throw new Error(`queue ${siteId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as QueueResponse;
}

/** Every row a site object keeps in SQLite, table by table (the truth behind every view). */
export interface StoredState {
  /** The seq the site's views are at, from its memory: SQLite keeps only a ceiling ahead of it (meta.seq, objects/site/commit.ts). */
  seq: number;
  meta: Record<string, string>;
  tickets: Record<string, unknown>[];
  desks: Record<string, unknown>[];
  counters: Record<string, unknown>[];
  calls: Record<string, unknown>[];
  timers: Record<string, unknown>[];
  jobs: Record<string, unknown>[];
  idempotency: Record<string, unknown>[];
}

/** Reads the site object's stored state straight from its SQLite database, and the seq its views are at. */
export async function storedState(siteId: string): Promise<StoredState> {
  return runInDurableObject(siteObject(siteId), (instance: unknown, state: DurableObjectState) => {
    const sql = state.storage.sql;
    const rows = (q: string) =>
      sql
        .exec(q)
        .toArray()
        .map((r) => ({ ...r }) as Record<string, unknown>);
    return {
      seq: (instance as { memory: { seq: number } }).memory.seq,
      meta: Object.fromEntries(rows("SELECT key, value FROM meta ORDER BY key").map((r) => [String(r.key), String(r.value)])),
      tickets: rows("SELECT * FROM tickets ORDER BY taken_at, id"),
      desks: rows("SELECT * FROM desks ORDER BY id"),
      counters: rows("SELECT * FROM counters ORDER BY day, matter_id"),
      calls: rows("SELECT * FROM calls ORDER BY id"),
      timers: rows("SELECT * FROM timers ORDER BY key"),
      jobs: rows("SELECT * FROM jobs ORDER BY created_at, id"),
      idempotency: rows("SELECT * FROM idempotency ORDER BY key"),
    };
  });
}

/** Runs SQL inside a site object (to set a clock-dependent value the way time would have). */
export async function siteSql(siteId: string, query: string, ...bindings: (string | number | null)[]): Promise<Record<string, unknown>[]> {
  return runInDurableObject(siteObject(siteId), (_instance: unknown, state: DurableObjectState) =>
    state.storage.sql
      .exec(query, ...bindings)
      .toArray()
      .map((r) => ({ ...r }) as Record<string, unknown>),
  );
}

/** Every visit part the site holds, as the statistics read them (objects/site/visit-store.ts), by day and when each began waiting. */
export async function siteVisits(siteId: string): Promise<VisitRecord[]> {
  return runInDurableObject(siteObject(siteId), (_instance: unknown, state: DurableObjectState) =>
    new VisitStore(state.storage.sql).between("0000-01-01", "9999-12-31"),
  );
}

/**
 * Asserts an API error: the exact status and stable code, a body of exactly
 * {"error":{"code","message"}}, a plain message and nothing of the server's insides.
 */
export async function expectError(res: Response, status: number, code: ErrorCode): Promise<void> {
  const text = await res.text();
  expect(res.status, `status of ${text}`).toBe(status);
  expect(ERRORS[code][0], `${code} is documented with this status`).toBe(status);
  expect(res.headers.get("Content-Type") ?? "").toMatch(/^application\/json\b/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expectNoInternals(text);
}

/** No stack frames, source file names or error class names in what a client receives. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/(^|\\n|\n)\s*at\s/); // "    at fn (file:1:2)" frames, raw or JSON-escaped
  expect(text).not.toMatch(/\bat\s+\S+\s+\(/);
  expect(text).not.toMatch(/\.(ts|js|mjs):\d/);
  expect(text).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|ZodError)\b/);
  expect(text).not.toMatch(/node_modules|file:\/\//);
}

export const isView = (m: ServerMessage) => m.type === "snapshot" || m.type === "update";
/** The newest message carrying a view (after a wake-up the object sends a snapshot instead of an update). */
export const latest = (s: LiveSocket) => [...s.messages].reverse().find(isView)!;

/** Takes a ticket that must be issued. */
export async function issue(siteId: string, token: string, matterId: string): Promise<IssuedTicket> {
  const res = await takeTicket(siteId, token, matterId);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** A desk command that must succeed. */
export async function act(siteId: string, deskId: string, action: string, token: string): Promise<DeskActionResponse> {
  const res = await desk(siteId, deskId, action, token);
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as DeskActionResponse;
}
