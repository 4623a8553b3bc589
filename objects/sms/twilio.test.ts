import { afterEach, describe, expect, it, vi } from "vitest";
import { type FetchLike, mapAnswer, TWILIO_TIMEOUT_MS, type TwilioOptions, TwilioProvider } from "./twilio.ts";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
const MSG = { to: "+48501234567", body: "numerek: Twój kod potwierdzenia rezerwacji: 123456. Ważny 10 minut.", reference: "sms-42" };

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** A fetch that records each request and answers with `answer`. */
function fakeFetch(answer: (call: Call) => Promise<Response> | Response): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const call = { url, init };
      calls.push(call);
      return answer(call);
    },
  };
}

function provider(fetch: FetchLike, extra: Partial<TwilioOptions> = { from: "+48221234567" }): TwilioProvider {
  return new TwilioProvider({ accountSid: SID, authToken: TOKEN, fetch, ...extra });
}

function form(call: Call | undefined): [string, string][] {
  return [...new URLSearchParams(String(call?.init.body)).entries()];
}

const created = { sid: "SM0123456789abcdef0123456789abcdef", status: "queued" };

describe("TwilioProvider request", () => {
  it("posts the form to the Messages endpoint with Basic auth", async () => {
    const f = fakeFetch(() => json(201, created));
    await provider(f.fetch).send(MSG);
    expect(f.calls).toHaveLength(1);
    const call = f.calls[0];
    expect(call?.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(call?.init.method).toBe("POST");
    const headers = new Headers(call?.init.headers);
    expect(headers.get("Authorization")).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(form(call)).toEqual([
      ["To", "+48501234567"],
      ["Body", MSG.body],
      ["From", "+48221234567"],
    ]);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(call?.init.signal?.aborted).toBe(false);
  });

  it("encodes Polish letters, spaces and symbols as UTF-8 form data", async () => {
    const f = fakeFetch(() => json(201, created));
    await provider(f.fetch).send({ ...MSG, body: "Zażółć gęślą jaźń & 100% +1=2" });
    expect(String(f.calls[0]?.init.body)).toBe(
      "To=%2B48501234567&Body=Za%C5%BC%C3%B3%C5%82%C4%87+g%C4%99%C5%9Bl%C4%85+ja%C5%BA%C5%84+%26+100%25+%2B1%3D2&From=%2B48221234567",
    );
  });

  it("sends a Messaging Service instead of From, and the status callback with our reference", async () => {
    const f = fakeFetch(() => json(201, created));
    await provider(f.fetch, {
      messagingServiceSid: "MG0123456789abcdef0123456789abcdef",
      baseUrl: "http://127.0.0.1:8788/",
      statusCallbackUrl: "https://numerek.example/api/sms/status?site=torun-1",
    }).send(MSG);
    const call = f.calls[0];
    expect(call?.url).toBe(`http://127.0.0.1:8788/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(form(call)).toEqual([
      ["To", "+48501234567"],
      ["Body", MSG.body],
      ["MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"],
      ["StatusCallback", "https://numerek.example/api/sms/status?site=torun-1&ref=sms-42"],
    ]);
  });

  it("does not call Twilio for a message it would refuse", async () => {
    const f = fakeFetch(() => json(201, created));
    expect(await provider(f.fetch).send({ ...MSG, to: "501234567" })).toEqual({
      ok: false,
      retryable: false,
      error: 'twilio: recipient is not an E.164 number: "501234567"',
    });
    expect(await provider(f.fetch).send({ ...MSG, body: "" })).toMatchObject({ ok: false, retryable: false });
    expect(f.calls).toHaveLength(0);
  });

  it("refuses a bad configuration", () => {
    const fetch = fakeFetch(() => json(201, created)).fetch;
    expect(() => new TwilioProvider({ accountSid: "AC123", authToken: TOKEN, from: "+48221234567", fetch })).toThrow(/accountSid/);
    expect(() => new TwilioProvider({ accountSid: SID, authToken: "", from: "+48221234567", fetch })).toThrow(/authToken/);
    expect(() => new TwilioProvider({ accountSid: SID, authToken: TOKEN, fetch })).toThrow(/exactly one/);
    expect(
      () => new TwilioProvider({ accountSid: SID, authToken: TOKEN, from: "+48221234567", messagingServiceSid: "MG1", fetch }),
    ).toThrow(/exactly one/);
    expect(() => provider(fetch, { from: "+48221234567", statusCallbackUrl: "not a url" })).toThrow();
    expect(() => provider(fetch, { from: "+48221234567", timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe("TwilioProvider answers", () => {
  it("201 → ok with the message sid", async () => {
    expect(await provider(fakeFetch(() => json(201, created)).fetch).send(MSG)).toEqual({ ok: true, providerId: created.sid });
  });

  it("200 → ok as well", async () => {
    expect(await provider(fakeFetch(() => json(200, created)).fetch).send(MSG)).toEqual({ ok: true, providerId: created.sid });
  });

  it("400 with code 21211 (invalid number) → not retryable, with Twilio's code and message", async () => {
    const f = fakeFetch(() =>
      json(400, {
        code: 21211,
        message: "Invalid 'To' Phone Number: +4850123456X",
        more_info: "https://www.twilio.com/docs/errors/21211",
        status: 400,
      }),
    );
    expect(await provider(f.fetch).send(MSG)).toEqual({
      ok: false,
      retryable: false,
      error: "twilio 400 21211: Invalid 'To' Phone Number: +4850123456X",
    });
  });

  it("401 (bad credentials) → not retryable", async () => {
    const f = fakeFetch(() => json(401, { code: 20003, message: "Authenticate", status: 401 }));
    expect(await provider(f.fetch).send(MSG)).toEqual({ ok: false, retryable: false, error: "twilio 401 20003: Authenticate" });
  });

  it("429 → retryable", async () => {
    const f = fakeFetch(() => json(429, { code: 20429, message: "Too Many Requests", status: 429 }));
    expect(await provider(f.fetch).send(MSG)).toEqual({ ok: false, retryable: true, error: "twilio 429 20429: Too Many Requests" });
  });

  it("500 and other 5xx, even without JSON → retryable", async () => {
    const f = fakeFetch(() => json(500, { code: 20500, message: "Internal Server Error", status: 500 }));
    expect(await provider(f.fetch).send(MSG)).toEqual({ ok: false, retryable: true, error: "twilio 500 20500: Internal Server Error" });
    const g = fakeFetch(() => new Response("<html>Bad   gateway</html>", { status: 502 }));
    expect(await provider(g.fetch).send(MSG)).toEqual({ ok: false, retryable: true, error: "twilio 502 <html>Bad gateway</html>" });
    const h = fakeFetch(() => new Response(null, { status: 503 }));
    expect(await provider(h.fetch).send(MSG)).toEqual({ ok: false, retryable: true, error: "twilio 503" });
  });

  it("a network error → retryable", async () => {
    const f = fakeFetch(() => Promise.reject(new TypeError("fetch failed")));
    expect(await provider(f.fetch).send(MSG)).toEqual({ ok: false, retryable: true, error: "twilio: network error: fetch failed" });
  });

  it("no answer within the timeout → retryable", async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const started = Date.now();
    expect(await provider(hang, { from: "+48221234567", timeoutMs: 30 }).send(MSG)).toEqual({
      ok: false,
      retryable: true,
      error: "twilio: no answer within 30 ms",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(TWILIO_TIMEOUT_MS).toBe(10_000);
  });

  it("uses the platform fetch by default", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      calls.push(url);
      return json(201, created);
    });
    const p = new TwilioProvider({ accountSid: SID, authToken: TOKEN, from: "+48221234567" });
    expect(await p.send(MSG)).toEqual({ ok: true, providerId: created.sid });
    expect(calls).toEqual([`https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`]);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });
});

describe("mapAnswer", () => {
  it("treats a 2xx without a sid as accepted-but-unknown: not retried, to avoid a duplicate SMS", () => {
    expect(mapAnswer(201, "{}")).toEqual({ ok: false, retryable: false, error: "twilio 201: accepted without a message sid: {}" });
    expect(mapAnswer(201, "oops")).toMatchObject({ ok: false, retryable: false });
  });

  it("retries 408, not other 4xx; cuts long bodies", () => {
    expect(mapAnswer(408, "")).toEqual({ ok: false, retryable: true, error: "twilio 408" });
    expect(mapAnswer(404, JSON.stringify({ code: 20404, message: "Not Found" }))).toEqual({
      ok: false,
      retryable: false,
      error: "twilio 404 20404: Not Found",
    });
    const long = mapAnswer(400, "x".repeat(500));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toBe(`twilio 400 ${"x".repeat(200)}…`);
  });
});
