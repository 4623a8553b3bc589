// The human check (Cloudflare Turnstile) in front of createBooking, with production settings and the
// loopback stand-in as siteverify: a missing, forged or reused token is refused with HUMAN_CHECK_FAILED
// and holds nothing; a fresh token holds the slot; production without the secret answers 503
// NOT_CONFIGURED and says why in the log. The booking page learns the public settings from
// GET /api/v1/booking/config, and its CSP allows exactly the widget's origin.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { app } from "../../worker/app.ts";
import type { Env } from "../../worker/env.ts";
import { freshSite } from "./helpers.ts";
import { freshToken, standIn, turnstileVars } from "./turnstile-helpers.ts";

const HOST = "numerek.test";

const production = (over: Partial<Env> = {}): Env => ({
  ...(env as unknown as Env),
  NUMEREK_MODE: "production",
  AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
  ...turnstileVars(),
  ...over,
});

interface Slot {
  start: string;
  free: number;
}

async function firstSlot(e: Env, siteId: string): Promise<Slot> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const res = await app.fetch(
    new Request(`http://${HOST}/api/v1/sites/${siteId}/availability?matterId=rej&from=${day(1)}&to=${day(3)}`),
    e,
  );
  expect(res.status).toBe(200);
  const { days } = (await res.json()) as { days: { slots: Slot[] }[] };
  return days.flatMap((d) => d.slots).find((s) => s.free > 0)!;
}

async function freeAt(e: Env, siteId: string, start: string): Promise<number> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const res = await app.fetch(
    new Request(`http://${HOST}/api/v1/sites/${siteId}/availability?matterId=rej&from=${day(1)}&to=${day(3)}`),
    e,
  );
  const { days } = (await res.json()) as { days: { slots: Slot[] }[] };
  return days.flatMap((d) => d.slots).find((s) => s.start === start)?.free ?? 0;
}

let phones = 0;
function book(e: Env, siteId: string, start: string, turnstileToken?: string): Promise<Response> {
  const phone = `600 710 ${String(100 + phones++).padStart(3, "0")}`;
  return Promise.resolve(
    app.fetch(
      new Request(`http://${HOST}/api/v1/bookings`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.9" },
        body: JSON.stringify({
          siteId,
          matterId: "rej",
          start,
          name: "Jan Kowalski",
          phone,
          consent: true,
          ...(turnstileToken ? { turnstileToken } : {}),
        }),
      }),
      e,
    ),
  );
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe("createBooking behind Turnstile (production settings, loopback siteverify)", () => {
  it("refuses a missing, forged or reused token with HUMAN_CHECK_FAILED and holds no slot", async () => {
    const { siteId } = await freshSite();
    const e = production();
    const slot = await firstSlot(e, siteId);

    const missing = await book(e, siteId, slot.start);
    expect(missing.status).toBe(403);
    expect(await codeOf(missing)).toBe("HUMAN_CHECK_FAILED");

    const forged = await book(e, siteId, slot.start, "0.forged-token-that-cloudflare-never-issued");
    expect(forged.status).toBe(403);
    expect(await codeOf(forged)).toBe("HUMAN_CHECK_FAILED");
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free);

    // A fresh token holds the slot once; the same token again, for another booking, holds nothing.
    const token = await freshToken(HOST);
    const first = await book(e, siteId, slot.start, token);
    expect(first.status).toBe(202);
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free - 1);
    const reused = await book(e, siteId, slot.start, token);
    expect(reused.status).toBe(403);
    expect(await codeOf(reused)).toBe("HUMAN_CHECK_FAILED");
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free - 1);
  });

  it("a retried request under the same Idempotency-Key gets its first answer, with its spent token or a fresh one", async () => {
    const { siteId } = await freshSite();
    const e = production();
    const slot = await firstSlot(e, siteId);
    const key = crypto.randomUUID();
    const send = async (turnstileToken: string) =>
      app.fetch(
        new Request(`http://${HOST}/api/v1/bookings`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.10", "Idempotency-Key": key },
          body: JSON.stringify({
            siteId,
            matterId: "rej",
            start: slot.start,
            name: "Jan Kowalski",
            phone: "600 710 999",
            consent: true,
            turnstileToken,
          }),
        }),
        e,
      );
    const token = await freshToken(HOST);
    const first = await send(token);
    expect(first.status).toBe(202);
    const answer = await first.json();
    // The answer was lost on the way: the form sends the same request again, with the token already spent.
    const again = await send(token);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(answer);
    const fresh = await send(await freshToken(HOST));
    expect(fresh.status).toBe(202);
    expect(await fresh.json()).toEqual(answer);
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free - 1);
  });

  it("refuses a token solved on another site", async () => {
    const { siteId } = await freshSite();
    const e = production();
    const slot = await firstSlot(e, siteId);
    const res = await book(e, siteId, slot.start, await freshToken("evil.example"));
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("HUMAN_CHECK_FAILED");
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free);
  });

  it("answers 503 HUMAN_CHECK_UNAVAILABLE, holding nothing, when siteverify cannot be reached", async () => {
    const { siteId } = await freshSite();
    const e = production({ TURNSTILE_SITEVERIFY_URL: "http://127.0.0.1:9/turnstile/v0/siteverify" });
    const slot = await firstSlot(e, siteId);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const token = await freshToken(HOST);
      const res = await book(e, siteId, slot.start, token);
      expect(res.status).toBe(503);
      expect(await codeOf(res)).toBe("HUMAN_CHECK_UNAVAILABLE");
      const logged = spy.mock.calls.map((c) => String(c[0])).join("\n");
      expect(logged).toContain("siteverify unreachable");
      expect(logged).not.toContain(token);
    } finally {
      spy.mockRestore();
    }
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free);
  });

  it("answers 503 NOT_CONFIGURED in production without the secret, and logs why", async () => {
    const { siteId } = await freshSite();
    const e = production({ TURNSTILE_SECRET_KEY: undefined });
    const slot = await firstSlot(e, siteId);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await book(e, siteId, slot.start, await freshToken(HOST));
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_CONFIGURED");
      expect(body.error.message).toContain("TURNSTILE_SECRET_KEY is not set");
      const config = await app.fetch(new Request(`http://${HOST}/api/v1/booking/config`), e);
      expect(config.status).toBe(503);
      await config.body?.cancel();
    } finally {
      spy.mockRestore();
    }
    expect(await freeAt(e, siteId, slot.start)).toBe(slot.free);
  });

  it("demo mode without the settings needs no token (the check is off)", async () => {
    const { siteId } = await freshSite();
    const demo = env as unknown as Env;
    const slot = await firstSlot(demo, siteId);
    const res = await book(demo, siteId, slot.start);
    expect(res.status).toBe(202);
    const config = await app.fetch(new Request(`http://${HOST}/api/v1/booking/config`), demo);
    expect(await config.json()).toEqual({ humanCheck: null });
  });
});

describe("the booking page and its settings", () => {
  it("learns the public site key and the script, never the secret", async () => {
    const res = await app.fetch(new Request(`http://${HOST}/api/v1/booking/config`), production());
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      humanCheck: { provider: "turnstile", siteKey: standIn().siteKey, scriptUrl: standIn().scriptUrl, action: "booking" },
    });
    expect(text).not.toContain(standIn().secretKey);
  });

  it("is served with a CSP that allows the widget's origin for scripts and frames, and no other page is", async () => {
    const origin = standIn().origin;
    const booking = await app.fetch(new Request(`http://${HOST}/booking`), production());
    expect(booking.status).toBe(200);
    const csp = booking.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain(`script-src 'self' ${origin};`);
    expect(csp).toContain(`frame-src ${origin};`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
    await booking.body?.cancel();
    // Cloudflare's own origin by default.
    const real = await app.fetch(
      new Request(`http://${HOST}/booking`),
      production({ TURNSTILE_SCRIPT_URL: undefined, TURNSTILE_SITEVERIFY_URL: undefined }),
    );
    expect(real.headers.get("Content-Security-Policy")).toContain("script-src 'self' https://challenges.cloudflare.com; ");
    expect(real.headers.get("Content-Security-Policy")).toContain("frame-src https://challenges.cloudflare.com;");
    await real.body?.cancel();
    const clerk = await app.fetch(new Request(`http://${HOST}/clerk`), production());
    expect(clerk.headers.get("Content-Security-Policy")).not.toContain(origin);
    await clerk.body?.cancel();
  });
});
