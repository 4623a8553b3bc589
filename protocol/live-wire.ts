// The live protocol's constants and pure rules, with no zod: the browser clients and the print agent import
// them at run time (protocol/live.ts, which holds the frames' schemas, re-exports them for the server).
// A client importing live.ts itself would carry every schema in its bundle.

export const PROTOCOL_VERSION = 1;

/**
 * Every client sends its version in the socket URL's query, `?protocol=1`; the site object refuses
 * a version it does not speak by closing the socket with CLOSE.VERSION_UNSUPPORTED.
 */
export const PROTOCOL_PARAM = "protocol";
/** The versions this server speaks. */
export const SUPPORTED_PROTOCOLS: readonly number[] = [1];
/** A client that sends no version speaks 1: clients and agents older than the version check send none. */
const UNVERSIONED = 1;

/** Whether a socket that sent this `protocol` parameter (null: none) is spoken to. */
export function protocolSupported(param: string | null): boolean {
  const version = param === null ? UNVERSIONED : /^\d{1,6}$/.test(param) ? Number(param) : Number.NaN;
  return SUPPORTED_PROTOCOLS.includes(version);
}

/** A socket URL or path with this client's version added to its query. */
export function withProtocol(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${PROTOCOL_PARAM}=${PROTOCOL_VERSION}`;
}

/** Keep-alive: the object answers this text without waking up. */
export const PING = "ping";
export const PONG = "pong";

/**
 * Close codes (4000-4999 are ours): the server ends a stream whose subject no longer exists, or
 * one whose client speaks another protocol version, and the client says so instead of reconnecting
 * (the print agent logs it and keeps trying: it may be updated, or the server rolled back). A
 * public socket that sent too much is closed too; its client says so and dials again only later.
 */
export const CLOSE = {
  /** An e-ticket whose ticket is no longer stored. */
  TICKET_GONE: 4404,
  /** A desk screen or clerk console of a desk removed from the site's configuration. */
  DESK_GONE: 4410,
  /** The client's protocol version is not one this server speaks: reload the page, update the agent. */
  VERSION_UNSUPPORTED: 4426,
  /** The account was disabled or signed out everywhere, or the device revoked: sign in (or pair) again. */
  ACCESS_REVOKED: 4401,
  /** A public (e-ticket) socket sent more messages than it may: reconnect after the longest backoff. */
  TOO_MANY_MESSAGES: 4429,
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Client side of the seq rule, shared by every client. */
export function acceptsUpdate(lastSeq: number, msg: { seq: number; prev: number }): "apply" | "stale" | "gap" {
  if (msg.seq <= lastSeq) return "stale";
  if (msg.prev > lastSeq) return "gap";
  return "apply";
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
