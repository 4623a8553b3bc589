// Cloudflare Turnstile on the booking form: the settings the booking page needs (site key, script), and
// the server-side check of the widget's token through siteverify, once, before any hold is made.
//
// Settings: TURNSTILE_SITE_KEY (public), TURNSTILE_SECRET_KEY (secret), and the script and siteverify
// URLs, which default to Cloudflare's (the demo and the tests point them at a loopback stand-in,
// scripts/turnstile-stand-in.mjs). In production both keys are required: without them createBooking
// answers 503 NOT_CONFIGURED and the log says which is missing. In demo mode with neither key set the
// check is off (the booking page shows no widget); `npm start` sets both for its stand-in.
import type { Context } from "hono";
import { z } from "zod";
import type { BookingConfig } from "../protocol/api.ts";
import { assertNever } from "../protocol/live.ts";
import type { AppEnv } from "./app-env.ts";
import { type Env, isDemo } from "./env.ts";
import { ApiError } from "./errors.ts";
import { clientAddress } from "./validate.ts";

export const TURNSTILE_SCRIPT_URL = "https://challenges.cloudflare.com/turnstile/v0/api.js";
export const TURNSTILE_SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
/** The action the booking page renders the widget with; a token made for another form is refused. */
export const BOOKING_ACTION = "booking";
/** siteverify answers in well under a second; a citizen should not wait longer than this for it. */
const SITEVERIFY_TIMEOUT_MS = 5_000;

/** How bookings are checked for a person: not at all (demo without keys), by Turnstile, or refused until configured. */
export type HumanCheck =
  | { kind: "off" }
  | { kind: "turnstile"; siteKey: string; secretKey: string; scriptUrl: string; siteverifyUrl: string }
  | { kind: "unconfigured"; problem: string };

export function humanCheckOf(env: Env): HumanCheck {
  const siteKey = env.TURNSTILE_SITE_KEY?.trim() ?? "";
  const secretKey = env.TURNSTILE_SECRET_KEY?.trim() ?? "";
  if (siteKey && secretKey) {
    return {
      kind: "turnstile",
      siteKey,
      secretKey,
      scriptUrl: env.TURNSTILE_SCRIPT_URL || TURNSTILE_SCRIPT_URL,
      siteverifyUrl: env.TURNSTILE_SITEVERIFY_URL || TURNSTILE_SITEVERIFY_URL,
    };
  }
  // Demo mode without either key: no check. One key without the other is a mistake in any mode.
  if (isDemo(env) && !siteKey && !secretKey) return { kind: "off" };
  return { kind: "unconfigured", problem: secretKey ? "TURNSTILE_SITE_KEY is not set" : "TURNSTILE_SECRET_KEY is not set" };
}

/** What the booking page learns (GET /api/v1/booking/config): never the secret. */
export function bookingConfigOf(env: Env): BookingConfig {
  const check = humanCheckOf(env);
  switch (check.kind) {
    case "off":
      return { humanCheck: null };
    case "unconfigured":
      throw notConfigured(check.problem);
    case "turnstile":
      return { humanCheck: { provider: "turnstile", siteKey: check.siteKey, scriptUrl: check.scriptUrl, action: BOOKING_ACTION } };
    default:
      return assertNever(check);
  }
}

/** The origin the booking page's Content-Security-Policy must allow for the widget (script and frame), if any. */
export function widgetOrigin(env: Env): string | null {
  const check = humanCheckOf(env);
  if (check.kind !== "turnstile") return null;
  try {
    return new URL(check.scriptUrl).origin;
  } catch {
    return null;
  }
}

// ---- siteverify --------------------------------------------------------------------------------

/** Cloudflare's answer (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/). */
const SiteverifyAnswer = z.object({
  success: z.boolean(),
  "error-codes": z.array(z.string()).default([]),
  challenge_ts: z.string().optional(),
  hostname: z.string().optional(),
  action: z.string().optional(),
});

/** Error codes that mean the citizen's token is no good: they may tick the widget again. */
const TOKEN_REFUSED = new Set(["missing-input-response", "invalid-input-response", "timeout-or-duplicate"]);

export type Verdict =
  | { ok: true }
  /** The token is missing, forged, spent, expired, or made for another host or form. */
  | { ok: false; reason: "refused"; detail: string }
  /** siteverify could not say (unreachable, a server error, or our own secret refused): not the citizen's fault. */
  | { ok: false; reason: "unavailable"; detail: string };

export interface SiteverifyRequest {
  url: string;
  secret: string;
  token: string;
  /** The citizen's address, when known (Cloudflare's CF-Connecting-IP). */
  remoteip?: string;
  /** The page's host name and the widget's action the token must carry. */
  hostname: string;
  action: string;
  timeoutMs?: number;
}

/**
 * Checks a token with siteverify (POST secret, response, remoteip, idempotency_key). A call lost on the
 * way or answered 5xx is tried once more with the same idempotency_key, which Cloudflare answers as the
 * first call (so our own retry never spends the token twice).
 */
export async function siteverify(req: SiteverifyRequest): Promise<Verdict> {
  const form = new URLSearchParams({ secret: req.secret, response: req.token, idempotency_key: crypto.randomUUID() });
  if (req.remoteip) form.set("remoteip", req.remoteip);
  let problem = "";
  for (let attempt = 0; attempt < 2; attempt++) {
    let res: Response;
    try {
      res = await fetch(req.url, { method: "POST", body: form, signal: AbortSignal.timeout(req.timeoutMs ?? SITEVERIFY_TIMEOUT_MS) });
    } catch (err) {
      problem = `siteverify unreachable (${err instanceof Error ? err.name : "error"})`;
      continue;
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      problem = `siteverify answered ${res.status}`;
      continue;
    }
    const parsed = SiteverifyAnswer.safeParse(await res.json().catch(() => null));
    if (!parsed.success) return { ok: false, reason: "unavailable", detail: `siteverify answered ${res.status} without its JSON` };
    return judge(parsed.data, req);
  }
  return { ok: false, reason: "unavailable", detail: problem };
}

function judge(answer: z.infer<typeof SiteverifyAnswer>, req: SiteverifyRequest): Verdict {
  const codes = answer["error-codes"];
  if (!answer.success) {
    const detail = `siteverify refused: ${codes.join(", ") || "no error code"}`;
    return codes.length > 0 && codes.every((c) => TOKEN_REFUSED.has(c))
      ? { ok: false, reason: "refused", detail }
      : { ok: false, reason: "unavailable", detail };
  }
  if (answer.hostname !== req.hostname) {
    return { ok: false, reason: "refused", detail: `token made on ${answer.hostname ?? "no host"}, not ${req.hostname}` };
  }
  if (answer.action !== req.action) {
    return { ok: false, reason: "refused", detail: `token made for action ${answer.action ?? "none"}, not ${req.action}` };
  }
  return { ok: true };
}

// ---- the check in front of createBooking -------------------------------------------------------

const logged = new Set<string>();
function logOnce(message: string): void {
  if (logged.has(message)) return;
  logged.add(message);
  console.error(message);
}

function notConfigured(problem: string): ApiError {
  logOnce(
    `numerek: bookings are refused (503 NOT_CONFIGURED): ${problem}. Set the widget's keys: TURNSTILE_SITE_KEY in wrangler.jsonc and 'wrangler secret put TURNSTILE_SECRET_KEY --env production'.`,
  );
  return new ApiError("NOT_CONFIGURED", `Booking is unavailable: the human check is not set up (${problem}). The operator must set it.`);
}

/**
 * Throws unless the request carries a Turnstile token that siteverify accepts, for this host and the
 * booking form: HUMAN_CHECK_FAILED (the citizen ticks again), HUMAN_CHECK_UNAVAILABLE (siteverify could
 * not say), NOT_CONFIGURED (production without the keys). A token passes once: call this only for a new
 * command, after an idempotent replay has been answered.
 */
export async function requireHuman(c: Context<AppEnv>, token: string | undefined): Promise<void> {
  const check = humanCheckOf(c.env);
  switch (check.kind) {
    case "off":
      return;
    case "unconfigured":
      throw notConfigured(check.problem);
    case "turnstile":
      break;
    default:
      assertNever(check);
  }
  if (!token) throw new ApiError("HUMAN_CHECK_FAILED", "Tick the check that you are a person first.");
  const address = clientAddress(c);
  const verdict = await siteverify({
    url: check.siteverifyUrl,
    secret: check.secretKey,
    token,
    ...(address !== "local" ? { remoteip: address } : {}),
    hostname: new URL(c.req.url).hostname,
    action: BOOKING_ACTION,
  });
  if (verdict.ok) return;
  switch (verdict.reason) {
    case "refused":
      throw new ApiError("HUMAN_CHECK_FAILED");
    case "unavailable":
      // Never the token or the secret: the reason only.
      console.error(`numerek: a booking's human check could not be completed: ${verdict.detail}`);
      throw new ApiError("HUMAN_CHECK_UNAVAILABLE");
    default:
      assertNever(verdict);
  }
}
