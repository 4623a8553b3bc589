// One Web Push message to one subscription: the payload encrypted for the browser (RFC 8291, aes128gcm),
// the request signed with the site's VAPID key (RFC 8292), posted to the push service, and its answer
// sorted into what the site object does next. The cryptography is @block65/webcrypto-web-push's (Web
// Crypto only, so it runs in workerd); the transport is `fetch` unless a test hands in another.
import { buildPushPayload } from "@block65/webcrypto-web-push";
import type { VapidKeys } from "./vapid-keys.ts";

/** What a push is sent to: the stored subscription. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushTransport = (url: string, init: RequestInit) => Promise<Response>;

/** The push service's answer, as the outbox sees it. */
export type PushResult =
  | { kind: "sent" }
  /** 404/410: the subscription has ended; it is deleted. */
  | { kind: "gone" }
  /** 429, 5xx or no answer: tried again later. */
  | { kind: "retry"; error: string }
  /** Any other refusal (a payload or key the service will never take): the message is dropped. */
  | { kind: "refused"; error: string };

/** A push service must answer well within this; a stuck one is retried like one that is down. */
const PUSH_TIMEOUT_MS = 10_000;

export async function sendPush(
  target: PushTarget,
  payload: string,
  options: { keys: VapidKeys; ttlSeconds: number; urgency: "normal" | "high"; topic: string; transport?: PushTransport },
): Promise<PushResult> {
  let request: Awaited<ReturnType<typeof buildPushPayload>>;
  try {
    request = await buildPushPayload(
      { data: payload, options: { ttl: options.ttlSeconds, urgency: options.urgency, topic: options.topic } },
      { endpoint: target.endpoint, expirationTime: null, keys: { p256dh: target.p256dh, auth: target.auth } },
      options.keys,
    );
  } catch (err) {
    // A key the browser gave that is not a point of the curve: no retry will help.
    return { kind: "refused", error: `encryption: ${err instanceof Error ? err.message : String(err)}` };
  }
  let res: Response;
  try {
    res = await (options.transport ?? fetch)(target.endpoint, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
  } catch (err) {
    return { kind: "retry", error: `no answer: ${err instanceof Error ? err.name : "error"}` };
  }
  // The body is never needed; read it so the connection is freed.
  await res.body?.cancel();
  return pushResultOf(res.status);
}

/** RFC 8030 §5 and the services' own documentation: 201 (or any 2xx) taken, 404/410 gone, 429/5xx later. */
export function pushResultOf(status: number): PushResult {
  if (status >= 200 && status < 300) return { kind: "sent" };
  if (status === 404 || status === 410) return { kind: "gone" };
  if (status === 429 || status >= 500) return { kind: "retry", error: `push service answered ${status}` };
  return { kind: "refused", error: `push service answered ${status}` };
}
