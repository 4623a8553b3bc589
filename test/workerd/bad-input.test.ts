// Bad input of every kind through the real Worker: each is refused with its exact status and
// stable code, in the documented error shape with nothing of the server's insides, and leaves
// the stored state exactly as it was.
import { decodeProtectedHeader, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { type IssuedTicket, QueueResponse } from "../../protocol/api.ts";
import type { ServerMessage } from "../../protocol/live.ts";
import { signToken } from "../../worker/auth/token.ts";
import {
  accountFor,
  api,
  desk,
  eticketTokenOf,
  expectError,
  expectNoInternals,
  freshSite,
  LiveSocket,
  login,
  type StoredState,
  storedState,
  takeTicket,
  testEnv,
} from "./helpers.ts";

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as Record<string, unknown>) : {});

/** A fresh site with something in it: R001 at desk d1, R002 and P001 waiting. */
async function busySite() {
  const { siteId, admin } = await freshSite();
  const tickets: IssuedTicket[] = [];
  for (const matterId of ["rej", "rej", "pj"]) {
    const res = await takeTicket(siteId, admin, matterId);
    expect(res.status).toBe(201);
    tickets.push((await res.json()) as IssuedTicket);
  }
  const called = await desk(siteId, "d1", "call-next", admin);
  expect(called.status).toBe(200);
  expect(((await called.json()) as { desk: { ticket: { number: string } } }).desk.ticket.number).toBe("R001");
  const before = await storedState(siteId);
  expect(before.tickets).toHaveLength(3);
  return { siteId, admin, tickets, before };
}

/** The stored state did not move: same seq, tickets, desks, counters, calls, timers, jobs, idempotency records. */
async function expectUnchanged(siteId: string, before: StoredState): Promise<void> {
  expect(await storedState(siteId)).toEqual(before);
}

const BIG = 256 * 1024;

/** Base64url, as in the tokens the Worker signs. */
function b64url(s: string | Uint8Array): string {
  const bytes = typeof s === "string" ? new TextEncoder().encode(s) : s;
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A JWT signed with the server's own key and key id: genuine in every way the test chooses. */
async function signedToken(claims: Record<string, unknown>): Promise<string> {
  const key = new TextEncoder().encode(testEnv.AUTH_SECRET);
  const { kid } = decodeProtectedHeader(await signToken({ sub: "x", role: "clerk", sites: [], exp: 1 }, testEnv.AUTH_SECRET));
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", ...(kid ? { kid } : {}) })
    .setIssuer("numerek")
    .setIssuedAt()
    .sign(key);
}

describe("the staff view of the queue", () => {
  // Consoles read it, and it is how a client checks that a refused request changed nothing.
  it("GET /api/v1/sites/{siteId}/queue answers 200 with seq, open tickets and desks", async () => {
    const { siteId, admin, before } = await busySite();
    const res = await api(`/api/v1/sites/${siteId}/queue`, { token: admin });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const q = QueueResponse.parse(JSON.parse(text));
    expect(q.seq).toBe(before.seq);
    expect(q.tickets.map((t) => [t.number, t.status])).toEqual([
      ["R001", "called"],
      ["R002", "waiting"],
      ["P001", "waiting"],
    ]);
    expect(q.desks.map((d) => [d.id, d.status, d.ticket?.number ?? null])).toEqual([
      ["d1", "open", "R001"],
      ["d2", "open", null],
    ]);
  });
});

describe("authentication and authorisation", () => {
  it("no token: 401 UNAUTHENTICATED", async () => {
    const { siteId, before } = await busySite();
    await expectError(await takeTicket(siteId, "", "rej"), 401, "UNAUTHENTICATED");
    await expectError(await desk(siteId, "d1", "finish", ""), 401, "UNAUTHENTICATED");
    await expectError(await api(`/api/v1/sites/${siteId}/queue`), 401, "UNAUTHENTICATED");
    await expectError(await api(`/api/v1/sites/${siteId}/queue?access_token=`), 401, "UNAUTHENTICATED");
    await expectUnchanged(siteId, before);
  });

  it("malformed Authorization header or garbage token: 401 TOKEN_INVALID", async () => {
    const { siteId, admin, before } = await busySite();
    const headers = (value: string) => ({ headers: { Authorization: value } });
    await expectError(await desk(siteId, "d1", "finish", "not-a-token"), 401, "TOKEN_INVALID");
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d1/finish`, { method: "POST", ...headers(`Basic ${btoa("admin:admin")}`) }),
      401,
      "TOKEN_INVALID",
    );
    await expectError(await api(`/api/v1/sites/${siteId}/desks/d1/finish`, { method: "POST", ...headers("Bearer") }), 401, "TOKEN_INVALID");
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d1/finish`, { method: "POST", ...headers(`Bearer ${admin} extra`) }),
      401,
      "TOKEN_INVALID",
    );
    await expectError(await api(`/api/v1/sites/${siteId}/queue?access_token=v1.abc.def`), 401, "TOKEN_INVALID");
    await expectUnchanged(siteId, before);
  });

  it("forged token (claims changed or signature made up): 401 TOKEN_INVALID", async () => {
    const { siteId, admin, before } = await busySite();
    const clerk = await login("urzednik1", "demo");
    // A clerk of the demo site rewrites their claims to the deployment's operator, keeping the signature.
    const [header, , sig] = clerk.split(".");
    const forgedClaims = b64url(
      JSON.stringify({
        sub: "urzednik1",
        role: "operator",
        sites: [],
        iss: "numerek",
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    );
    await expectError(await desk(siteId, "d1", "finish", `${header}.${forgedClaims}.${sig}`), 401, "TOKEN_INVALID");
    // The same claims with a signature of the right length but made up.
    await expectError(await desk(siteId, "d1", "finish", `${header}.${forgedClaims}.${"A".repeat(43)}`), 401, "TOKEN_INVALID");
    // Signed with another key, under the server's key id.
    const other = new TextEncoder().encode("some-other-secret-key-of-thirty-two-bytes");
    const { kid } = decodeProtectedHeader(clerk);
    const otherKey = await new SignJWT(JSON.parse(atob(forgedClaims.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>)
      .setProtectedHeader({ alg: "HS256", ...(kid ? { kid } : {}) })
      .sign(other);
    await expectError(await desk(siteId, "d1", "finish", otherKey), 401, "TOKEN_INVALID");
    // Unsigned ("alg": "none").
    const unsigned = `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${forgedClaims}.`;
    await expectError(await desk(siteId, "d1", "finish", unsigned), 401, "TOKEN_INVALID");
    // An admin token with one character of the signature flipped.
    const flipped = admin.slice(0, -2) + (admin.at(-2) === "A" ? "B" : "A") + admin.slice(-1);
    await expectError(await desk(siteId, "d1", "finish", flipped), 401, "TOKEN_INVALID");
    await expectUnchanged(siteId, before);
  });

  it("expired token, even when properly signed: 401 TOKEN_INVALID", async () => {
    const { siteId, before } = await busySite();
    const now = Math.floor(Date.now() / 1000);
    const fresh = await signedToken({ sub: "admin", role: "operator", sites: [], exp: now + 600 });
    // The control: the same token with a future expiry gets past sign-in (to the desk's own answer),
    // so the refusals below are the expiry.
    await expectError(await desk(siteId, "d2", "resume", fresh), 409, "DESK_NOT_PAUSED");
    const expired = await signedToken({ sub: "admin", role: "operator", sites: [], exp: now - 5 });
    await expectError(await desk(siteId, "d1", "finish", expired), 401, "TOKEN_INVALID");
    await expectError(await takeTicket(siteId, expired, "rej"), 401, "TOKEN_INVALID");
    const noExpiry = await signedToken({ sub: "admin", role: "operator", sites: [] });
    await expectError(await desk(siteId, "d1", "finish", noExpiry), 401, "TOKEN_INVALID");
    await expectUnchanged(siteId, before);
  });

  it("wrong role: a kiosk or a screen cannot run desk commands or read the queue (403 FORBIDDEN)", async () => {
    const { siteId, before } = await busySite();
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const screen = await accountFor("display", [siteId]);
    await expectError(await desk(siteId, "d1", "finish", kiosk), 403, "FORBIDDEN");
    await expectError(await desk(siteId, "d2", "call-next", kiosk), 403, "FORBIDDEN");
    await expectError(await desk(siteId, "d1", "no-show", screen), 403, "FORBIDDEN");
    await expectError(await takeTicket(siteId, screen, "rej"), 403, "FORBIDDEN");
    await expectError(await api(`/api/v1/sites/${siteId}/queue`, { token: kiosk }), 403, "FORBIDDEN");
    // A kiosk may not open the print agent's stream either.
    await expectError(
      await api(`/api/v1/sites/${siteId}/live?role=agent&access_token=${kiosk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "FORBIDDEN",
    );
    await expectUnchanged(siteId, before);
  });

  it("token for another site: 403 SITE_FORBIDDEN", async () => {
    const { siteId, before } = await busySite();
    const demoClerk = await login("urzednik1", "demo");
    await expectError(await desk(siteId, "d1", "finish", demoClerk), 403, "SITE_FORBIDDEN");
    await expectError(await takeTicket(siteId, demoClerk, "rej"), 403, "SITE_FORBIDDEN");
    await expectError(await api(`/api/v1/sites/${siteId}/queue`, { token: demoClerk }), 403, "SITE_FORBIDDEN");
    const demoKiosk = await login("kiosk-demo", "demo");
    await expectError(await takeTicket(siteId, demoKiosk, "rej"), 403, "SITE_FORBIDDEN");
    // A manager of the demo site only is not a manager here.
    const demoManager = await login("kierownik", "demo");
    await expectError(await desk(siteId, "d1", "finish", demoManager), 403, "SITE_FORBIDDEN");
    // Nor may they watch it.
    await expectError(
      await api(`/api/v1/sites/${siteId}/live?role=display&access_token=${demoClerk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "SITE_FORBIDDEN",
    );
    await expectUnchanged(siteId, before);
  });

  it("clerk acting on another desk: 403 DESK_FORBIDDEN (demo clerk urzednik1 owns d1 only)", async () => {
    const clerk = await login("urzednik1", "demo");
    const admin = await login("admin", "admin");
    // Someone d2 could call, so an accepted call-next would show.
    expect((await takeTicket("demo", admin, "meldunek")).status).toBe(201);
    const before = await storedState("demo");
    expect(before.desks.find((d) => d.id === "d2")).toMatchObject({ status: "open", ticket_id: null });
    await expectError(await desk("demo", "d2", "call-next", clerk), 403, "DESK_FORBIDDEN");
    await expectError(await desk("demo", "d2", "pause", clerk), 403, "DESK_FORBIDDEN");
    await expectError(await desk("demo", "d3", "call-next", clerk), 403, "DESK_FORBIDDEN");
    await expectError(
      await api(`/api/v1/sites/demo/live?role=clerk:d2&access_token=${clerk}`, { headers: { Upgrade: "websocket" } }),
      403,
      "DESK_FORBIDDEN",
    );
    await expectUnchanged("demo", before);
  });

  it("clerk of a fresh site with desk d1 only: d2 is 403 DESK_FORBIDDEN", async () => {
    const { siteId, before } = await busySite();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    await expectError(await desk(siteId, "d2", "call-next", clerk), 403, "DESK_FORBIDDEN");
    await expectError(
      await desk(siteId, "d2", "transfer", clerk, { ticketId: before.tickets[1]!.id, deskId: "d1" }),
      403,
      "DESK_FORBIDDEN",
    );
    await expectUnchanged(siteId, before);
  });
});

describe("what does not exist", () => {
  it("unknown site: 404 UNKNOWN_SITE, and no site comes into being", async () => {
    const { siteId, admin, before } = await busySite();
    const ghost = `${siteId}-ghost`;
    await expectError(await takeTicket(ghost, admin, "rej"), 404, "UNKNOWN_SITE");
    await expectError(await desk(ghost, "d1", "call-next", admin), 404, "UNKNOWN_SITE");
    await expectError(await api(`/api/v1/sites/${ghost}/queue`, { token: admin }), 404, "UNKNOWN_SITE");
    await expectError(
      await api(`/api/v1/sites/${ghost}/live?role=display&access_token=${admin}`, { headers: { Upgrade: "websocket" } }),
      404,
      "UNKNOWN_SITE",
    );
    const sites = (await (await api("/api/v1/sites")).json()) as { sites: { id: string }[] };
    expect(sites.sites.map((s) => s.id)).not.toContain(ghost);
    expect(sites.sites.map((s) => s.id)).toContain(siteId);
    await expectUnchanged(siteId, before);
  });

  it("malformed site or desk id in the path: 400 VALIDATION_FAILED", async () => {
    const { siteId, admin, before } = await busySite();
    await expectError(await takeTicket("Demo_Site", admin, "rej"), 400, "VALIDATION_FAILED");
    await expectError(await api(`/api/v1/sites/${"x".repeat(41)}/queue`, { token: admin }), 400, "VALIDATION_FAILED");
    await expectError(await api(`/api/v1/sites/-demo/queue`, { token: admin }), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId.toUpperCase(), "d1", "call-next", admin), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "D1", "call-next", admin), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "d%201", "call-next", admin), 400, "VALIDATION_FAILED");
    await expectUnchanged(siteId, before);
  });

  it("unknown matter: 404 UNKNOWN_MATTER (ticket and transfer)", async () => {
    const { siteId, admin, tickets, before } = await busySite();
    await expectError(await takeTicket(siteId, admin, "paszport"), 404, "UNKNOWN_MATTER");
    await expectError(
      await desk(siteId, "d1", "transfer", admin, { ticketId: tickets[1]!.id, matterId: "paszport" }),
      404,
      "UNKNOWN_MATTER",
    );
    await expectUnchanged(siteId, before);
  });

  it("unknown desk: 404 UNKNOWN_DESK (command, transfer target, live view)", async () => {
    const { siteId, admin, tickets, before } = await busySite();
    await expectError(await desk(siteId, "d9", "call-next", admin), 404, "UNKNOWN_DESK");
    await expectError(await desk(siteId, "d1", "transfer", admin, { ticketId: tickets[1]!.id, deskId: "d9" }), 404, "UNKNOWN_DESK");
    await expectError(
      await api(`/api/v1/sites/${siteId}/live?role=clerk:d9&access_token=${admin}`, { headers: { Upgrade: "websocket" } }),
      404,
      "UNKNOWN_DESK",
    );
    await expectUnchanged(siteId, before);
  });

  it("unknown desk action: 404 NOT_FOUND (and unknown paths under /api)", async () => {
    const { siteId, admin, before } = await busySite();
    await expectError(await desk(siteId, "d1", "explode", admin), 404, "NOT_FOUND");
    await expectError(await desk(siteId, "d1", "Call-Next", admin), 404, "NOT_FOUND");
    await expectError(await api(`/api/v1/sites/${siteId}/nothing-here`, { token: admin }), 404, "NOT_FOUND");
    await expectUnchanged(siteId, before);
  });

  it("unknown ticket for call and transfer: 404 UNKNOWN_TICKET", async () => {
    const { siteId, admin, before } = await busySite();
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: "tk_doesnotexist" }), 404, "UNKNOWN_TICKET");
    await expectError(await desk(siteId, "d2", "transfer", admin, { ticketId: "tk_doesnotexist", matterId: "pj" }), 404, "UNKNOWN_TICKET");
    await expectError(await desk(siteId, "d2", "transfer", admin, { ticketId: "tk_doesnotexist", deskId: "d1" }), 404, "UNKNOWN_TICKET");
    // A ticket of another site is unknown here.
    const other = await freshSite();
    const foreign = (await (await takeTicket(other.siteId, admin, "pj")).json()) as IssuedTicket;
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: foreign.id }), 404, "UNKNOWN_TICKET");
    await expectUnchanged(siteId, before);
  });

  it("unknown e-ticket: 404 UNKNOWN_ETICKET (malformed, unknown, of an unknown site)", async () => {
    const { siteId, tickets, before } = await busySite();
    const real = eticketTokenOf(tickets[1]!);
    const random = real.slice(0, -1) + (real.endsWith("A") ? "B" : "A");
    await expectError(await api(`/api/v1/etickets/${random}`), 404, "UNKNOWN_ETICKET");
    await expectError(await api(`/api/v1/etickets/not-a-token`), 404, "UNKNOWN_ETICKET");
    await expectError(await api(`/api/v1/etickets/${siteId}-ghost.${"A".repeat(22)}`), 404, "UNKNOWN_ETICKET");
    await expectError(await api(`/api/v1/etickets/${random}/live`, { headers: { Upgrade: "websocket" } }), 404, "UNKNOWN_ETICKET");
    await expectUnchanged(siteId, before);
  });
});

describe("bodies", () => {
  it("extra fields: 400 VALIDATION_FAILED (the schemas are strict)", async () => {
    const { siteId, admin, tickets, before } = await busySite();
    await expectError(
      await api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token: admin, json: { matterId: "rej", priority: 1 } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(await desk(siteId, "d2", "call-next", admin, { force: true }), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: tickets[2]!.id, deskId: "d2" }), 400, "VALIDATION_FAILED");
    await expectError(
      await desk(siteId, "d1", "transfer", admin, { ticketId: tickets[1]!.id, matterId: "pj", deskId: "d2" }),
      400,
      "VALIDATION_FAILED",
    );
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin", remember: true } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectUnchanged(siteId, before);
  });

  it("wrong types or missing fields: 400 VALIDATION_FAILED", async () => {
    const { siteId, admin, before } = await busySite();
    const post = (json: unknown) => api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token: admin, json });
    await expectError(await post({ matterId: 5 }), 400, "VALIDATION_FAILED");
    await expectError(await post({ matterId: ["rej"] }), 400, "VALIDATION_FAILED");
    await expectError(await post({ matterId: "REJ" }), 400, "VALIDATION_FAILED");
    await expectError(await post({}), 400, "VALIDATION_FAILED");
    await expectError(await post(null), 400, "VALIDATION_FAILED");
    await expectError(await post(["rej"]), 400, "VALIDATION_FAILED");
    await expectError(await post("rej"), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: 17 }), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: "" }), 400, "VALIDATION_FAILED");
    await expectError(await desk(siteId, "d2", "call", admin), 400, "VALIDATION_FAILED");
    await expectError(
      await api("/api/v1/auth/login", { method: "POST", json: { username: "admin", password: 1234 } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectUnchanged(siteId, before);
  });

  it("invalid JSON: 400 INVALID_JSON", async () => {
    const { siteId, admin, before } = await busySite();
    const raw = (path: string, body: string) =>
      api(path, { method: "POST", token: admin, headers: { "Content-Type": "application/json" }, body });
    await expectError(await raw(`/api/v1/sites/${siteId}/tickets`, '{"matterId": "rej"'), 400, "INVALID_JSON");
    await expectError(await raw(`/api/v1/sites/${siteId}/tickets`, "{matterId: 'rej'}"), 400, "INVALID_JSON");
    await expectError(await raw(`/api/v1/sites/${siteId}/desks/d2/call-next`, "}"), 400, "INVALID_JSON");
    await expectError(await raw("/api/v1/auth/login", '{"username":"admin","password":"admin",}'), 400, "INVALID_JSON");
    await expectUnchanged(siteId, before);
  });

  it("wrong content type: 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const { siteId, admin, before } = await busySite();
    const body = JSON.stringify({ matterId: "rej" });
    const send = (headers: Record<string, string>) =>
      api(`/api/v1/sites/${siteId}/tickets`, { method: "POST", token: admin, headers, body });
    await expectError(await send({ "Content-Type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await send({ "Content-Type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await send({ "Content-Type": "application/jsonp" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await send({}), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(
      await api("/api/v1/auth/login", {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ username: "admin", password: "admin" }),
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d2/call`, {
        method: "POST",
        token: admin,
        headers: { "Content-Type": "text/json" },
        body: JSON.stringify({ ticketId: "x" }),
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectUnchanged(siteId, before);
  });

  it("body over 256 KB: 413 PAYLOAD_TOO_LARGE", async () => {
    const { siteId, admin, before } = await busySite();
    const huge = JSON.stringify({ matterId: "rej", padding: "x".repeat(BIG) });
    await expectError(
      await api(`/api/v1/sites/${siteId}/tickets`, {
        method: "POST",
        token: admin,
        headers: { "Content-Type": "application/json" },
        body: huge,
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d1/finish`, {
        method: "POST",
        token: admin,
        headers: { "Content-Type": "application/json" },
        body: huge,
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    // Without a Content-Length the body is counted as it streams in.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d1/finish`, {
        method: "POST",
        token: admin,
        headers: { "Content-Type": "application/json" },
        body: stream,
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    const site = (await (await api("/api/v1/sites")).json()) as { sites: { id: string; name: string }[] };
    await expectError(
      await api(`/api/v1/sites/${siteId}`, {
        method: "PUT",
        token: admin,
        json: { id: siteId, name: site.sites[0]!.name, padding: "y".repeat(BIG + 1) },
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectUnchanged(siteId, before);
  });
});

describe("desk rules", () => {
  it("finish, start, no-show or recall with no client at the desk: 409 DESK_IDLE", async () => {
    const { siteId, admin, before } = await busySite();
    for (const action of ["finish", "start", "no-show", "recall"]) {
      await expectError(await desk(siteId, "d2", action, admin), 409, "DESK_IDLE");
    }
    await expectUnchanged(siteId, before);
  });

  it("call-next on a paused desk: 409 DESK_PAUSED", async () => {
    const { siteId, admin, tickets } = await busySite();
    expect((await desk(siteId, "d2", "pause", admin)).status).toBe(200);
    const before = await storedState(siteId);
    expect(before.desks.find((d) => d.id === "d2")).toMatchObject({ status: "paused", ticket_id: null });
    await expectError(await desk(siteId, "d2", "call-next", admin), 409, "DESK_PAUSED");
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: tickets[2]!.id }), 409, "DESK_PAUSED");
    await expectError(await desk(siteId, "d2", "pause", admin), 409, "DESK_PAUSED");
    await expectUnchanged(siteId, before);
  });

  it("call-next or pause while a client is at the desk: 409 DESK_BUSY", async () => {
    const { siteId, admin, tickets, before } = await busySite();
    await expectError(await desk(siteId, "d1", "call-next", admin), 409, "DESK_BUSY");
    await expectError(await desk(siteId, "d1", "call", admin, { ticketId: tickets[2]!.id }), 409, "DESK_BUSY");
    await expectError(await desk(siteId, "d1", "pause", admin), 409, "DESK_BUSY");
    await expectUnchanged(siteId, before);
  });

  it("resume a desk that is not paused: 409 DESK_NOT_PAUSED", async () => {
    const { siteId, admin, before } = await busySite();
    await expectError(await desk(siteId, "d2", "resume", admin), 409, "DESK_NOT_PAUSED");
    await expectError(await desk(siteId, "d1", "resume", admin), 409, "DESK_NOT_PAUSED");
    await expectUnchanged(siteId, before);
  });

  it("no-show, recall or start again after service has started: 409 ALREADY_SERVING", async () => {
    const { siteId, admin } = await busySite();
    expect((await desk(siteId, "d1", "start", admin)).status).toBe(200);
    const before = await storedState(siteId);
    expect(before.tickets.find((t) => t.number === "R001")).toMatchObject({ status: "serving", desk_id: "d1" });
    await expectError(await desk(siteId, "d1", "no-show", admin), 409, "ALREADY_SERVING");
    await expectError(await desk(siteId, "d1", "recall", admin), 409, "ALREADY_SERVING");
    await expectError(await desk(siteId, "d1", "start", admin), 409, "ALREADY_SERVING");
    await expectUnchanged(siteId, before);
  });
});

describe("tickets a desk may not take, tickets an office cannot serve", () => {
  it("call or transfer against the rules: MATTER_NOT_SERVED, TICKET_NOT_WAITING, TRANSFER_TARGET_INVALID, TICKET_CLOSED (409)", async () => {
    const { siteId, admin, tickets } = await busySite();
    const [r1, r2] = [tickets[0]!, tickets[1]!];
    expect((await desk(siteId, "d1", "finish", admin)).status).toBe(200);
    const before = await storedState(siteId);
    // d2 serves "pj" only.
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: r2.id }), 409, "MATTER_NOT_SERVED");
    // R001 has been served: it cannot be called or moved any more.
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: r1.id }), 409, "TICKET_CLOSED");
    await expectError(await desk(siteId, "d1", "transfer", admin, { ticketId: r1.id, matterId: "pj" }), 409, "TICKET_CLOSED");
    // Moving a waiting ticket to the queue it already stands in.
    await expectError(await desk(siteId, "d1", "transfer", admin, { ticketId: r2.id, matterId: "rej" }), 409, "TRANSFER_TARGET_INVALID");
    await expectUnchanged(siteId, before);
    // R002 at d1: another desk may not call it away.
    expect((await desk(siteId, "d1", "call-next", admin)).status).toBe(200);
    const during = await storedState(siteId);
    await expectError(await desk(siteId, "d2", "call", admin, { ticketId: r2.id }), 409, "TICKET_NOT_WAITING");
    await expectError(await desk(siteId, "d1", "transfer", admin, { ticketId: r2.id, deskId: "d1" }), 409, "TRANSFER_TARGET_INVALID");
    await expectUnchanged(siteId, during);
  });

  it("a ticket when the office is closed (SITE_CLOSED) or no desk for the matter is open (MATTER_UNAVAILABLE): 409", async () => {
    const closed = await freshSite({ openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    const closedBefore = await storedState(closed.siteId);
    await expectError(await takeTicket(closed.siteId, closed.admin, "rej"), 409, "SITE_CLOSED");
    await expectUnchanged(closed.siteId, closedBefore);

    const { siteId, admin } = await freshSite();
    expect((await desk(siteId, "d1", "pause", admin)).status).toBe(200);
    const before = await storedState(siteId);
    // "rej" is served at d1 only, which is on a break; "pj" still has d2.
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "MATTER_UNAVAILABLE");
    await expectUnchanged(siteId, before);
    expect((await takeTicket(siteId, admin, "pj")).status).toBe(201);
  });
});

describe("idempotency keys", () => {
  it("a malformed Idempotency-Key: 400 IDEMPOTENCY_KEY_INVALID, and nothing is done", async () => {
    const { siteId, admin, before } = await busySite();
    for (const key of ["short", "has space in it", "x".repeat(101), "key/with/slash", "key.with.dots", "klucz+plus=1234"]) {
      await expectError(await takeTicket(siteId, admin, "rej", key), 400, "IDEMPOTENCY_KEY_INVALID");
    }
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d2/call-next`, { method: "POST", token: admin, headers: { "Idempotency-Key": "" } }),
      400,
      "IDEMPOTENCY_KEY_INVALID",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d2/call-next`, { method: "POST", token: admin, headers: { "Idempotency-Key": "abc" } }),
      400,
      "IDEMPOTENCY_KEY_INVALID",
    );
    await expectUnchanged(siteId, before);
  });

  it("the same key with another request: 422 IDEMPOTENCY_KEY_REUSED", async () => {
    const { siteId, admin } = await busySite();
    const first = await takeTicket(siteId, admin, "pj", "kiosk-retry-0001");
    expect(first.status).toBe(201);
    const callKey = { headers: { "Idempotency-Key": "desk-cmd-key-0001" } };
    const called = await api(`/api/v1/sites/${siteId}/desks/d2/call-next`, { method: "POST", token: admin, ...callKey });
    expect(called.status).toBe(200);
    const before = await storedState(siteId);
    expect(before.idempotency).toHaveLength(2);
    await expectError(await takeTicket(siteId, admin, "rej", "kiosk-retry-0001"), 422, "IDEMPOTENCY_KEY_REUSED");
    // The same key on another desk, or for another command, is another request.
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d1/finish`, { method: "POST", token: admin, ...callKey }),
      422,
      "IDEMPOTENCY_KEY_REUSED",
    );
    await expectError(
      await api(`/api/v1/sites/${siteId}/desks/d2/finish`, { method: "POST", token: admin, ...callKey }),
      422,
      "IDEMPOTENCY_KEY_REUSED",
    );
    await expectUnchanged(siteId, before);
    // A true retry still gets the first answer.
    const again = await takeTicket(siteId, admin, "pj", "kiosk-retry-0001");
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    await expectUnchanged(siteId, before);
  });
});

describe("signing in", () => {
  /** A client address of this test alone (documentation range 2001:db8::/32), so no other test's logins are counted with it. */
  const ip = () => {
    const hex = crypto.randomUUID().replace(/-/g, "");
    return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}:${hex.slice(16, 20)}:${hex.slice(20, 24)}`;
  };
  const attempt = (username: string, password: string, clientIp: string) =>
    api("/api/v1/auth/login", { method: "POST", headers: { "CF-Connecting-IP": clientIp }, json: { username, password } });

  it("wrong password or unknown user: 401 BAD_CREDENTIALS, no token", async () => {
    const clientIp = ip();
    await expectError(await attempt("kierownik", "not-the-password", clientIp), 401, "BAD_CREDENTIALS");
    await expectError(await attempt(`nobody-${crypto.randomUUID()}`, "demo", clientIp), 401, "BAD_CREDENTIALS");
    await expectError(await attempt("KIEROWNIK", "demo", clientIp), 401, "BAD_CREDENTIALS");
    // The right password still works afterwards.
    const ok = await attempt("kierownik", "demo", clientIp);
    expect(ok.status).toBe(200);
  });

  it("five failures lock the user name at that client address: 429 RATE_LIMITED", async () => {
    const clientIp = ip();
    const username = `ghost-${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) await expectError(await attempt(username, `guess-${i}`, clientIp), 401, "BAD_CREDENTIALS");
    await expectError(await attempt(username, "guess-5", clientIp), 429, "RATE_LIMITED");
    // The same user name from another address is still checked...
    await expectError(await attempt(username, "guess-6", ip()), 401, "BAD_CREDENTIALS");
    // ...and other users at the same address sign in.
    expect((await attempt("kierownik", "demo", clientIp)).status).toBe(200);
    // Other users from other addresses are not affected.
    expect((await attempt("kierownik", "demo", ip())).status).toBe(200);
  });
});

describe("live sockets", () => {
  it("a live endpoint without the upgrade header: 426 UPGRADE_REQUIRED", async () => {
    const { siteId, admin, tickets, before } = await busySite();
    await expectError(await api(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`), 426, "UPGRADE_REQUIRED");
    await expectError(await api(`/api/v1/sites/${siteId}/live?role=display`, { token: admin }), 426, "UPGRADE_REQUIRED");
    await expectError(await api(`/api/v1/etickets/${eticketTokenOf(tickets[1]!)}/live`), 426, "UPGRADE_REQUIRED");
    await expectError(
      await api(`/api/v1/etickets/${eticketTokenOf(tickets[1]!)}/live`, { headers: { Upgrade: "h2c" } }),
      426,
      "UPGRADE_REQUIRED",
    );
    await expectUnchanged(siteId, before);
  });

  it("an invalid live role or query: 400 VALIDATION_FAILED", async () => {
    const { siteId, admin, before } = await busySite();
    const open = (query: string) =>
      api(`/api/v1/sites/${siteId}/live?${query}&access_token=${admin}`, { headers: { Upgrade: "websocket" } });
    await expectError(await open("role=boss"), 400, "VALIDATION_FAILED");
    await expectError(await open("role=clerk"), 400, "VALIDATION_FAILED");
    await expectError(await open("role=desk:D1"), 400, "VALIDATION_FAILED");
    await expectError(await open("role=display&debug=1"), 400, "VALIDATION_FAILED");
    await expectError(
      await api(`/api/v1/sites/${siteId}/live?access_token=${admin}`, { headers: { Upgrade: "websocket" } }),
      400,
      "VALIDATION_FAILED",
    );
    await expectUnchanged(siteId, before);
  });

  it("an invalid WebSocket message gets an error frame and the socket stays usable", async () => {
    const { siteId, admin, before } = await busySite();
    const sock = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await sock.waitFor((m) => m.type === "snapshot");
    const bad = [
      "not json",
      "{}",
      JSON.stringify({ type: "subscribe" }),
      JSON.stringify({ type: "resync", all: true }),
      JSON.stringify({ type: "ack" }),
      "[]",
      "null",
    ];
    for (const frame of bad) sock.ws.send(frame);
    // Too big, or not text: refused as a bad frame.
    sock.ws.send(JSON.stringify({ type: "resync", pad: "x".repeat(5000) }));
    sock.ws.send(new TextEncoder().encode(JSON.stringify({ type: "resync" })));
    const errorsSeen = () => sock.messages.filter((m) => m.type === "error");
    await sock.waitFor(() => errorsSeen().length === bad.length + 2);
    expect(errorsSeen().map((e) => e.type === "error" && e.code)).toEqual([
      ...bad.map(() => "VALIDATION_FAILED"),
      "BAD_REQUEST",
      "BAD_REQUEST",
    ]);
    for (const e of errorsSeen()) expectNoInternals(JSON.stringify(e));
    // None of them was taken for a resync.
    expect(sock.messages.filter((m) => m.type === "snapshot")).toHaveLength(1);
    const count = sock.messages.length;
    sock.ws.send(JSON.stringify({ type: "resync" }));
    const snap = await sock.waitFor((m) => m.type === "snapshot" && sock.messages.indexOf(m) >= count);
    expect(snap.type === "snapshot" && snap.seq).toBe(before.seq);
    expect(view(snap).desks).toContainEqual({ id: "d1", name: "Stanowisko 1", status: "open", number: "R001" });
    sock.close();
    await expectUnchanged(siteId, before);
  });

  it('"ack" from a socket that is not the print agent: FORBIDDEN error frame, the job stays pending', async () => {
    const { siteId, admin, tickets, before } = await busySite();
    const agent = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=agent&access_token=${admin}`);
    const jobs = view(await agent.waitFor((m) => m.type === "snapshot")).jobs as { id: string; kind: string; number?: string }[];
    const announce = jobs.find((j) => j.kind === "announce" && j.number === "R001");
    expect(announce).toBeDefined();
    const screen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await screen.waitFor((m) => m.type === "snapshot");
    screen.ws.send(JSON.stringify({ type: "ack", jobId: announce!.id }));
    const err = await screen.waitFor((m) => m.type === "error");
    expect(err).toMatchObject({ type: "error", code: "FORBIDDEN" });
    // Nor may a citizen's e-ticket page.
    const eticket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(tickets[1]!)}/live`);
    await eticket.waitFor((m) => m.type === "snapshot");
    eticket.ws.send(JSON.stringify({ type: "ack", jobId: announce!.id }));
    expect(await eticket.waitFor((m) => m.type === "error")).toMatchObject({ type: "error", code: "FORBIDDEN" });
    eticket.close();
    // The job is still there for the real agent.
    const count = agent.messages.length;
    agent.ws.send(JSON.stringify({ type: "resync" }));
    const again = await agent.waitFor((m) => m.type === "snapshot" && agent.messages.indexOf(m) >= count);
    expect((view(again).jobs as { id: string }[]).map((j) => j.id)).toContain(announce!.id);
    agent.close();
    screen.close();
    await expectUnchanged(siteId, before);
  });
});
