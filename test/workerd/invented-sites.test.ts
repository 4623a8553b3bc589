// No storage for invented ids: a public route or socket naming a site that does not exist (in its path,
// its body, or as the prefix of an e-ticket token, booking id or outbox message id) answers 404 and
// creates no site object. The check lists the objects that have storage on disk, so it wakes none itself.
import { listDurableObjectIds } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { twilioSignature } from "../../objects/sms/twilio-signature.ts";
import { app } from "../../worker/app.ts";
import type { Env } from "../../worker/env.ts";
import { api, BASE, freshSite, testEnv } from "./helpers.ts";

const PUBLIC_URL = "https://numerek.example";
const AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
const twilioEnv: Env = { ...testEnv, PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN };

const RANDOM22 = "AAAAAAAAAAAAAAAAAAAAAA";
const RANDOM16 = "BBBBBBBBBBBBBBBB";

/** The ids of the site objects that have any storage. */
async function storedSiteObjects(): Promise<string[]> {
  return (await listDurableObjectIds(testEnv.SITE)).map((id) => id.toString());
}

async function listedSites(): Promise<string[]> {
  const res = await api("/api/v1/sites");
  expect(res.status).toBe(200);
  return ((await res.json()) as { sites: { id: string }[] }).sites.map((s) => s.id).sort();
}

/** Every public way to name a site, each with its own invented site id. */
function attacks(prefix: string): { name: string; siteId: string; send: () => Promise<Response> }[] {
  const id = (n: string) => `${prefix}-${n}`;
  const form = { MessageSid: "SM0123", MessageStatus: "delivered" };
  return [
    { name: "e-ticket", siteId: id("et"), send: () => api(`/api/v1/etickets/${id("et")}.${RANDOM22}`) },
    {
      name: "e-ticket SMS notice",
      siteId: id("en"),
      send: () => api(`/api/v1/etickets/${id("en")}.${RANDOM22}/notify`, { method: "POST", json: { phone: "600700800", ahead: 3 } }),
    },
    {
      name: "e-ticket browser notification",
      siteId: id("ep"),
      send: () =>
        api(`/api/v1/etickets/${id("ep")}.${RANDOM22}/push`, {
          method: "POST",
          json: {
            subscription: {
              endpoint: "https://fcm.googleapis.com/fcm/send/x",
              keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) },
            },
            ahead: 3,
          },
        }),
    },
    {
      name: "e-ticket socket",
      siteId: id("el"),
      send: () => api(`/api/v1/etickets/${id("el")}.${RANDOM22}/live`, { headers: { Upgrade: "websocket" } }),
    },
    { name: "free slots", siteId: id("av"), send: () => api(`/api/v1/sites/${id("av")}/availability?matterId=rej`) },
    {
      name: "new booking",
      siteId: id("bk"),
      send: () =>
        api("/api/v1/bookings", {
          method: "POST",
          json: {
            siteId: id("bk"),
            matterId: "rej",
            start: "2030-01-07T09:00:00Z",
            name: "Jan Kowalski",
            phone: "600700800",
            consent: true,
          },
        }),
    },
    { name: "booking", siteId: id("bg"), send: () => api(`/api/v1/bookings/${id("bg")}.${RANDOM22}?token=${RANDOM22}`) },
    {
      name: "booking code resend",
      siteId: id("br"),
      send: () => api(`/api/v1/bookings/${id("br")}.${RANDOM22}/resend`, { method: "POST" }),
    },
    {
      name: "booking confirm",
      siteId: id("bc"),
      send: () => api(`/api/v1/bookings/${id("bc")}.${RANDOM22}/confirm`, { method: "POST", json: { code: "123456" } }),
    },
    {
      name: "booking cancel",
      siteId: id("bx"),
      send: () => api(`/api/v1/bookings/${id("bx")}.${RANDOM22}/cancel`, { method: "POST", json: { token: RANDOM22 } }),
    },
    {
      name: "SMS delivery report",
      siteId: id("sm"),
      send: async () => {
        const ref = `sms_${id("sm")}.${RANDOM16}`;
        const signature = await twilioSignature(AUTH_TOKEN, `${PUBLIC_URL}/api/v1/sms/status?ref=${ref}`, form);
        const req = new Request(`${BASE}/api/v1/sms/status?ref=${ref}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
          body: new URLSearchParams(form).toString(),
        });
        return app.fetch(req, twilioEnv);
      },
    },
  ];
}

describe("invented site ids", () => {
  it("every public route and socket naming an unknown site answers 404 and creates no site object", async () => {
    await freshSite(); // the directory and the demo are up, so only the attacks below could add objects
    const sitesBefore = await listedSites();
    const objectsBefore = await storedSiteObjects();
    const prefix = `nx${Date.now().toString(36)}`;
    for (const attack of attacks(prefix)) {
      const res = await attack.send();
      expect(res.status, `${attack.name}: ${await res.clone().text()}`).toBe(404);
    }
    expect(await listedSites()).toEqual(sitesBefore);
    const objectsAfter = await storedSiteObjects();
    expect(objectsAfter.sort()).toEqual(objectsBefore.sort());
    for (const attack of attacks(prefix)) {
      expect(objectsAfter, attack.name).not.toContain(testEnv.SITE.idFromName(attack.siteId).toString());
    }
  });

  it("the check sees a site object as soon as it has storage (so the test above can fail)", async () => {
    const { siteId } = await freshSite();
    expect(await storedSiteObjects()).toContain(testEnv.SITE.idFromName(siteId).toString());
  });
});
