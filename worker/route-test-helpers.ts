// For the route tests beside the Worker: requests to the real app (app.request) with the real bindings
// of the test runtime (the site and directory objects, SQLite), signed-in tokens.
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { app } from "./app.ts";
import type { Env } from "./env.ts";

/** The Worker's bindings, typed. */
export const bindings = env as unknown as Env;

export interface RequestOptions {
  method?: string;
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("Authorization", `Bearer ${opts.token}`);
  let body = opts.body ?? null;
  if (opts.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(opts.json);
  }
  return app.request(path, { method: opts.method ?? (body === null ? "GET" : "POST"), headers, body }, bindings);
}

export async function login(username: string, password: string): Promise<string> {
  const res = await request("/api/v1/auth/login", { json: { username, password } });
  expect(res.status, `login ${username}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

// Test sites, accounts and the error check are the workerd tier's own (one definition of the test site).
export { accountFor, expectError, freshSite } from "../test/workerd/helpers.ts";
