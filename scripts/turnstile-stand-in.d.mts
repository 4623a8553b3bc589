// Types of scripts/turnstile-stand-in.mjs (plain JavaScript, so that `npm start` runs it on any Node).

export declare const STAND_IN_SITE_KEY: string;
export declare const STAND_IN_SECRET_KEY: string;

export interface TurnstileStandIn {
  /** e.g. "http://127.0.0.1:41234": the widget's script and frame, and siteverify, are served from here. */
  readonly origin: string;
  readonly scriptUrl: string;
  readonly siteverifyUrl: string;
  readonly siteKey: string;
  readonly secretKey: string;
  /** How many tokens siteverify has accepted. */
  readonly verified: number;
  /** A fresh token, as if a citizen had ticked the widget on a page of `hostname`. */
  mint(what?: { hostname?: string; action?: string }): string;
  /** The Worker's settings (TURNSTILE_*) that use this stand-in. */
  vars(): Record<"TURNSTILE_SITE_KEY" | "TURNSTILE_SECRET_KEY" | "TURNSTILE_SCRIPT_URL" | "TURNSTILE_SITEVERIFY_URL", string>;
  close(): Promise<void>;
}

export declare function startTurnstileStandIn(options?: { port?: number; host?: string; tokenSeconds?: number }): Promise<TurnstileStandIn>;

/** A fresh token from a stand-in running in another process. */
export declare function mintToken(origin: string, what?: { hostname?: string; action?: string }): Promise<string>;
