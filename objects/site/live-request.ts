// Which live view a socket asks the site object for: the Worker checks who may open it and passes the
// request in a header; the object checks it against the site (the desk exists, the e-ticket is known)
// and the client's protocol version (the socket URL's ?protocol=, forwarded unchanged by the Worker).
// A public e-ticket socket beyond the caps of its ticket or its client address is refused
// (429 RATE_LIMITED; the page's socket dials again later with backoff). A ticket whose day has ended
// refuses its socket with 410 ETICKET_ENDED, as its HTTP route does.
import { ERRORS, type ErrorCode } from "../../protocol/errors.ts";
import { assertNever, CLOSE, PROTOCOL_PARAM, protocolSupported, SUPPORTED_PROTOCOLS } from "../../protocol/live.ts";
import type { Ticket } from "../queue/model.ts";
import { subjectTag } from "./device-contacts.ts";
import { eticketEnded } from "./eticket-expiry.ts";
import { type LiveAttachment, streamKey } from "./live-hub.ts";
import { addressTag, overSocketCap } from "./live-limits.ts";
import type { SiteIndex } from "./site-index.ts";

/**
 * What the Worker asks of a socket, after checking who may open it. `who`: the token's subject (a user
 * name, or device:<pairing id>), whose sockets close at once when it is disabled, signed out or revoked.
 */
export type LiveRequest =
  | { role: "display"; who?: string }
  /** `serves`: the token is the site's agent's (not a manager's), which may serve local continuity. */
  | { role: "agent"; who?: string; serves?: boolean }
  | { role: "desk" | "clerk"; deskId: string; who?: string }
  | { role: "eticket"; token: string; client: string };

export const LIVE_HEADER = "X-Numerek-Live";

export function errorResponse(code: ErrorCode): Response {
  return Response.json({ error: { code, message: ERRORS[code][1] } }, { status: ERRORS[code][0] });
}

/**
 * A client of another protocol version: the upgrade is accepted and the socket closed at once with
 * CLOSE.VERSION_UNSUPPORTED, since a browser reads a close code but never an HTTP refusal's body.
 * The socket is not kept (no hibernation, no attachment): it is gone as soon as the client reads why.
 */
function versionRefused(version: string): Response {
  const pair = new WebSocketPair();
  const [client, server] = [pair[0], pair[1]];
  server.accept();
  server.close(
    CLOSE.VERSION_UNSUPPORTED,
    `protocol ${version.slice(0, 12)} unsupported (server speaks ${SUPPORTED_PROTOCOLS.join(", ")}): reload or update`,
  );
  return new Response(null, { status: 101, webSocket: client });
}

/** A socket to let in: its attachment, and the tags it is counted by beyond its role and stream. */
export interface LiveAdmission {
  attachment: LiveAttachment;
  tags: string[];
}

/** What an upgrade is checked against: the site, its tickets, and the sockets open now by tag (the count survives hibernation). */
export interface LiveContext {
  index: SiteIndex | null;
  ticketByToken: (token: string) => Ticket | null;
  openSockets: (tag: string) => number;
  /** The time of the upgrade: a ticket whose day has ended refuses its socket. */
  now: number;
}

/** The socket to let in for an upgrade request, or the answer that refuses it. */
export function liveAdmission(request: Request, site: LiveContext): LiveAdmission | Response {
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return errorResponse("UPGRADE_REQUIRED");
  const version = new URL(request.url).searchParams.get(PROTOCOL_PARAM);
  if (!protocolSupported(version)) return versionRefused(version ?? "");
  if (!site.index) return errorResponse("UNKNOWN_SITE");
  let spec: LiveRequest;
  try {
    spec = JSON.parse(request.headers.get(LIVE_HEADER) ?? "") as LiveRequest;
  } catch {
    return errorResponse("BAD_REQUEST");
  }
  switch (spec.role) {
    case "display":
      return { attachment: { role: spec.role }, tags: whoTags(spec.who) };
    case "agent":
      return {
        attachment: spec.serves && spec.who ? { role: "agent", serves: spec.who } : { role: "agent" },
        tags: whoTags(spec.who),
      };
    case "desk":
    case "clerk":
      return site.index.desks.has(spec.deskId)
        ? { attachment: { role: spec.role, deskId: spec.deskId }, tags: whoTags(spec.who) }
        : errorResponse("UNKNOWN_DESK");
    case "eticket": {
      const t = site.ticketByToken(spec.token);
      if (!t) return errorResponse("UNKNOWN_ETICKET");
      if (eticketEnded(t.day, site.now, site.index.config.timeZone)) return errorResponse("ETICKET_ENDED");
      const attachment: LiveAttachment = { role: "eticket", ticketId: t.id };
      const from = addressTag(spec.client);
      const open = { ticket: site.openSockets(streamKey(attachment)), address: site.openSockets(from) };
      return overSocketCap(open) ? errorResponse("RATE_LIMITED") : { attachment, tags: [from] };
    }
    default:
      return assertNever(spec);
  }
}

function whoTags(who: string | undefined): string[] {
  return who ? [subjectTag(who)] : [];
}
