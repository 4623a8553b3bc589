// Which push endpoints numerek will send to, so that an e-ticket cannot turn the site object into a
// proxy that posts to any address it names. The zod schema (protocol/push.ts) has already required an
// https URL with a host name (never an IP address) of at most 1,024 characters. Here, as a plain rule:
// - never credentials in the URL, never a port other than 443, never a name that only a private network
//   resolves (localhost, *.local, *.internal, *.lan, *.home.arpa, a name without a dot);
// - in production, only the push services browsers use: Google's FCM (Chrome, Edge on Android, Opera,
//   Samsung Internet), Mozilla's autopush (Firefox), Apple's (Safari) and Microsoft's WNS (Edge);
// - in demo mode (`npm start`, the tests) any other public-looking host too: the tests' loopback push
//   service stands in for one (test/workerd/push.test.ts).

/** Host names of the push services browsers subscribe with, and the suffixes of theirs that vary. */
const PUSH_SERVICE_HOSTS = new Set(["fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com"]);
const PUSH_SERVICE_SUFFIXES = [".push.apple.com", ".notify.windows.com", ".push.services.mozilla.com"];
const PRIVATE_SUFFIXES = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet", ".corp"];

export type EndpointProblem = "not-https" | "credentials" | "port" | "private-host" | "unknown-service";

/** Why numerek will not send to this endpoint, or null when it will. */
export function pushEndpointProblem(endpoint: string, mode: "demo" | "production"): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "not-https";
  }
  if (url.protocol !== "https:") return "not-https";
  if (url.username || url.password) return "credentials";
  if (url.port !== "" && url.port !== "443") return "port";
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!host.includes(".") || host.startsWith("[") || /^[\d.]+$/.test(host) || host === "localhost") return "private-host";
  if (PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return "private-host";
  if (mode === "demo") return null;
  return isPushService(host) ? null : "unknown-service";
}

export function isPushService(host: string): boolean {
  return PUSH_SERVICE_HOSTS.has(host) || PUSH_SERVICE_SUFFIXES.some((s) => host.endsWith(s));
}

/** The message of the refusal (no endpoint in it: it is personal data). */
export function endpointProblemMessage(p: EndpointProblem): string {
  switch (p) {
    case "not-https":
      return "subscription.endpoint: an https URL";
    case "credentials":
      return "subscription.endpoint: no user name or password in the URL";
    case "port":
      return "subscription.endpoint: the default https port only";
    case "private-host":
      return "subscription.endpoint: a public host name, not a local or private one";
    case "unknown-service":
      return "subscription.endpoint: not a push service browsers use (FCM, Mozilla, Apple, Windows)";
  }
}
