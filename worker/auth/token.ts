// Signed bearer tokens for staff and devices: HMAC-SHA256 over a small JSON payload, with an expiry.

import { base64url, fromBase64url } from "../../objects/site/random.ts";
import type { Role } from "../../protocol/api.ts";

export interface TokenClaims {
  /** The account's user name. */
  sub: string;
  role: Role;
  sites: string[];
  /** For clerks: the desks they may operate (absent: every desk of their sites). */
  desks?: string[];
  /** For devices: which kiosk, screen or agent this is. */
  dev?: string;
  /** Expiry, seconds since epoch. */
  exp: number;
}

/** Staff sign in for a working day; devices are set up once. */
export const STAFF_TTL_S = 12 * 3600;
export const DEVICE_TTL_S = 365 * 86400;

const keys = new Map<string, Promise<CryptoKey>>();
function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, k);
  }
  return k;
}

const enc = new TextEncoder();

export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const body = base64url(enc.encode(JSON.stringify(claims)));
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await key(secret), enc.encode(body)));
  return `v1.${body}.${base64url(sig)}`;
}

/** The claims of a valid, unexpired token; null otherwise. */
export async function verifyToken(token: string, secret: string, nowS = Math.floor(Date.now() / 1000)): Promise<TokenClaims | null> {
  const m = /^v1\.([A-Za-z0-9_-]{10,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, body, sig] = m as unknown as [string, string, string];
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify("HMAC", await key(secret), fromBase64url(sig), enc.encode(body));
  } catch {
    return null;
  }
  if (!valid) return null;
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64url(body))) as TokenClaims;
    return typeof claims.exp === "number" && claims.exp > nowS ? claims : null;
  } catch {
    return null;
  }
}
