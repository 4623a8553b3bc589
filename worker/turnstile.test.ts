// The siteverify client against a real loopback stand-in of Cloudflare's siteverify (over HTTP, from
// inside workerd): a fresh token passes once; a reused, unknown, foreign-host or foreign-form token is
// refused; a wrong secret or an unreachable siteverify is "unavailable", never a pass. And which check
// the settings ask for in each mode.
import { describe, expect, it } from "vitest";
import { freshToken, standIn } from "../test/workerd/turnstile-helpers.ts";
import type { Env } from "./env.ts";
import { humanCheckOf, siteverify, TURNSTILE_SCRIPT_URL, TURNSTILE_SITEVERIFY_URL } from "./turnstile.ts";

const HOST = "numerek.test";

function request(token: string, over: Partial<Parameters<typeof siteverify>[0]> = {}) {
  const s = standIn();
  return { url: s.siteverifyUrl, secret: s.secretKey, token, hostname: HOST, action: "booking", remoteip: "203.0.113.7", ...over };
}

describe("siteverify over loopback HTTP", () => {
  it("accepts a fresh token once, then refuses it as timeout-or-duplicate", async () => {
    const token = await freshToken(HOST);
    expect(await siteverify(request(token))).toEqual({ ok: true });
    expect(await siteverify(request(token))).toEqual({ ok: false, reason: "refused", detail: "siteverify refused: timeout-or-duplicate" });
  });

  it("refuses a token it never issued, and an empty or overlong one", async () => {
    expect(await siteverify(request("forged-token-0123456789"))).toEqual({
      ok: false,
      reason: "refused",
      detail: "siteverify refused: invalid-input-response",
    });
    expect((await siteverify(request(""))).ok).toBe(false);
    expect(await siteverify(request("x".repeat(2049)))).toMatchObject({ ok: false, reason: "refused" });
  });

  it("refuses a token made on another host or for another form", async () => {
    const elsewhere = await freshToken("evil.example");
    expect(await siteverify(request(elsewhere))).toEqual({
      ok: false,
      reason: "refused",
      detail: "token made on evil.example, not numerek.test",
    });
    const otherForm = await freshToken(HOST, "login");
    expect(await siteverify(request(otherForm))).toEqual({
      ok: false,
      reason: "refused",
      detail: "token made for action login, not booking",
    });
  });

  it("says unavailable, not refused, when its own secret is wrong or siteverify cannot be reached", async () => {
    const token = await freshToken(HOST);
    expect(await siteverify(request(token, { secret: "not-the-secret" }))).toEqual({
      ok: false,
      reason: "unavailable",
      detail: "siteverify refused: invalid-input-secret",
    });
    // The same token still passes with the right secret: a refused secret spends nothing.
    expect(await siteverify(request(token))).toEqual({ ok: true });
    const down = await siteverify(request(await freshToken(HOST), { url: "http://127.0.0.1:9/turnstile/v0/siteverify", timeoutMs: 2000 }));
    expect(down).toMatchObject({ ok: false, reason: "unavailable" });
  });
});

describe("the human check the settings ask for", () => {
  const base = { NUMEREK_MODE: "demo" } as Env;
  it("is off in demo mode without keys, and Cloudflare's by default once both keys are set", () => {
    expect(humanCheckOf(base)).toEqual({ kind: "off" });
    expect(humanCheckOf({ ...base, TURNSTILE_SITE_KEY: "0x4AAA", TURNSTILE_SECRET_KEY: "0x4BBB" })).toEqual({
      kind: "turnstile",
      siteKey: "0x4AAA",
      secretKey: "0x4BBB",
      scriptUrl: TURNSTILE_SCRIPT_URL,
      siteverifyUrl: TURNSTILE_SITEVERIFY_URL,
    });
    expect(TURNSTILE_SCRIPT_URL).toBe("https://challenges.cloudflare.com/turnstile/v0/api.js");
    expect(TURNSTILE_SITEVERIFY_URL).toBe("https://challenges.cloudflare.com/turnstile/v0/siteverify");
  });

  it("is unconfigured in production without the secret, and in any mode with one key only", () => {
    const production = { NUMEREK_MODE: "production" } as Env;
    expect(humanCheckOf(production)).toEqual({ kind: "unconfigured", problem: "TURNSTILE_SECRET_KEY is not set" });
    expect(humanCheckOf({ ...production, TURNSTILE_SITE_KEY: "0x4AAA" })).toEqual({
      kind: "unconfigured",
      problem: "TURNSTILE_SECRET_KEY is not set",
    });
    expect(humanCheckOf({ ...base, TURNSTILE_SECRET_KEY: "0x4BBB" })).toEqual({
      kind: "unconfigured",
      problem: "TURNSTILE_SITE_KEY is not set",
    });
  });
});
