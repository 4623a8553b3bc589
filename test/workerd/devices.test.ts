// Devices by pairing: a device opened without credentials asks for a code; a manager of its site types
// the code and says which configured device it is; the device collects its own token and works with it.
// Revoking it refuses its token and closes its socket at once (4401), as disabling an account closes
// that account's sockets. Codes of other sites, other kinds, unknown, used or expired ones are refused.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_WAITING_PER_ADDRESS, PAIRING_TTL_MS } from "../../objects/pairing/rules.ts";
import type { Pairings } from "../../objects/pairings.ts";
import { PAIRINGS_NAME } from "../../objects/pairings.ts";
import type { PairingState, StartPairingResponse } from "../../protocol/devices.ts";
import { CLOSE } from "../../protocol/live.ts";
import { api, expectError, freshSite, LiveSocket, login, TEST_ORG, testEnv } from "./helpers.ts";

const DEVICES = [
  { id: "k1", name: "Biletomat 1", kind: "kiosk" as const },
  { id: "k2", name: "Biletomat 2", kind: "kiosk" as const },
  { id: "hall", name: "Ekran grupowy", kind: "group-screen" as const },
  { id: "agent", name: "Agent wydruku", kind: "agent" as const },
];

function pairingsObject() {
  return testEnv.PAIRINGS.get(testEnv.PAIRINGS.idFromName(PAIRINGS_NAME));
}

async function startPairing(siteId: string, kind: string, address = "198.51.100.7"): Promise<StartPairingResponse> {
  const res = await api("/api/v1/pairings", {
    method: "POST",
    json: { kind, siteId, version: "web/1" },
    headers: { "CF-Connecting-IP": address },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as StartPairingResponse;
}

async function stateOf(secret: string): Promise<Response> {
  return api(`/api/v1/pairings/${secret}`);
}

function pair(siteId: string, token: string, code: string, deviceId: string): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/devices`, { method: "POST", token, json: { code, deviceId } });
}

function closeOf(s: LiveSocket, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no close within ${timeoutMs} ms`)), timeoutMs);
    s.ws.addEventListener("close", (e) => {
      clearTimeout(timer);
      resolve(e.code);
    });
  });
}

describe("pairing a device", () => {
  it("a kiosk shows a code, the manager pairs it, the kiosk collects its token and issues tickets; the list shows it", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const started = await startPairing(siteId, "kiosk");
    expect(started.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

    const waiting = (await (await stateOf(started.secret)).json()) as PairingState;
    expect(waiting.state).toBe("waiting");

    // Typed as people type: lower case, with a space instead of the dash.
    const typed = started.code.toLowerCase().replace("-", " ");
    const paired = await pair(siteId, admin, typed, "k2");
    expect(paired.status).toBe(201);
    const { device } = (await paired.json()) as { device: { id: string; name: string; kind: string } };
    expect(device).toMatchObject({ name: "Biletomat 2", kind: "kiosk" });

    const collected = (await (await stateOf(started.secret)).json()) as PairingState;
    if (collected.state !== "paired") throw new Error("not paired");
    expect(collected.session).toMatchObject({ role: "kiosk", siteIds: [siteId], deviceId: "k2", org: TEST_ORG });
    const kiosk = collected.session.token;

    const ticket = await api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token: kiosk, json: { matterId: "rej" } });
    expect(ticket.status).toBe(201);
    // A kiosk token does nothing a kiosk may not.
    await expectError(await api(`/api/v1/sites/${siteId}/queue`, { token: kiosk }), 403, "FORBIDDEN");

    const socket = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${kiosk}`);
    await socket.waitFor((m) => m.type === "snapshot");
    const list = (await (await api(`/api/v1/sites/${siteId}/devices`, { token: admin })).json()) as {
      devices: { id: string; deviceId: string; online: boolean; lastContactAt: string | null; version: string; pairedBy: string }[];
    };
    expect(list.devices).toEqual([
      expect.objectContaining({ id: device.id, deviceId: "k2", online: true, version: "web/1", pairedBy: "admin" }),
    ]);
    socket.close();

    // The audit log says who paired what.
    const audit = (await (await api(`/api/v1/audit?org=${TEST_ORG}&action=device.paired`, { token: admin })).json()) as {
      entries: { target: string; actor: string }[];
    };
    expect(audit.entries.some((e) => e.target === `${siteId}/k2` && e.actor === "admin")).toBe(true);
  });

  it("revoking a device closes its socket at once with 4401 and refuses its token", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const started = await startPairing(siteId, "group-screen");
    const { device } = (await (await pair(siteId, admin, started.code, "hall")).json()) as { device: { id: string } };
    const state = (await (await stateOf(started.secret)).json()) as PairingState;
    if (state.state !== "paired") throw new Error("not paired");
    expect(state.session.role).toBe("display");

    const screen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${state.session.token}`);
    await screen.waitFor((m) => m.type === "snapshot");
    const closed = closeOf(screen);
    const revoked = await api(`/api/v1/sites/${siteId}/devices/${device.id}/revoke`, { method: "POST", token: admin, json: {} });
    expect(revoked.status).toBe(200);
    expect(await closed).toBe(CLOSE.ACCESS_REVOKED);

    const again = await api(`/api/v1/sites/${siteId}/live?role=display&access_token=${state.session.token}`, {
      headers: { Upgrade: "websocket" },
    });
    await expectError(again, 401, "TOKEN_INVALID");
    const list = (await (await api(`/api/v1/sites/${siteId}/devices`, { token: admin })).json()) as { devices: unknown[] };
    expect(list.devices).toEqual([]);
    await expectError(
      await api(`/api/v1/sites/${siteId}/devices/${device.id}/revoke`, { method: "POST", token: admin, json: {} }),
      409,
      "DEVICE_REVOKED",
    );
  });

  it("pairing the same configured device again replaces the old pairing and closes its socket", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const first = await startPairing(siteId, "kiosk");
    await pair(siteId, admin, first.code, "k1");
    const old = (await (await stateOf(first.secret)).json()) as PairingState;
    if (old.state !== "paired") throw new Error("not paired");
    const oldSocket = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${old.session.token}`);
    await oldSocket.waitFor((m) => m.type === "snapshot");
    const closed = closeOf(oldSocket);

    const second = await startPairing(siteId, "kiosk");
    expect((await pair(siteId, admin, second.code, "k1")).status).toBe(201);
    expect(await closed).toBe(CLOSE.ACCESS_REVOKED);
    const list = (await (await api(`/api/v1/sites/${siteId}/devices`, { token: admin })).json()) as { devices: unknown[] };
    expect(list.devices).toHaveLength(1);
  });

  it("refuses codes that are unknown, used, of another site, of another kind, or for a device the site lacks; nothing is paired", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const other = await freshSite({ devices: DEVICES });
    const kiosk = await startPairing(siteId, "kiosk");

    await expectError(await pair(siteId, admin, "ACD-EFH", "k1"), 404, "PAIRING_CODE_UNKNOWN");
    await expectError(await pair(siteId, admin, kiosk.code, "hall"), 409, "DEVICE_KIND_MISMATCH");
    await expectError(await pair(siteId, admin, kiosk.code, "nope"), 404, "UNKNOWN_DEVICE");
    await expectError(await pair(other.siteId, admin, kiosk.code, "k1"), 409, "PAIRING_SITE_MISMATCH");
    await expectError(await pair(siteId, admin, "K0O-1I5", "k1"), 400, "VALIDATION_FAILED");
    // After all those, the code still pairs, once.
    expect((await pair(siteId, admin, kiosk.code, "k1")).status).toBe(201);
    await expectError(await pair(siteId, admin, kiosk.code, "k2"), 409, "PAIRING_CODE_USED");
    const list = (await (await api(`/api/v1/sites/${siteId}/devices`, { token: admin })).json()) as { devices: unknown[] };
    expect(list.devices).toHaveLength(1);
    const elsewhere = (await (await api(`/api/v1/sites/${other.siteId}/devices`, { token: admin })).json()) as { devices: unknown[] };
    expect(elsewhere.devices).toEqual([]);
  });

  it("an expired code is refused as expired, and its device is told to ask for a new one", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const started = await startPairing(siteId, "kiosk");
    // Time passes inside the pairing object: its code's expiry is moved into the past.
    await runInDurableObject(pairingsObject(), async (_obj: Pairings, state) => {
      state.storage.sql.exec("UPDATE codes SET expires_at = ? WHERE code = ?", Date.now() - 1, started.code.replace("-", ""));
    });
    await expectError(await pair(siteId, admin, started.code, "k1"), 410, "PAIRING_CODE_EXPIRED");
    await expectError(await stateOf(started.secret), 404, "PAIRING_UNKNOWN");
    expect(PAIRING_TTL_MS).toBe(10 * 60_000);
  });

  it("refuses a pairing request for an unknown site, a bad kind, and a secret of the wrong shape", async () => {
    await expectError(
      await api("/api/v1/pairings", { method: "POST", json: { kind: "kiosk", siteId: "no-such-site", version: "web/1" } }),
      404,
      "UNKNOWN_SITE",
    );
    const { siteId } = await freshSite();
    await expectError(
      await api("/api/v1/pairings", { method: "POST", json: { kind: "toaster", siteId, version: "web/1" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await stateOf("short"), 404, "PAIRING_UNKNOWN");
  });

  it("one client address may have at most a bounded number of codes waiting", async () => {
    const { siteId } = await freshSite();
    const address = "203.0.113.99";
    for (let i = 0; i < MAX_WAITING_PER_ADDRESS; i++) await startPairing(siteId, "kiosk", address);
    const over = await api("/api/v1/pairings", {
      method: "POST",
      json: { kind: "kiosk", siteId, version: "web/1" },
      headers: { "CF-Connecting-IP": address },
    });
    await expectError(over, 429, "RATE_LIMITED");
    // Another address is not held up.
    await startPairing(siteId, "kiosk", "203.0.113.100");
  });

  it("a manager of another organisation can neither list nor pair nor revoke this site's devices", async () => {
    const { siteId, admin } = await freshSite({ devices: DEVICES });
    const started = await startPairing(siteId, "kiosk");
    const stranger = await login("koszalin-admin", "demo");
    await expectError(await api(`/api/v1/sites/${siteId}/devices`, { token: stranger }), 403, "SITE_FORBIDDEN");
    await expectError(await pair(siteId, stranger, started.code, "k1"), 403, "SITE_FORBIDDEN");
    const { device } = (await (await pair(siteId, admin, started.code, "k1")).json()) as { device: { id: string } };
    await expectError(
      await api(`/api/v1/sites/${siteId}/devices/${device.id}/revoke`, { method: "POST", token: stranger, json: {} }),
      403,
      "SITE_FORBIDDEN",
    );
  });
});

describe("an account's sockets close when its access ends", () => {
  it("disabling a clerk closes their open console at once with 4401", async () => {
    const { siteId, admin } = await freshSite();
    const username = `clerk-${Date.now().toString(36)}`;
    const created = await api(`/api/v1/staff?org=${TEST_ORG}`, {
      method: "POST",
      token: admin,
      json: { username, password: "temporary-pass-1", role: "clerk", siteIds: [siteId], deskIds: ["d1"] },
    });
    expect(created.status).toBe(201);
    const first = await login(username, "temporary-pass-1");
    const changed = await api("/api/v1/auth/password", {
      method: "POST",
      token: first,
      json: { currentPassword: "temporary-pass-1", newPassword: "a-new-password-2" },
    });
    expect(changed.status).toBe(200);
    const token = ((await changed.json()) as { token: string }).token;
    const console1 = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${token}`);
    await console1.waitFor((m) => m.type === "snapshot");
    const closed = closeOf(console1);
    const disabled = await api(`/api/v1/staff/${username}/disable?org=${TEST_ORG}`, { method: "POST", token: admin, json: {} });
    expect(disabled.status).toBe(200);
    expect(await closed).toBe(CLOSE.ACCESS_REVOKED);
  });
});
