// Whether the page offers "Nowa placówka": an organisation's administrator creates sites in their
// organisation. A manager of chosen sites may not, and the operator names the organisation through the
// API; the server decides in every case. Sites this page creates are added to the session's list.
import type { Session } from "../shared/session.ts";

export function mayCreateSites(session: Session): boolean {
  return session.role === "org-admin";
}
