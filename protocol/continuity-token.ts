// Local tokens: what the site's agent accepts from kiosks, screens and staff while the office is cut off
// from the cloud. The site object signs them (HMAC-SHA-256 with the site's local secret, which only its
// agent also holds); the agent checks them without the cloud. Web Crypto only: runs in workerd and Node.
// Form: base64url(JSON claims) "." base64url(HMAC of the first part).
import { LocalTokenClaims } from "./continuity.ts";

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new local secret: 32 random bytes, base64url. */
export function newLocalSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

// (Its type is inferred: the print agent checks this file against Node's types, where CryptoKey names only a value.)
function key(secret: string) {
  const raw = fromBase64url(secret);
  if (!raw || raw.length < 32) throw new RangeError("a local secret is 32 bytes of base64url");
  return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export async function signLocalToken(secret: string, claims: LocalTokenClaims): Promise<string> {
  const body = base64url(encoder.encode(JSON.stringify(LocalTokenClaims.parse(claims))));
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(body)));
  return `${body}.${base64url(mac)}`;
}

/** The token's claims if its signature holds, it is for `siteId` and it has not expired; null otherwise. */
export async function verifyLocalToken(secret: string, token: string, siteId: string, now: number): Promise<LocalTokenClaims | null> {
  if (token.length > 2000) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const mac = fromBase64url(sig);
  const json = fromBase64url(body);
  if (!mac || !json) return null;
  if (!(await crypto.subtle.verify("HMAC", await key(secret), mac, encoder.encode(body)))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(json));
  } catch {
    return null;
  }
  const claims = LocalTokenClaims.safeParse(parsed);
  if (!claims.success || claims.data.site !== siteId || claims.data.exp <= now) return null;
  return claims.data;
}
