// How long an e-ticket link works: through its ticket's local day and a short grace after midnight
// (a citizen served late can still look at it), then never again (410 ETICKET_ENDED). At the next
// day's housekeeping the token of a ticket of an earlier day is replaced, so the link cannot match.
import { localDate } from "../queue/time.ts";

/** The link works this long after the local midnight that ends its ticket's day. */
export const ETICKET_GRACE_MS = 2 * 60 * 60 * 1000;

/** Whether a ticket of local day `day` has ended for its e-ticket link at `now`. */
export function eticketEnded(day: string, now: number, timeZone: string): boolean {
  return localDate(now - ETICKET_GRACE_MS, timeZone) > day;
}
