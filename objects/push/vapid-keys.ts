// The VAPID keys (RFC 8292) the site objects sign push requests with and the e-ticket subscribes with:
// VAPID_PUBLIC_KEY (base64url of the 65-byte uncompressed P-256 point), VAPID_PRIVATE_KEY (base64url of
// the 32-byte private scalar) and VAPID_SUBJECT (mailto: or https:, a contact for the push services).
// Production takes only keys of its own, all three set and well formed; without them the e-ticket offers
// no push notification and the API answers 503 NOT_CONFIGURED. Demo mode (`npm start`, the tests) uses
// the published demo pair below unless keys are set; production refuses that pair.
import { base64urlBytes } from "../../protocol/push.ts";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** The demo's key pair: anyone can read it, so production refuses it. */
export const DEMO_VAPID_KEYS: VapidKeys = {
  publicKey: "BPLukAzUqENGGN6xPBbfsMf1K4E7eKfHzb0bCBpLrszbPtCoEGFA9pHIMaWcxqPJ-YAkuby_7R_bDP8g14vlUG0",
  privateKey: "MJ5yY4MuB1FRzO1GNS_QJSiht1q3ntkm2HpiRJ5Fi3E",
  subject: "mailto:demo@numerek.example",
};

export interface VapidSettings {
  NUMEREK_MODE: "demo" | "production";
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
}

export type PushSetup = { kind: "on"; keys: VapidKeys } | { kind: "unconfigured"; problem: string };

export function pushSetupOf(env: VapidSettings): PushSetup {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim() ?? "";
  const privateKey = env.VAPID_PRIVATE_KEY?.trim() ?? "";
  const subject = env.VAPID_SUBJECT?.trim() ?? "";
  if (env.NUMEREK_MODE === "demo" && !publicKey && !privateKey) return { kind: "on", keys: DEMO_VAPID_KEYS };
  const problem = vapidProblem({ publicKey, privateKey, subject }, env.NUMEREK_MODE);
  return problem ? { kind: "unconfigured", problem } : { kind: "on", keys: { publicKey, privateKey, subject } };
}

/** Why these keys cannot be used (never the key itself), or null. */
export function vapidProblem(k: VapidKeys, mode: "demo" | "production"): string | null {
  if (!k.publicKey) return "VAPID_PUBLIC_KEY is not set";
  if (!k.privateKey) return "VAPID_PRIVATE_KEY is not set";
  if (!k.subject) return "VAPID_SUBJECT is not set";
  if (base64urlBytes(k.publicKey) !== 65 || !k.publicKey.startsWith("B")) return "VAPID_PUBLIC_KEY is not base64url of a 65-byte P-256 key";
  if (base64urlBytes(k.privateKey) !== 32) return "VAPID_PRIVATE_KEY is not base64url of a 32-byte P-256 key";
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(k.subject)) return "VAPID_SUBJECT is not a mailto: or https: address";
  if (mode === "production" && k.publicKey === DEMO_VAPID_KEYS.publicKey) return "VAPID_PUBLIC_KEY is the demo key";
  return null;
}
