// Types of scripts/push-stand-in.mjs (plain JavaScript, like the Turnstile stand-in).

export declare const PUSH_STAND_IN_ORIGIN: string;

export interface StandInSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscription: string;
  /** What the stand-in answered: 201 taken, 403 bad VAPID, 400 undecryptable, 404 unknown, 410 gone. */
  status: number;
  errors: string[];
  /** The decrypted payload (text), when it decrypted. */
  payload: string | null;
  ttl: string | null;
  urgency: string | null;
  topic: string | null;
}

export interface PushStandIn {
  /** e.g. "http://127.0.0.1:41234": where the stand-in listens. */
  readonly origin: string;
  /** The https origin it plays, the endpoints' and the VAPID audience's. */
  readonly publicOrigin: string;
  subscribe(applicationServerKey: string | null): StandInSubscription;
  received(): ReceivedPush[];
  close(): Promise<void>;
}

export declare function startPushStandIn(options?: { port?: number; host?: string; publicOrigin?: string }): Promise<PushStandIn>;

export declare function decryptPushMessage(body: Uint8Array, keys: { uaPrivate: Uint8Array; uaPublic: Uint8Array; auth: Uint8Array }): string;

export declare function vapidProblems(
  header: string | undefined,
  expect: { audience: string; applicationServerKey: string | null; now?: number },
): string[];
