// Toruń's administrator reaches nothing of Koszalin through any route the OpenAPI document lists, nor
// its live socket. Every operation of the document falls in one class: a route their role may not call
// (FORBIDDEN), a route of a site (a Koszalin site: SITE_FORBIDDEN), a route of an organisation's staff,
// log or settings (?org=koszalin: ORGANISATION_FORBIDDEN; a Koszalin account's name in the path:
// UNKNOWN_ACCOUNT, as Toruń has no such account), one's own account, or a public route listed below
// with its reason. A new route falls in a class by its shape, or the test fails until it is classed.
// Afterwards every row of Koszalin's directory, its site and the registry reads back as before.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CONTRACT, type RouteContract } from "../../protocol/contract.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { roleAdmitted } from "../../protocol/roles.ts";
import type { RouteName } from "../../protocol/routes.ts";
import { api, directoryOf, expectError, login, registryObject, storedState } from "./helpers.ts";

const SITE = "koszalin-usc";
const ACCOUNT = "koszalin-admin";

/** Routes anyone may call without a token, and why that gives away nothing of an organisation's. */
const PUBLIC: Partial<Record<RouteName, string>> = {
  login: "signs in; an account's organisation comes from its own directory",
  openapi: "the API's description",
  sites: "the public list of offices (names, addresses, matters) that booking pages show",
  availability: "a site's free booking times, public by design",
  bookingConfig: "what the public booking page offers",
  createBooking: "a citizen books a visit",
  booking: "a booking, by its unguessable id",
  resendBookingCode: "a booking, by its unguessable id",
  confirmBooking: "a booking, by its unguessable id",
  rescheduleBooking: "a booking, by its unguessable id",
  cancelBooking: "a booking, by its unguessable id",
  eticket: "an e-ticket, by its unguessable token",
  eticketNotify: "an e-ticket, by its unguessable token",
  eticketPush: "an e-ticket, by its unguessable token",
  pushKey: "the deployment's public VAPID key, public by design",
  eticketLive: "an e-ticket's socket, by its unguessable token",
  smsStatus: "Twilio's delivery reports, signed by Twilio",
  devOutbox: "the demo's outbox, in demo mode only",
  startPairing: "a device asks for a code to show; it learns nothing, and pairing it takes a manager of its site",
  pairingState: "a waiting device's own pairing, by its unguessable secret",
  publicSites: "every office's name and address, public by design",
  publicSiteStatus: "an office's live queues in figures, no personal data, public by design",
  publicQueueMonitor: "the same figures as FIWARE entities",
  warsawFeed: "the same figures in Warsaw's open queue shape",
  publicOpenData: "an office's daily aggregates, published as open data",
};

/** Routes of one's own account only. */
const OWN: Partial<Record<RouteName, string>> = {
  changePassword: "changes the caller's own password",
};

/** A body an organisation's route accepts, so that what refuses it is the organisation, not its shape. */
const BODIES: Partial<Record<RouteName, unknown>> = {
  createStaff: { username: "torun-przejecie", password: "przejecie-hasla-1", role: "clerk", siteIds: [SITE] },
  assignStaff: { role: "manager", siteIds: [SITE] },
  disableStaff: {},
  enableStaff: {},
  staffPassword: { password: "przejecie-hasla-1" },
  staffSignOut: {},
  setAuditRetention: { days: 30 },
  pairDevice: { code: "ACD-EFH", deviceId: "k1" },
  revokeDevice: {},
};

/** Query parameters an organisation's route requires, so that what refuses it is the organisation. */
const QUERIES: Partial<Record<RouteName, string>> = {
  organisationStatistics: "&from=2026-11-01&to=2026-11-30",
};

interface Operation {
  name: RouteName;
  method: string;
  /** OpenAPI form: /api/v1/sites/{siteId} */
  path: string;
  secured: boolean;
  query: string[];
  hasBody: boolean;
}

type Doc = {
  paths: Record<
    string,
    Record<string, { operationId: RouteName; security?: unknown; parameters?: { name: string; in: string }[]; requestBody?: unknown }>
  >;
};

async function operations(): Promise<Operation[]> {
  const doc = (await (await api("/api/openapi.json")).json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      name: op.operationId,
      method: method.toUpperCase(),
      path,
      secured: op.security !== undefined,
      query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      hasBody: op.requestBody !== undefined,
    })),
  );
}

/** The path with Koszalin's site, a desk, a message and an account filled in. */
function filled(path: string): string {
  return path
    .replace("{siteId}", SITE)
    .replace("{deskId}", "d1")
    .replace("{messageId}", "ms_00000000000000000000")
    .replace("{username}", ACCOUNT);
}

function send(op: Operation, token: string, query = ""): Promise<Response> {
  const url = `${filled(op.path)}${query}`;
  const spec: RouteContract = CONTRACT[op.name];
  if (spec.status === 101) {
    return api(`${url}${query ? "&" : "?"}role=display&access_token=${token}`, { headers: { Upgrade: "websocket" } });
  }
  const body = BODIES[op.name] ?? {};
  return api(url, { method: op.method, token, ...(op.method === "GET" ? {} : { json: body }) });
}

/** Every row of Koszalin's directory, its site object and the registry. */
async function koszalinRows(): Promise<unknown> {
  const tables = (stub: DurableObjectStub, names: string[]) =>
    runInDurableObject(stub, (_i: unknown, state: DurableObjectState) =>
      Object.fromEntries(names.map((t) => [t, state.storage.sql.exec(`SELECT * FROM ${t} ORDER BY 1`).toArray()])),
    );
  return {
    directory: await tables(directoryOf("koszalin"), ["accounts", "account_access", "audit_log", "meta", "sites"]),
    registry: await tables(registryObject(), ["organisations", "sites", "users"]),
    site: await storedState(SITE),
  };
}

describe("an administrator of Toruń and everything of Koszalin", () => {
  it("every route of the OpenAPI document refuses them with its code, and nothing of Koszalin changes", async () => {
    // Koszalin's administrator signs in first (the demo loads Koszalin), then Toruń's.
    await login(ACCOUNT, "demo");
    const torun = await login("torun-admin", "demo");
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(40);
    const before = await koszalinRows();
    const tried: string[] = [];

    for (const op of ops) {
      const what = `${op.name} (${op.method} ${op.path})`;
      const expectRefused = async (res: Response, status: number, code: ErrorCode, how: string) => {
        expect(res.status, `${what}${how}: ${await res.clone().text()}`).toBe(status);
        await expectError(res, status, code);
        tried.push(`${op.name}${how}`);
      };
      if (!op.secured) {
        expect(PUBLIC[op.name], `${what} is public: list it in PUBLIC with why it gives nothing of an organisation away`).toBeDefined();
        continue;
      }
      const spec: RouteContract = CONTRACT[op.name];
      const auth = spec.auth ?? [];
      if (!roleAdmitted("org-admin", auth)) {
        await expectRefused(await send(op, torun), 403, "FORBIDDEN", "");
      } else if (op.path.includes("{siteId}")) {
        // Creating a site under an id another organisation has is SITE_ID_TAKEN; anything else there SITE_FORBIDDEN.
        if (op.name === "putSite") await expectRefused(await send(op, torun), 409, "SITE_ID_TAKEN", "");
        else await expectRefused(await send(op, torun), 403, "SITE_FORBIDDEN", "");
      } else if (op.query.includes("org")) {
        expect(op.hasBody && BODIES[op.name] === undefined, `${what}: give BODIES a body it accepts`).toBe(false);
        await expectRefused(
          await send(op, torun, `?org=koszalin${QUERIES[op.name] ?? ""}`),
          403,
          "ORGANISATION_FORBIDDEN",
          " ?org=koszalin",
        );
        // Without ?org= it is Toruń's own: a Koszalin account's name is no account of Toruń.
        if (op.path.includes("{username}")) await expectRefused(await send(op, torun), 404, "UNKNOWN_ACCOUNT", ` of ${ACCOUNT}`);
      } else {
        expect(OWN[op.name], `${what}: a route of neither a site nor an organisation; class it here`).toBeDefined();
      }
    }
    expect(tried.length).toBeGreaterThanOrEqual(30);
    // Each class was met: the document is what the test walked.
    expect(tried).toEqual(
      expect.arrayContaining(["organisations", "queue", "siteLive", "siteConfig", "staff ?org=koszalin", "audit ?org=koszalin"]),
    );
    expect(tried).toEqual(expect.arrayContaining([`staffPassword of ${ACCOUNT}`, "setAuditRetention ?org=koszalin", "putSite"]));
    expect(await koszalinRows()).toEqual(before);
  });

  it("the live socket of a Koszalin site refuses a Toruń administrator's token in every role", async () => {
    await login(ACCOUNT, "demo");
    const torun = await login("torun-admin", "demo");
    for (const role of ["display", "agent", "desk:d1", "clerk:d1"]) {
      const res = await api(`/api/v1/sites/${SITE}/live?role=${role}&access_token=${torun}`, { headers: { Upgrade: "websocket" } });
      expect(res.webSocket, role).toBeNull();
      await expectError(res, 403, "SITE_FORBIDDEN");
    }
    // Koszalin's own administrator is let in.
    const koszalin = await login(ACCOUNT, "demo");
    const own = await api(`/api/v1/sites/${SITE}/live?role=display&access_token=${koszalin}`, { headers: { Upgrade: "websocket" } });
    expect(own.status).toBe(101);
    own.webSocket?.accept();
    own.webSocket?.close(1000, "done");
  });
});
