import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedText, twilioSignature, validTwilioSignature } from "./twilio-signature.ts";

/** The reference computation, independent of WebCrypto: Node's HMAC over Twilio's documented string. */
function nodeSignature(token: string, url: string, params: Record<string, string>): string {
  let text = url;
  for (const key of Object.keys(params).sort()) text += key + params[key];
  return createHmac("sha1", token).update(text, "utf8").digest("base64");
}

const TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
const URL_ = "https://numerek.example/api/sms/status?site=torun-1&ref=sms-42";
const PARAMS: Record<string, string> = {
  MessageSid: "SM0123456789abcdef0123456789abcdef",
  SmsSid: "SM0123456789abcdef0123456789abcdef",
  AccountSid: "AC0123456789abcdef0123456789abcdef",
  From: "+48221234567",
  To: "+48501234567",
  MessageStatus: "delivered",
  ApiVersion: "2010-04-01",
  SmsStatus: "delivered",
};

describe("validTwilioSignature", () => {
  it("matches the example in Twilio's documentation", async () => {
    const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    expect(nodeSignature("12345", url, params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    expect(await twilioSignature("12345", url, params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    expect(await validTwilioSignature("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).toBe(true);
  });

  it("accepts a status callback signed as Node computes it", async () => {
    const signature = nodeSignature(TOKEN, URL_, PARAMS);
    expect(await twilioSignature(TOKEN, URL_, PARAMS)).toBe(signature);
    expect(await validTwilioSignature(TOKEN, URL_, PARAMS, signature)).toBe(true);
  });

  it("handles UTF-8 values, empty values and no parameters", async () => {
    const params = { Body: "Zażółć gęślą jaźń 🙂", Empty: "" };
    expect(await validTwilioSignature(TOKEN, URL_, params, nodeSignature(TOKEN, URL_, params))).toBe(true);
    expect(await validTwilioSignature(TOKEN, URL_, {}, nodeSignature(TOKEN, URL_, {}))).toBe(true);
  });

  it("sorts parameter names by code unit (capitals first), each name followed by its value", () => {
    expect(signedText("https://x.example/cb", { b: "2", a: "1", B: "3" })).toBe("https://x.example/cbB3a1b2");
  });

  it("refuses a tampered URL", async () => {
    const signature = nodeSignature(TOKEN, URL_, PARAMS);
    expect(await validTwilioSignature(TOKEN, URL_.replace("ref=sms-42", "ref=sms-43"), PARAMS, signature)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_.replace("https:", "http:"), PARAMS, signature)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_.replace("?site=torun-1&ref=sms-42", ""), PARAMS, signature)).toBe(false);
  });

  it("refuses tampered, added or removed parameters", async () => {
    const signature = nodeSignature(TOKEN, URL_, PARAMS);
    expect(await validTwilioSignature(TOKEN, URL_, { ...PARAMS, MessageStatus: "failed" }, signature)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_, { ...PARAMS, ErrorCode: "30003" }, signature)).toBe(false);
    const { SmsStatus: _dropped, ...fewer } = PARAMS;
    expect(await validTwilioSignature(TOKEN, URL_, fewer, signature)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_, { ...PARAMS, To: "+48501234568" }, signature)).toBe(false);
  });

  it("refuses a tampered, truncated, empty or foreign signature", async () => {
    const signature = nodeSignature(TOKEN, URL_, PARAMS);
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(await validTwilioSignature(TOKEN, URL_, PARAMS, flipped)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_, PARAMS, signature.slice(0, -1))).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_, PARAMS, `${signature}=`)).toBe(false);
    expect(await validTwilioSignature(TOKEN, URL_, PARAMS, "")).toBe(false);
    expect(await validTwilioSignature("0".repeat(32), URL_, PARAMS, signature)).toBe(false);
    expect(await validTwilioSignature("", URL_, PARAMS, signature)).toBe(false);
  });

  it("accepts the URL with or without the default port, as Twilio's helpers do", async () => {
    const withPort = "https://numerek.example:443/api/sms/status?ref=sms-42";
    const without = "https://numerek.example/api/sms/status?ref=sms-42";
    expect(await validTwilioSignature(TOKEN, without, PARAMS, nodeSignature(TOKEN, withPort, PARAMS))).toBe(true);
    expect(await validTwilioSignature(TOKEN, withPort, PARAMS, nodeSignature(TOKEN, without, PARAMS))).toBe(true);
    expect(await validTwilioSignature(TOKEN, "http://localhost/cb", PARAMS, nodeSignature(TOKEN, "http://localhost:80/cb", PARAMS))).toBe(
      true,
    );
    // Another port is another URL.
    expect(
      await validTwilioSignature(
        TOKEN,
        "https://numerek.example:8443/cb",
        PARAMS,
        nodeSignature(TOKEN, "https://numerek.example/cb", PARAMS),
      ),
    ).toBe(false);
    expect(await validTwilioSignature(TOKEN, "http://localhost/cb", PARAMS, nodeSignature(TOKEN, "http://localhost:443/cb", PARAMS))).toBe(
      false,
    );
  });
});
