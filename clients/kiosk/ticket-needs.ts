// What a citizen asks for at the kiosk besides the matter (issue 14): a priority ticket, the site's PJM
// interpreter. Chosen on the start screen, kept for the visit, sent with the ticket.
import type { IssueTicketRequest } from "../../protocol/api.ts";
import type { HallSite } from "../../protocol/live.ts";
import type { Lang } from "../shared/i18n.tsx";

export interface TicketNeeds {
  priority: boolean;
  interpreter: boolean;
}

export const NO_NEEDS: TicketNeeds = { priority: false, interpreter: false };

/** The issue command's body: the flags only when asked for. */
export function issueBody(matterId: string, needs: TicketNeeds): IssueTicketRequest {
  return { matterId, ...(needs.priority ? { priority: true } : {}), ...(needs.interpreter ? { interpreter: true } : {}) };
}

/** The same matter with other needs is another request (its own idempotency key). */
export function needsIdentity(matterId: string, needs: TicketNeeds): string {
  return `${matterId}${needs.priority ? ":priority" : ""}${needs.interpreter ? ":pjm" : ""}`;
}

type Group = NonNullable<HallSite["priority"]>["groups"][number];

/** A priority group in the kiosk's language: Ukrainian, then English, then the Polish name. */
export function groupLabel(g: Group, lang: Lang): string {
  if (lang === "uk") return g.nameUk ?? g.nameEn ?? g.name;
  if (lang === "en") return g.nameEn ?? g.name;
  return g.name;
}
