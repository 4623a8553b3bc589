// What the e-ticket's service worker shows for a push message (Web Push): the title and body of the
// notification in the ticket's language, from the one translation table. The payload is what the site
// object sent (protocol/push.ts), decrypted by the browser; anything else is ignored.
import type { PushPayload } from "../../protocol/push.ts";
import { translate } from "../shared/i18n.tsx";

export interface PushNotice {
  title: string;
  body: string;
  /** One notification per ticket: a newer one replaces the older. */
  tag: string;
  lang: PushPayload["lang"];
  /** The e-ticket, opened by a tap. */
  url: string;
}

export function pushNotice(p: PushPayload): PushNotice {
  const base = { tag: `numerek-${p.number}`, lang: p.lang, url: p.url };
  switch (p.kind) {
    case "near":
      return {
        ...base,
        title: translate(p.lang, "push.nearTitle", { number: p.number }),
        body: p.ahead === 0 ? translate(p.lang, "push.nearNext") : translate(p.lang, "push.nearAhead", { n: p.ahead }),
      };
    case "called":
      return {
        ...base,
        title: translate(p.lang, "push.calledTitle", { number: p.number, desk: p.desk }),
        body: translate(p.lang, "push.calledBody", { desk: p.desk }),
      };
  }
}

/** The payload of a push message, or null when it is not one of numerek's. */
export function readPushPayload(data: unknown): PushPayload | null {
  if (typeof data !== "object" || data === null) return null;
  const p = data as Record<string, unknown>;
  const lang = p.lang === "en" || p.lang === "uk" ? p.lang : "pl";
  if (p.v !== 1 || typeof p.number !== "string" || typeof p.url !== "string" || !p.url.startsWith("http")) return null;
  if (p.kind === "near" && typeof p.ahead === "number") return { v: 1, kind: "near", number: p.number, ahead: p.ahead, lang, url: p.url };
  if (p.kind === "called" && typeof p.desk === "string") return { v: 1, kind: "called", number: p.number, desk: p.desk, lang, url: p.url };
  return null;
}
