// Identifiers and secrets made from the platform's cryptographic random source.

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function randomToken(bytes = 16): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** An e-ticket token: the site it belongs to, then 128 random bits. */
export function eticketToken(siteId: string): string {
  return `${siteId}.${randomToken(16)}`;
}

export function siteOfEticketToken(token: string): string | null {
  const m = /^([a-z0-9][a-z0-9-]{0,39})\.[A-Za-z0-9_-]{22}$/.exec(token);
  return m ? m[1]! : null;
}

/**
 * An outbox message id: its channel, its site (so a delivery report can be routed to the site's object),
 * then 96 random bits. "sms_…" or "eml_…".
 */
export function outboxMessageId(siteId: string, channel: "sms" | "email" = "sms"): string {
  return `${channel === "email" ? "eml" : "sms"}_${siteId}.${randomToken(12)}`;
}

/** Any outbox message id of any site (staff name one in a path). */
export const OUTBOX_MESSAGE_ID = /^(sms|eml)_[a-z0-9][a-z0-9-]{0,39}\.[A-Za-z0-9_-]{16}$/;

/** The site of an SMS's id (Twilio's delivery reports name SMS only). */
export function siteOfOutboxMessageId(id: string): string | null {
  const m = /^sms_([a-z0-9][a-z0-9-]{0,39})\.[A-Za-z0-9_-]{16}$/.exec(id);
  return m ? m[1]! : null;
}
