// TwilioProvider against a real loopback HTTP stand-in for Twilio, through the platform's own fetch
// (no fetch option): what goes over the wire, and how 201, 400 and 503 answers map to results.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwilioProvider } from "./twilio.ts";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
const BODY = "numerek: Twój kod potwierdzenia: 123456. Zażółć gęślą jaźń.";
const CALLBACK = "https://numerek.example/api/v1/sms/twilio/status";

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The answer the stand-in gives next: status and JSON body. */
let answer: { status: number; body: unknown } = { status: 201, body: {} };
const requests: Recorded[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer.status, { "Content-Type": "application/json", Connection: "close" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function provider(sender: { from: string } | { messagingServiceSid: string } = { from: "+48221234567" }): TwilioProvider {
  return new TwilioProvider({ accountSid: SID, authToken: TOKEN, baseUrl, statusCallbackUrl: CALLBACK, timeoutMs: 5000, ...sender });
}

describe("TwilioProvider over real HTTP (loopback stand-in)", () => {
  it("posts the form with Basic auth and answers ok with the message sid on 201", async () => {
    requests.length = 0;
    answer = { status: 201, body: { sid: "SM0123456789abcdef0123456789abcdef", status: "queued" } };
    const result = await provider().send({ to: "+48501234567", body: BODY, reference: "sms-7" });
    expect(result).toEqual({ ok: true, providerId: "SM0123456789abcdef0123456789abcdef" });
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const auth = req.headers.authorization ?? "";
    expect(auth.startsWith("Basic ")).toBe(true);
    expect(Buffer.from(auth.slice("Basic ".length), "base64").toString("utf8")).toBe(`${SID}:${TOKEN}`);
    const form = new URLSearchParams(req.body);
    expect(form.get("To")).toBe("+48501234567");
    expect(form.get("Body")).toBe(BODY);
    expect(form.get("From")).toBe("+48221234567");
    expect(form.has("MessagingServiceSid")).toBe(false);
    const callback = new URL(form.get("StatusCallback") ?? "");
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get("ref")).toBe("sms-7");
  });

  it("sends MessagingServiceSid instead of From when a messaging service is configured", async () => {
    requests.length = 0;
    answer = { status: 201, body: { sid: "SMffffffffffffffffffffffffffffffff" } };
    const result = await provider({ messagingServiceSid: "MG0123456789abcdef0123456789abcdef" }).send({
      to: "+48501234567",
      body: BODY,
      reference: "sms-8",
    });
    expect(result).toEqual({ ok: true, providerId: "SMffffffffffffffffffffffffffffffff" });
    const form = new URLSearchParams(requests[0]!.body);
    expect(form.get("MessagingServiceSid")).toBe("MG0123456789abcdef0123456789abcdef");
    expect(form.has("From")).toBe(false);
    expect(form.get("Body")).toBe(BODY);
  });

  it("maps 400 code 21211 to a failure that is not retried", async () => {
    requests.length = 0;
    answer = { status: 400, body: { code: 21211, message: "The 'To' number +48000 is not a valid phone number.", status: 400 } };
    const result = await provider().send({ to: "+48501234567", body: BODY, reference: "sms-9" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.retryable).toBe(false);
    expect(result.error).toContain("21211");
    expect(requests).toHaveLength(1);
  });

  it("maps 503 to a failure that is retried", async () => {
    requests.length = 0;
    answer = { status: 503, body: { code: 20503, message: "Service unavailable" } };
    const result = await provider().send({ to: "+48501234567", body: BODY, reference: "sms-10" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.retryable).toBe(true);
    expect(result.error).toContain("503");
  });
});
