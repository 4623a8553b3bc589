// Staff and device tokens: standard JWTs (RFC 7519) signed with HS256 through `jose`. The header's `kid`
// names the signing key, so the key can be rotated: a new AUTH_SECRET signs from the moment it is set,
// and tokens signed with the one before (AUTH_SECRET_PREVIOUS) are still believed until they expire.
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import { TokenClaims } from "../../protocol/api.ts";

export type { TokenClaims };

/** Staff sign in for a working day; devices are set up once. */
export const STAFF_TTL_S = 12 * 3600;
export const DEVICE_TTL_S = 365 * 86400;

const ALGORITHM = "HS256";
const ISSUER = "numerek";

/** The keys a Worker believes: the one it signs with, and the one before it during a rotation. */
export interface SigningKeys {
  current: string;
  previous?: string | undefined;
}

interface Key {
  kid: string;
  /** Imported once per Worker instance: importing it for every request cost more than checking the token. */
  secret: CryptoKey;
}

const derived = new Map<string, Promise<Key>>();
/** A key's id: the first 12 characters of its SHA-256 in base64url, which tells nothing of the key. */
function keyOf(secret: string): Promise<Key> {
  let k = derived.get(secret);
  if (!k) {
    const bytes = new TextEncoder().encode(secret);
    k = Promise.all([
      crypto.subtle.digest("SHA-256", bytes),
      crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]),
    ]).then(([d, key]) => ({
      kid: btoa(String.fromCharCode(...new Uint8Array(d)))
        .replaceAll("+", "-")
        .replaceAll("/", "_")
        .slice(0, 12),
      secret: key,
    }));
    derived.set(secret, k);
  }
  return k;
}

/** A signed token for these claims; `iat` is now, `exp` as given. */
export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const key = await keyOf(secret);
  const { exp, iat: _iat, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT", kid: key.kid })
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key.secret);
}

/**
 * Tokens already verified in this Worker instance, with the key that signed them: a kiosk or a clerk sends
 * the same token with every request, and its signature need not be checked again while that key is still
 * believed and the token unexpired. Only a token whose signature was checked gets here; the oldest go first.
 */
const verified = new Map<string, { claims: TokenClaims; secret: string }>();
const VERIFIED_KEPT = 1000;

/** The claims of a valid, unexpired token signed with one of `keys`; null otherwise (never throws). */
export async function verifyToken(token: string, keys: SigningKeys, nowS = Math.floor(Date.now() / 1000)): Promise<TokenClaims | null> {
  if (token.length > 8000) return null;
  const known = verified.get(token);
  if (known && (known.secret === keys.current || known.secret === keys.previous) && known.claims.exp > nowS) return known.claims;
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== ALGORITHM) return null;
    kid = header.kid;
  } catch {
    return null;
  }
  const candidates = [keys.current, keys.previous].filter((s): s is string => typeof s === "string" && s.length > 0);
  for (const secret of candidates) {
    const key = await keyOf(secret);
    if (key.kid !== kid) continue;
    try {
      const { payload } = await jwtVerify(token, key.secret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        requiredClaims: ["exp", "iat", "sub"],
        currentDate: new Date(nowS * 1000),
      });
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success) return null;
      if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value as string);
      verified.set(token, { claims: claims.data, secret });
      return claims.data;
    } catch (e) {
      if (e instanceof errors.JOSEError) return null;
      throw e;
    }
  }
  return null;
}
