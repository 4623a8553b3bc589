// The loopback push service the workerd tests send to: it must decrypt what RFC 8291 encrypts and refuse a
// VAPID signature that is not right, or the tests that rely on it prove nothing.
import { buildPushPayload } from "@block65/webcrypto-web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VAPID_KEYS } from "../objects/push/vapid-keys.ts";
import { decryptPushMessage, type PushStandIn, startPushStandIn, vapidProblems } from "./push-stand-in.mjs";

const u = (s: string) => Buffer.from(s, "base64url");

// RFC 8291, section 5 and appendix A: "When I grow up, I want to be a watermelon" to this browser.
const RFC = {
  uaPublic: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  auth: "BTBZMqHH6r4Tts7J_aSIgg",
  body: "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};

describe("the loopback push service", () => {
  let standIn: PushStandIn;
  beforeAll(async () => {
    standIn = await startPushStandIn();
  });
  afterAll(() => standIn.close());

  it("decrypts the RFC 8291 example, and nothing altered", () => {
    const keys = { uaPrivate: u(RFC.uaPrivate), uaPublic: u(RFC.uaPublic), auth: u(RFC.auth) };
    expect(decryptPushMessage(u(RFC.body), keys)).toBe("When I grow up, I want to be a watermelon");
    const altered = u(RFC.body);
    altered[altered.length - 20]! ^= 1;
    expect(() => decryptPushMessage(altered, keys)).toThrow();
  });

  it("takes a message numerek's library encrypts and signs, and refuses one signed for another audience or key", async () => {
    const sub = standIn.subscribe(DEMO_VAPID_KEYS.publicKey);
    const { headers, body } = await buildPushPayload({ data: "Numer A001", options: { ttl: 60 } }, sub, DEMO_VAPID_KEYS);
    const path = new URL(sub.endpoint).pathname;
    const res = await fetch(`${standIn.origin}${path}`, { method: "POST", headers, body });
    expect(res.status).toBe(201);
    const last = standIn.received().at(-1);
    expect(last).toMatchObject({ status: 201, errors: [], payload: "Numer A001", ttl: "60" });

    const audience = standIn.publicOrigin;
    expect(vapidProblems(headers.authorization, { audience, applicationServerKey: DEMO_VAPID_KEYS.publicKey })).toEqual([]);
    expect(vapidProblems(headers.authorization, { audience: "https://other.example", applicationServerKey: null })).toEqual([
      "aud is not https://other.example",
    ]);
    const otherKey = sub.keys.p256dh;
    const forged = headers.authorization.replace(/k=.*$/, `k=${otherKey}`);
    expect(vapidProblems(forged, { audience, applicationServerKey: null })).toContain("the signature does not verify with k");
    expect(vapidProblems(headers.authorization, { audience, applicationServerKey: null, now: Date.now() + 13 * 3600_000 })).toEqual([
      "exp is missing or past",
    ]);
  });
});
