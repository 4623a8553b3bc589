// Bindings and settings the Worker and the objects receive (see wrangler.jsonc).
import type { Directory } from "../objects/directory.ts";
import type { Pairings } from "../objects/pairings.ts";
import type { Registry } from "../objects/registry.ts";
import type { SendLimits } from "../objects/send-limits.ts";
import type { SiteQueue } from "../objects/site-queue.ts";

export interface Env {
  SITE: DurableObjectNamespace<SiteQueue>;
  /** One object per organisation (accounts, its sites' configuration, login records), one for the operators. */
  DIRECTORY: DurableObjectNamespace<Directory>;
  /** One object for the deployment: organisations, and which organisation each site and user name belongs to. */
  REGISTRY: DurableObjectNamespace<Registry>;
  /** Sends counted across the deployment (codes per number, mailbox and client address), a few objects by key. */
  SEND_LIMITS: DurableObjectNamespace<SendLimits>;
  /** Codes devices show while they wait to be paired: one object for the deployment. */
  PAIRINGS: DurableObjectNamespace<Pairings>;
  /** "demo" seeds the demo organisations and the admin/admin operator; "production" refuses both. */
  NUMEREK_MODE: "demo" | "production";
  /** Base of e-ticket links. */
  PUBLIC_URL: string;
  /** Key that signs staff and device tokens. */
  AUTH_SECRET: string;
  /** During a key rotation: the key before AUTH_SECRET, whose tokens are believed until they expire. */
  AUTH_SECRET_PREVIOUS?: string;
  /** Production only, a secret "username:password": the first operator, made once if no operator exists. */
  FIRST_OPERATOR?: string;
  /** The earlier name of FIRST_OPERATOR, still accepted (FIRST_OPERATOR wins when both are set). */
  FIRST_MANAGER?: string;
  /** "eu" in production: objects are created in, and never leave, the EU jurisdiction. */
  DATA_JURISDICTION?: "eu";
  /** Twilio's Messaging API (secrets); without them demo mode uses the local outbox. */
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_MESSAGING_SERVICE_SID?: string;
  /** Another Twilio-compatible endpoint (a test double). */
  TWILIO_BASE_URL?: string;
  /** Demo mode only: each site's first n SMS fail as if the provider were down (to watch the outbox retry). */
  SMS_FAIL_FIRST?: string;
  /** Cloudflare Email Service (`send_email` binding): e-mails to citizens who booked with an address. */
  EMAIL?: SendEmail;
  /** The e-mails' sender, "numerek <rezerwacje@numerek.example>"; without it every e-mail fails visibly in the outbox. */
  EMAIL_FROM?: string;
  /** Cloudflare Turnstile on the booking form: the widget's public site key (a var). */
  TURNSTILE_SITE_KEY?: string;
  /** Turnstile's secret key for siteverify (a secret). Production refuses bookings without it; demo mode without it skips the check. */
  TURNSTILE_SECRET_KEY?: string;
  /** The widget's script; Cloudflare's api.js unless set (the demo and the tests point it at a loopback stand-in). */
  TURNSTILE_SCRIPT_URL?: string;
  /** Where tokens are checked; Cloudflare's siteverify unless set (a loopback stand-in in the demo and the tests). */
  TURNSTILE_SITEVERIFY_URL?: string;
  /** Web Push (VAPID, RFC 8292): the public key (base64url, 65 bytes), a var or secret; demo mode without keys uses published demo keys. */
  VAPID_PUBLIC_KEY?: string;
  /** The private key (base64url, 32 bytes), a secret. Production without the three VAPID settings offers no push notification. */
  VAPID_PRIVATE_KEY?: string;
  /** A contact for the push services: "mailto:…" or "https://…". */
  VAPID_SUBJECT?: string;
  /**
   * The addresses of the offices' print agents on their networks (continuity.publicUrl of each agent that
   * serves the hall while its office is cut off), separated by spaces: the hall's pages (kiosk, screens,
   * console) may connect to these besides their own origin (their Content-Security-Policy).
   */
  LOCAL_AGENT_ORIGINS?: string;
  /** Static client files (present once the clients are built). */
  ASSETS?: Fetcher;
}

export function isDemo(env: Env): boolean {
  return env.NUMEREK_MODE === "demo";
}
