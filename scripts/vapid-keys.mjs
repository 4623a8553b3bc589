// Prints a fresh VAPID key pair (RFC 8292) for the e-ticket's browser notifications, as the settings take
// them: VAPID_PUBLIC_KEY (base64url of the 65-byte uncompressed P-256 point) and VAPID_PRIVATE_KEY
// (base64url of the 32-byte private scalar). Run once per deployment: `node scripts/vapid-keys.mjs`.
import { generateKeyPairSync } from "node:crypto";

const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const jwk = privateKey.export({ format: "jwk" });
const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, "base64url"), Buffer.from(jwk.y, "base64url")]);
console.log(`VAPID_PUBLIC_KEY=${point.toString("base64url")}`);
console.log(`VAPID_PRIVATE_KEY=${jwk.d}`);
