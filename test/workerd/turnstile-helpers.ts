// The Turnstile stand-in as the workerd tests use it (over loopback HTTP; its server runs in Node, see
// turnstile-stand-in.setup.ts): its settings for a Worker, and fresh tokens as its widget would give them.
import { inject } from "vitest";
import type { Env } from "../../worker/env.ts";

export const standIn = () => inject("turnstile");

/** The Worker's settings that send the human check to the stand-in. */
export function turnstileVars(): Pick<
  Env,
  "TURNSTILE_SITE_KEY" | "TURNSTILE_SECRET_KEY" | "TURNSTILE_SCRIPT_URL" | "TURNSTILE_SITEVERIFY_URL"
> {
  const s = standIn();
  return {
    TURNSTILE_SITE_KEY: s.siteKey,
    TURNSTILE_SECRET_KEY: s.secretKey,
    TURNSTILE_SCRIPT_URL: s.scriptUrl,
    TURNSTILE_SITEVERIFY_URL: s.siteverifyUrl,
  };
}

/** A fresh token, as if a citizen had ticked the widget on a page of `hostname` (the booking form's action by default). */
export async function freshToken(hostname: string, action = "booking"): Promise<string> {
  const res = await fetch(`${standIn().origin}/turnstile/v0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ hostname, action }),
  });
  if (!res.ok) throw new Error(`stand-in token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
