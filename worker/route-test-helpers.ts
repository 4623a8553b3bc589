// For the route tests beside the Worker: requests to the real app (app.request) with the real bindings
// of the test runtime (the site and directory objects, SQLite), signed-in tokens and fresh sites.
import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { Role } from "../protocol/api.ts";
import type { SiteConfigInput } from "../protocol/config.ts";
import { ERRORS, type ErrorCode } from "../protocol/errors.ts";
import { app } from "./app.ts";
import type { Env } from "./env.ts";
import { directory } from "./sites.ts";

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

let count = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(count++).toString(36)}`;

/** A new site (its own object), open around the clock: matters "rej" (desk d1) and "pj" (d1, d2). */
export async function freshSite(): Promise<{ siteId: string; admin: string }> {
  const siteId = unique("w");
  const admin = await login("admin", "admin");
  const allDay: [string, string][] = [["00:00", "24:00"]];
  const config: SiteConfigInput = {
    id: siteId,
    city: "Testowo",
    name: `Urząd ${siteId}`,
    address: "ul. Próbna 1",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    departments: [
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [
          { id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10 },
          { id: "pj", name: "Prawo jazdy", prefix: "P", serviceMinutes: 6 },
        ],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej", "pj"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["pj"] },
    ],
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    closedOnPublicHolidays: false,
    booking: { horizonDays: 14, checkIn: "kiosk" },
  };
  const res = await request(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: config });
  expect(res.status, await res.clone().text()).toBe(200);
  return { siteId, admin };
}

/** A signed-in account of a role at these sites (made through the directory, as the tests need them). */
export async function accountFor(role: Role, siteIds: string[], extra: { deskIds?: string[]; deviceId?: string } = {}): Promise<string> {
  const username = unique(`w-${role}`);
  await directory(bindings).putAccount({ username, password: "test-password", role, siteIds, ...extra });
  return login(username, "test-password");
}

/** The answer is the API's error: this status and code, in the documented shape. */
export async function expectError(res: Response, status: number, code: ErrorCode): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(ERRORS[code][0]).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code, text).toBe(code);
  expect(typeof body.error.message).toBe("string");
}
