// A loopback stand-in for a Web Push service (RFC 8030), for the tests: no machine here reaches FCM,
// Mozilla's, Apple's or Microsoft's push service. It plays the push service and the browser both:
//   POST /subscriptions            {applicationServerKey} → a browser's subscription, as PushSubscription.toJSON()
//                                  gives it: {endpoint, keys: {p256dh, auth}}; the stand-in keeps the private key.
//                                  The endpoint is https on the public origin the stand-in plays (by default
//                                  https://push.numerek.test), as behind a TLS front; the tests' transport
//                                  carries requests for it to this loopback server.
//   POST /push/:id                 a push message, checked as a push service does: the VAPID header
//                                  ("vapid t=<JWT>, k=<key>", RFC 8292) with an ES256 signature by `k`, `k` the
//                                  key the subscription was made with, `aud` the public origin, `exp` in the
//                                  future and within 24 hours, `sub` a mailto: or https: contact; a TTL header;
//                                  an aes128gcm body (RFC 8188) that decrypts with the subscription's private key
//                                  (RFC 8291). It answers 201, or 400/401/403 for what it refuses, 404 for an
//                                  unknown subscription and 410 for one marked gone. Every request is recorded.
//   POST /subscriptions/:id/gone   the browser unsubscribed: later messages get 410.
//   GET  /received?subscription=id what was received: {messages: [{subscription, status, errors, payload, ttl,
//                                  urgency, topic}]}, the payload decrypted (text), in order.
// Plain JavaScript for any Node >= 18; the types are in the .d.mts beside it.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from "node:crypto";
import { createServer } from "node:http";

/** The public origin the stand-in plays (a host name, since numerek sends only to such). */
export const PUSH_STAND_IN_ORIGIN = "https://push.numerek.test";
const DAY_S = 24 * 60 * 60;

const b64u = (buf) => Buffer.from(buf).toString("base64url");
const unb64u = (text) => Buffer.from(text, "base64url");

/**
 * Decrypts an aes128gcm push message (RFC 8291 §3.4, RFC 8188 §2) for the browser holding `uaPrivate`.
 * @param {Buffer} body @param {{ uaPrivate: Buffer, uaPublic: Buffer, auth: Buffer }} keys
 * @returns {string} the plaintext
 */
export function decryptPushMessage(body, keys) {
  if (body.length < 21) throw new Error("body shorter than its header");
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  if (idlen !== 65) throw new Error("key id is not a 65-byte P-256 key");
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (rs < 18 || record.length > rs) throw new Error("more than one record");
  if (record.length < 17) throw new Error("record too short");
  const ua = createECDH("prime256v1");
  ua.setPrivateKey(keys.uaPrivate);
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * Checks a VAPID Authorization header (RFC 8292 §2-3); answers the problems found (none: valid).
 * @param {string | undefined} header @param {{ audience: string, applicationServerKey: string | null, now?: number }} expect
 * @returns {string[]}
 */
export function vapidProblems(header, expect) {
  const m = /^vapid\s+(.+)$/i.exec(header ?? "");
  if (!m) return ["no 'vapid' Authorization header"];
  const params = Object.fromEntries(m[1].split(",").map((p) => p.trim().split(/=(.*)/s).slice(0, 2)));
  const jwt = params.t ?? "";
  const k = params.k ?? "";
  const problems = [];
  if (expect.applicationServerKey && k !== expect.applicationServerKey) problems.push("k is not the key the subscription was made with");
  const parts = jwt.split(".");
  if (parts.length !== 3) return [...problems, "t is not a JWT"];
  let head;
  let claims;
  try {
    head = JSON.parse(unb64u(parts[0]).toString("utf8"));
    claims = JSON.parse(unb64u(parts[1]).toString("utf8"));
  } catch {
    return [...problems, "the JWT is not JSON"];
  }
  if (head.alg !== "ES256") problems.push("alg is not ES256");
  const point = unb64u(k);
  if (point.length !== 65 || point[0] !== 4) return [...problems, "k is not an uncompressed P-256 key"];
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: "jwk",
  });
  const signed = verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), { key, dsaEncoding: "ieee-p1363" }, unb64u(parts[2]));
  if (!signed) problems.push("the signature does not verify with k");
  const now = Math.floor((expect.now ?? Date.now()) / 1000);
  if (claims.aud !== expect.audience) problems.push(`aud is not ${expect.audience}`);
  if (typeof claims.exp !== "number" || claims.exp <= now) problems.push("exp is missing or past");
  else if (claims.exp > now + DAY_S) problems.push("exp is more than 24 hours ahead");
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) problems.push("sub is not a mailto: or https: contact");
  return problems;
}

/**
 * Starts the stand-in on a loopback port (0: any free one).
 * @param {{ port?: number, host?: string, publicOrigin?: string }} [options]
 */
export async function startPushStandIn(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const publicOrigin = options.publicOrigin ?? PUSH_STAND_IN_ORIGIN;
  /** id → the browser's keys, the application server key it subscribed with, gone or not. */
  const subscriptions = new Map();
  const received = [];

  function subscribe(applicationServerKey) {
    const ua = createECDH("prime256v1");
    ua.generateKeys();
    const id = randomBytes(12).toString("base64url");
    const sub = { uaPrivate: ua.getPrivateKey(), uaPublic: ua.getPublicKey(), auth: randomBytes(16), applicationServerKey, gone: false };
    subscriptions.set(id, sub);
    return { endpoint: `${publicOrigin}/push/${id}`, expirationTime: null, keys: { p256dh: b64u(sub.uaPublic), auth: b64u(sub.auth) } };
  }

  /** A push message: the status answered, and the record kept. */
  function accept(id, headers, body) {
    const sub = subscriptions.get(id);
    const record = {
      subscription: id,
      status: 201,
      errors: [],
      payload: null,
      ttl: headers.ttl ?? null,
      urgency: headers.urgency ?? null,
      topic: headers.topic ?? null,
    };
    received.push(record);
    if (!sub) return Object.assign(record, { status: 404, errors: ["no such subscription"] }).status;
    if (sub.gone) return Object.assign(record, { status: 410, errors: ["unsubscribed"] }).status;
    const vapid = vapidProblems(headers.authorization, { audience: publicOrigin, applicationServerKey: sub.applicationServerKey });
    if (vapid.length) return Object.assign(record, { status: 403, errors: vapid }).status;
    if (headers.ttl === undefined || !/^\d+$/.test(headers.ttl)) return Object.assign(record, { status: 400, errors: ["no TTL"] }).status;
    if (headers["content-encoding"] !== "aes128gcm") return Object.assign(record, { status: 415, errors: ["not aes128gcm"] }).status;
    try {
      record.payload = decryptPushMessage(body, sub);
    } catch (err) {
      return Object.assign(record, { status: 400, errors: [`does not decrypt: ${err.message}`] }).status;
    }
    return 201;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const json = (status, value) => {
        res.writeHead(status, { "Content-Type": "application/json", Connection: "close" });
        res.end(value === undefined ? "" : JSON.stringify(value));
      };
      try {
        const push = /^\/push\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
        if (req.method === "POST" && push) return json(accept(push[1], req.headers, body));
        if (req.method === "POST" && url.pathname === "/subscriptions") {
          const { applicationServerKey = null } = JSON.parse(body.toString("utf8") || "{}");
          return json(201, subscribe(applicationServerKey));
        }
        const gone = /^\/subscriptions\/([A-Za-z0-9_-]+)\/gone$/.exec(url.pathname);
        if (req.method === "POST" && gone) {
          const sub = subscriptions.get(gone[1]);
          if (!sub) return json(404, { error: "no such subscription" });
          sub.gone = true;
          return json(204);
        }
        if (req.method === "GET" && url.pathname === "/received") {
          const id = url.searchParams.get("subscription");
          return json(200, { messages: received.filter((r) => !id || r.subscription === id) });
        }
        return json(404, { error: "not found" });
      } catch {
        return json(400, { error: "bad request" });
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://${host}:${port}`,
    publicOrigin,
    subscribe,
    received: () => [...received],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
