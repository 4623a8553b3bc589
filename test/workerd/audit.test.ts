// The audit log of an organisation: configuration changes with each value changed, sign-ins and their
// failures, organisations made, exports; read by its own administrator only, as JSON or CSV.
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../protocol/audit.ts";
import { api, expectError } from "./helpers.ts";

let addresses = 0;
async function signIn(username: string, password: string): Promise<string> {
  const res = await api("/api/v1/auth/login", {
    method: "POST",
    headers: { "CF-Connecting-IP": `203.0.113.${++addresses}` },
    json: { username, password },
  });
  expect(res.status, `login ${username}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function entries(token: string, query = ""): Promise<AuditEntry[]> {
  const res = await api(`/api/v1/audit${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { entries: AuditEntry[] }).entries;
}

describe("the audit log", () => {
  it("records a configuration change with who, from where and each value changed", async () => {
    const admin = await signIn("torun-admin", "demo");
    const config = (await (await api("/api/v1/sites/torun-plaza/config", { token: admin })).json()) as { name: string; voice: boolean };
    const res = await api("/api/v1/sites/torun-plaza", {
      method: "PUT",
      token: admin,
      headers: { "CF-Connecting-IP": "198.51.100.7" },
      json: { ...config, name: `${config.name} (po remoncie)`, voice: !config.voice },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const [latest] = await entries(admin, "?action=site.changed&target=torun-plaza&limit=1");
    expect(latest).toMatchObject({ actor: "torun-admin", address: "198.51.100.7", action: "site.changed", target: "torun-plaza" });
    expect(latest?.changes.map((c) => c.path)).toEqual(["name", "voice"]);
    expect(latest?.changes[0]?.after).toBe(JSON.stringify(`${config.name} (po remoncie)`));
  });

  it("records sign-ins and failures of an organisation's accounts, never a name nobody has", async () => {
    const admin = await signIn("torun-admin", "demo");
    const wrong = await api("/api/v1/auth/login", {
      method: "POST",
      headers: { "CF-Connecting-IP": "198.51.100.8" },
      json: { username: "torun-admin", password: "not-the-password" },
    });
    expect(wrong.status).toBe(401);
    const typo = await api("/api/v1/auth/login", {
      method: "POST",
      headers: { "CF-Connecting-IP": "198.51.100.8" },
      json: { username: "moje-haslo-123", password: "x" },
    });
    expect(typo.status).toBe(401);
    const failed = await entries(admin, "?action=login.failed");
    expect(failed[0]).toMatchObject({ actor: "torun-admin", address: "198.51.100.8", target: "torun-admin" });
    expect(JSON.stringify(await entries(admin, "?limit=500"))).not.toContain("moje-haslo-123");
    expect((await entries(admin, "?action=login.succeeded&actor=torun-admin")).length).toBeGreaterThan(0);
  });

  it("an administrator reads only their own organisation's log; the operator names the organisation", async () => {
    await signIn("torun-admin", "demo");
    const koszalin = await signIn("koszalin-admin", "demo");
    await expectError(await api("/api/v1/audit?org=torun", { token: koszalin }), 403, "ORGANISATION_FORBIDDEN");
    expect((await entries(koszalin)).every((e) => !String(e.target).startsWith("torun"))).toBe(true);
    const clerk = await signIn("torun-wk-urzednik", "demo");
    await expectError(await api("/api/v1/audit", { token: clerk }), 403, "FORBIDDEN");
    const operator = await signIn("admin", "admin");
    await expectError(await api("/api/v1/audit", { token: operator }), 400, "VALIDATION_FAILED");
    await expectError(await api("/api/v1/audit?org=no-such-org", { token: operator }), 404, "UNKNOWN_ORGANISATION");
    expect((await entries(operator, "?org=torun&action=login.succeeded")).some((e) => e.actor === "torun-admin")).toBe(true);
  });

  it("exports as CSV with a header row, and records the export", async () => {
    const admin = await signIn("koszalin-admin", "demo");
    const res = await api("/api/v1/audit/export?limit=50", { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = (await res.text()).trim().split("\r\n");
    expect(header).toBe("id,at,actor,address,action,target,summary,changes");
    expect(rows.some((r) => r.includes(",login.succeeded,koszalin-admin,"))).toBe(true);
    const [exported] = await entries(admin, "?action=audit.exported&limit=1");
    expect(exported).toMatchObject({ actor: "koszalin-admin", action: "audit.exported" });
  });
});
