// Whether the page offers "Nowa placówka". A manager of every site (signed in with "*", whose sign-in
// listed every site there was) may create sites; any other manager would be refused SITE_FORBIDDEN by
// the server, which decides in every case. Sites this page creates are added to the session's list.
import type { PublicSite } from "../../protocol/api.ts";
import type { Session } from "../shared/session.ts";

export function mayCreateSites(session: Session, sites: readonly PublicSite[]): boolean {
  return session.role === "manager" && sites.length > 0 && sites.every((s) => session.siteIds.includes(s.id));
}
