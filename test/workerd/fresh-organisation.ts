// A new organisation for a test: made by the operator with its first administrator, who signs in
// with the operator's temporary password and sets their own, then makes one site (desks d1, d2).
import { expect } from "vitest";
import { api, login, testSiteConfig } from "./helpers.ts";

let n = 0;
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(n++).toString(36)}`;

export const TEMPORARY = "tymczasowe-haslo-1";
export const OWN = "wlasne-haslo-123";

export interface FreshOrganisation {
  org: string;
  /** The administrator's token (their own password set). */
  admin: string;
  adminName: string;
  site: string;
  /** The deployment operator's token. */
  operator: string;
}

/** Signs in with a temporary password and sets OWN; answers the normal token. */
export async function firstSignIn(username: string, temporary = TEMPORARY): Promise<string> {
  const marked = await login(username, temporary);
  const res = await api("/api/v1/auth/password", { method: "POST", token: marked, json: { currentPassword: temporary, newPassword: OWN } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

export async function freshOrganisation(): Promise<FreshOrganisation> {
  const org = unique("o");
  const adminName = unique("adm");
  const operator = await login("admin", "admin");
  const made = await api("/api/v1/organisations", {
    method: "POST",
    token: operator,
    json: { id: org, name: `Urząd ${org}`, admin: { username: adminName, password: TEMPORARY } },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  const admin = await firstSignIn(adminName);
  const site = unique("s");
  const put = await api(`/api/v1/sites/${site}`, { method: "PUT", token: admin, json: testSiteConfig(site) });
  expect(put.status, await put.clone().text()).toBe(200);
  return { org, admin, adminName, site, operator };
}
