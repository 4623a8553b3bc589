// Browser notifications of the e-ticket (Web Push, RFC 8291/8292) through the real Worker and site object,
// sent to a loopback push service (scripts/push-stand-in.mjs) that checks the VAPID signature and decrypts
// the payload as a browser would: one notification when the turn is near and one at the call, a subscription
// the push service says has ended (410) deleted, and bad subscriptions refused with nothing stored.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addDays } from "../../objects/booking/dates.ts";
import { DEMO_VAPID_KEYS } from "../../objects/push/vapid-keys.ts";
import type { SiteQueue } from "../../objects/site-queue.ts";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { PushPayload } from "../../protocol/push.ts";
import type { ReceivedPush, StandInSubscription } from "../../scripts/push-stand-in.mjs";
import { app } from "../../worker/app.ts";
import type { Env } from "../../worker/env.ts";
import { act, api, BASE, eticketTokenOf, expectError, freshSite, issue, login, siteObject, siteSql, testEnv } from "./helpers.ts";

const service = () => inject("pushService");

/** A browser's subscription at the stand-in, made with the server's public key (as the e-ticket does). */
async function browserSubscription(): Promise<StandInSubscription & { id: string }> {
  const key = (await (await api("/api/v1/push/key")).json()) as { publicKey: string };
  expect(key.publicKey).toBe(DEMO_VAPID_KEYS.publicKey);
  const res = await fetch(`${service().origin}/subscriptions`, {
    method: "POST",
    body: JSON.stringify({ applicationServerKey: key.publicKey }),
  });
  expect(res.status).toBe(201);
  const sub = (await res.json()) as StandInSubscription;
  return { ...sub, id: sub.endpoint.split("/").at(-1) ?? "" };
}

/** The site object sends to the stand-in: requests for its public https origin go to its loopback address. */
async function sendThroughStandIn(siteId: string): Promise<void> {
  const { origin, publicOrigin } = service();
  await runInDurableObject(siteObject(siteId), (site: SiteQueue) => {
    site.pusher.useTransport((url, init) => {
      if (!url.startsWith(`${publicOrigin}/`)) throw new Error("only the stand-in is reachable here");
      return fetch(`${origin}${url.slice(publicOrigin.length)}`, init);
    });
  });
}

async function received(id: string): Promise<ReceivedPush[]> {
  const res = await fetch(`${service().origin}/received?subscription=${id}`);
  return ((await res.json()) as { messages: ReceivedPush[] }).messages;
}

/** The stand-in's record once `count` messages reached it (sending follows the commit, off the command's path). */
async function receivedWhen(id: string, count: number): Promise<ReceivedPush[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const got = await received(id);
    if (got.length >= count || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 25));
  }
}

function subscribe(ticket: IssuedTicket, json: unknown): Promise<Response> {
  return api(`/api/v1/etickets/${eticketTokenOf(ticket)}/push`, { method: "POST", json });
}

const stored = (siteId: string) => siteSql(siteId, "SELECT id, ticket_id, pending FROM push_subscriptions");

describe("e-ticket browser notifications (Web Push)", () => {
  // The first sign-in of a run seeds the demo directory (PBKDF2 for every demo account): not the tests' time.
  beforeAll(() => login("admin", "admin"));

  it("sends one valid, decryptable notification when the turn is near and one at the call, in the ticket's language", async () => {
    const { siteId, admin } = await freshSite();
    await sendThroughStandIn(siteId);
    const tickets: IssuedTicket[] = [];
    for (let i = 0; i < 3; i++) tickets.push(await issue(siteId, admin, "rej"));
    const third = tickets[2]!;
    const browser = await browserSubscription();

    const res = await subscribe(third, { subscription: browser, ahead: 1, lang: "pl" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ahead: 1, on: true });
    // The same subscription again changes nothing.
    expect((await subscribe(third, { subscription: browser, ahead: 1, lang: "pl" })).status).toBe(202);
    // Two people ahead: nothing due (a notification due is written with the change that makes it due).
    expect(await stored(siteId)).toEqual([expect.objectContaining({ pending: null })]);
    expect(await received(browser.id)).toEqual([]);

    // R001 is called: one person ahead of R003, its turn is near.
    await act(siteId, "d1", "call-next", admin);
    const near = await receivedWhen(browser.id, 1);
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ status: 201, errors: [], urgency: "high", topic: "numerek-turn" });
    expect(Number(near[0]!.ttl)).toBeGreaterThan(0);
    // What the service worker turns into "Twoja kolej się zbliża: R003" / "Przed Tobą jest 1 osoba."
    // (clients/eticket/push-text.test.ts): the ticket, the people ahead, the ticket's language and its link.
    const payload = JSON.parse(near[0]!.payload ?? "null") as PushPayload;
    expect(payload).toEqual({ v: 1, kind: "near", number: "R003", ahead: 1, lang: "pl", url: expect.stringMatching(/\/t\//) });
    expect(payload.url.endsWith(`/t/${eticketTokenOf(third)}`)).toBe(true);

    // The queue moves on: no second "near"; the call of R003 to desk 1 is told once.
    await act(siteId, "d1", "finish", admin);
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    expect(await stored(siteId)).toEqual([expect.objectContaining({ pending: null })]);
    expect(await received(browser.id)).toHaveLength(1);
    await act(siteId, "d1", "call-next", admin);
    const both = await receivedWhen(browser.id, 2);
    expect(both).toHaveLength(2);
    expect(both[1]).toMatchObject({ status: 201, errors: [] });
    // "Numer R003: zapraszamy do stanowiska 1".
    expect(JSON.parse(both[1]!.payload ?? "null")).toEqual({
      v: 1,
      kind: "called",
      number: "R003",
      desk: "1",
      lang: "pl",
      url: payload.url,
    });
    // Sent: nothing is left pending; the endpoint stays only for the ticket's day.
    expect(await stored(siteId)).toEqual([expect.objectContaining({ pending: null })]);
  });

  it("deletes a subscription the push service says has ended (410)", async () => {
    const { siteId, admin } = await freshSite();
    await sendThroughStandIn(siteId);
    const first = await issue(siteId, admin, "rej");
    const second = await issue(siteId, admin, "rej");
    const browser = await browserSubscription();
    expect((await subscribe(second, { subscription: browser, ahead: 1, lang: "en" })).status).toBe(202);
    // The stand-in has just sent "near" (one ahead already): wait for it, then the browser unsubscribes.
    expect((await receivedWhen(browser.id, 1))[0]).toMatchObject({ status: 201 });
    expect((await fetch(`${service().origin}/subscriptions/${browser.id}/gone`, { method: "POST" })).status).toBe(204);
    expect(await stored(siteId)).toHaveLength(1);

    // R001 is called, then R002: its call is sent, answered 410, and the subscription is gone.
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    await act(siteId, "d1", "call-next", admin);
    const got = await receivedWhen(browser.id, 2);
    expect(got.map((m) => m.status)).toEqual([201, 410]);
    const until = Date.now() + 5_000;
    while ((await stored(siteId)).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(await stored(siteId)).toEqual([]);
    expect(first.number).toBe("R001");
  });

  it("refuses bad subscriptions with 400 and a stable code, storing nothing", async () => {
    const { siteId, admin } = await freshSite();
    // The subscriptions taken below are due at once (nobody ahead): they must not leave this machine.
    await sendThroughStandIn(siteId);
    const ticket = await issue(siteId, admin, "rej");
    const good = { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) } };
    const bad = (subscription: unknown, extra: Record<string, unknown> = {}) => subscribe(ticket, { subscription, ahead: 2, ...extra });

    await expectError(await bad({ ...good, endpoint: "http://fcm.googleapis.com/fcm/send/abc" }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, endpoint: "https://127.0.0.1/push/1" }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, endpoint: `https://fcm.googleapis.com/${"x".repeat(1100)}` }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, keys: { ...good.keys, p256dh: "A".repeat(86) } }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, keys: { ...good.keys, auth: "A".repeat(21) } }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, keys: { ...good.keys, auth: "not base64!" } }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ endpoint: good.endpoint }), 400, "VALIDATION_FAILED");
    await expectError(await bad(good, { ahead: 0 }), 400, "VALIDATION_FAILED");
    await expectError(await bad(good, { lang: "de" }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, endpoint: "https://localhost/push/1" }), 400, "VALIDATION_FAILED");
    await expectError(await bad({ ...good, endpoint: "https://printer.local/push/1" }), 400, "PUSH_ENDPOINT_NOT_ALLOWED");
    await expectError(await bad({ ...good, endpoint: "https://fcm.googleapis.com:8443/fcm/send/abc" }), 400, "PUSH_ENDPOINT_NOT_ALLOWED");
    await expectError(
      await bad({ ...good, endpoint: "https://user:pw@fcm.googleapis.com/fcm/send/abc" }),
      400,
      "PUSH_ENDPOINT_NOT_ALLOWED",
    );
    expect(await stored(siteId)).toEqual([]);

    // An invented e-ticket is 404; a good subscription is taken, a fourth browser for one ticket is not.
    await expectError(
      await api(`/api/v1/etickets/${siteId}.${"A".repeat(22)}/push`, { method: "POST", json: { subscription: good, ahead: 2 } }),
      404,
      "UNKNOWN_ETICKET",
    );
    for (let i = 0; i < 3; i++) expect((await bad({ ...good, endpoint: `${good.endpoint}${i}` })).status).toBe(202);
    await expectError(await bad({ ...good, endpoint: `${good.endpoint}9` }), 429, "RATE_LIMITED");
    expect(await stored(siteId)).toHaveLength(3);
  });

  it("production without VAPID keys offers no push (503), and with its own keys sends only to the push services browsers use", async () => {
    const { siteId, admin } = await freshSite();
    await sendThroughStandIn(siteId);
    const ticket = await issue(siteId, admin, "rej");
    const production = (over: Partial<Env> = {}): Env => ({
      ...testEnv,
      NUMEREK_MODE: "production",
      AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
      ...over,
    });
    const push = (e: Env, endpoint: string) =>
      app.fetch(
        new Request(`${BASE}/api/v1/etickets/${eticketTokenOf(ticket)}/push`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ subscription: { endpoint, keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) } }, ahead: 2 }),
        }),
        e,
      );
    const key = (e: Env) => app.fetch(new Request(`${BASE}/api/v1/push/key`), e);

    await expectError(await key(production()), 503, "NOT_CONFIGURED");
    await expectError(await push(production(), "https://fcm.googleapis.com/fcm/send/x"), 503, "NOT_CONFIGURED");
    // The demo's published pair is no key of production's.
    const demoPair = {
      VAPID_PUBLIC_KEY: DEMO_VAPID_KEYS.publicKey,
      VAPID_PRIVATE_KEY: DEMO_VAPID_KEYS.privateKey,
      VAPID_SUBJECT: "mailto:it@urzad.example",
    };
    await expectError(await key(production(demoPair)), 503, "NOT_CONFIGURED");

    const own = { VAPID_PUBLIC_KEY: `B${"Q".repeat(86)}`, VAPID_PRIVATE_KEY: "Q".repeat(43), VAPID_SUBJECT: "mailto:it@urzad.example" };
    expect(await (await key(production(own))).json()).toEqual({ publicKey: own.VAPID_PUBLIC_KEY });
    await expectError(await push(production(own), `${service().publicOrigin}/push/x`), 400, "PUSH_ENDPOINT_NOT_ALLOWED");
    expect(await stored(siteId)).toEqual([]);
    expect((await push(production(own), "https://fcm.googleapis.com/fcm/send/x")).status).toBe(202);
    expect(await stored(siteId)).toHaveLength(1);
  });

  it("deletes the subscriptions, endpoints and keys with them, when their ticket's day ends", async () => {
    const { siteId, admin } = await freshSite();
    await sendThroughStandIn(siteId);
    for (let i = 0; i < 3; i++) await issue(siteId, admin, "rej");
    const last = await issue(siteId, admin, "rej");
    const browser = await browserSubscription();
    expect((await subscribe(last, { subscription: browser, ahead: 1, lang: "uk" })).status).toBe(202);
    expect(await stored(siteId)).toHaveLength(1);

    // The site's day becomes yesterday's; the first ticket of the new day closes it.
    const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
    const yesterday = addDays(day, -1);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE tickets SET day = ?", yesterday);
    await siteSql(siteId, "UPDATE push_subscriptions SET day = ?", yesterday);
    await evictDurableObject(siteObject(siteId));
    await issue(siteId, admin, "rej");

    expect(await siteSql(siteId, "SELECT * FROM push_subscriptions")).toEqual([]);
  });
});
