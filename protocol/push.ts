// Web Push on the e-ticket (RFC 8030/8291/8292): the browser's subscription as the e-ticket sends it, the
// request that stores it for one ticket, and the public VAPID key the page subscribes with. An endpoint
// is personal data: it is stored for the ticket's day only and never shown, logged or counted.
import { z } from "zod";
import { CitizenLang } from "./lang.ts";

/** The longest endpoint accepted: real ones (FCM, Mozilla, Apple, Windows) are under 500 characters. */
export const MAX_PUSH_ENDPOINT_LENGTH = 1024;
/** The browser's P-256 public key, uncompressed (RFC 8291 §3.1: 65 octets). */
export const P256DH_BYTES = 65;
/** The authentication secret (RFC 8291 §3.2: 16 octets). */
export const AUTH_SECRET_BYTES = 16;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The number of octets a base64url text decodes to, or -1 when it is not base64url. */
export function base64urlBytes(text: string): number {
  if (!BASE64URL.test(text)) return -1;
  const bare = text.replace(/=+$/, "");
  if (bare.length % 4 === 1) return -1;
  return Math.floor((bare.length * 3) / 4);
}

const key = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .refine((s) => base64urlBytes(s) === bytes, `${what}: base64url of exactly ${bytes} bytes`);

/** PushSubscription.toJSON() as the browser gives it (expirationTime is ignored). */
export const PushSubscriptionInput = z.object({
  endpoint: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(MAX_PUSH_ENDPOINT_LENGTH)
    .describe("The push service's https URL for this browser (a host name, never an address)"),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: key(P256DH_BYTES, "p256dh").describe("The browser's P-256 key, uncompressed, base64url"),
    auth: key(AUTH_SECRET_BYTES, "auth").describe("The authentication secret, base64url"),
  }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

/** The languages a notification can be shown in (the e-ticket's). */
export const PushLang = CitizenLang;
export type PushLang = CitizenLang;

export const ETicketPushRequest = z.strictObject({
  subscription: PushSubscriptionInput,
  ahead: z.number().int().min(1).max(20).describe("Notify when this many people or fewer are ahead (and at the call)"),
  lang: PushLang.default("pl"),
});
export type ETicketPushRequest = z.infer<typeof ETicketPushRequest>;

export const ETicketPushResponse = z.object({ ahead: z.number().int(), on: z.literal(true) });
export type ETicketPushResponse = z.infer<typeof ETicketPushResponse>;

export const PushKeyResponse = z.object({
  publicKey: z.string().describe("The VAPID public key (applicationServerKey), base64url of 65 bytes"),
});
export type PushKeyResponse = z.infer<typeof PushKeyResponse>;

/** What the service worker receives, decrypted (JSON): it renders the text in `lang`. */
export type PushPayload =
  | { v: 1; kind: "near"; number: string; ahead: number; lang: PushLang; url: string }
  | { v: 1; kind: "called"; number: string; desk: string; lang: PushLang; url: string };
