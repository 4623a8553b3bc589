// Checks the X-Twilio-Signature header of a Twilio webhook (SMS delivery reports), with WebCrypto.
//
// Twilio's algorithm: take the full URL Twilio called (scheme, host, path, query), append every POST
// form parameter sorted by name, each name immediately followed by its value, sign the string with
// HMAC-SHA1 keyed by the account's auth token, base64. Like Twilio's own helper libraries, the URL is also
// tried with the scheme's default port added or removed, since Twilio may sign either form.
// The URL must be the one Twilio called: behind a proxy, rebuild it from the public origin.

import { constantTimeEqual } from "../booking/verification.ts";

const encoder = new TextEncoder();

/** Whether `signature` is Twilio's signature of this request. */
export async function validTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string,
): Promise<boolean> {
  if (authToken === "" || signature === "") return false;
  const key = await crypto.subtle.importKey("raw", encoder.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  let valid = false;
  for (const candidate of urlVariants(url)) {
    const expected = await twilioSignatureWithKey(key, candidate, params);
    // No short-circuit: every variant costs the same whether or not an earlier one matched.
    valid = constantTimeEqual(expected, signature) || valid;
  }
  return valid;
}

/** Twilio's signature of a request (what X-Twilio-Signature should say). */
export async function twilioSignature(authToken: string, url: string, params: Record<string, string>): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return twilioSignatureWithKey(key, url, params);
}

/** The signed string: the URL, then each parameter name and value, names in code-unit order. */
export function signedText(url: string, params: Record<string, string>): string {
  let text = url;
  for (const name of Object.keys(params).sort()) text += name + (params[name] ?? "");
  return text;
}

async function twilioSignatureWithKey(key: CryptoKey, url: string, params: Record<string, string>): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(signedText(url, params))));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The URL as given, then with the default port toggled (added when absent, removed when present). */
function urlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(:\d+)?(.*)$/is.exec(url);
  if (!m) return [url];
  const scheme = (m[1] ?? "").toLowerCase();
  const defaultPort = scheme === "https" ? ":443" : ":80";
  const [userinfo, host, port, rest] = [m[2] ?? "", m[3] ?? "", m[4], m[5] ?? ""];
  const prefix = `${m[1] ?? ""}://${userinfo}${host}`;
  if (port === undefined) return [url, `${prefix}${defaultPort}${rest}`];
  if (port === defaultPort) return [url, `${prefix}${rest}`];
  return [url];
}
