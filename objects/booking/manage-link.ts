// The link a confirmation, a reminder and the confirmation page give for changing or cancelling a visit.
import type { CitizenLang } from "../../protocol/lang.ts";

/**
 * `{publicUrl}/booking/manage/{bookingId}?token={token}`: the booking site's manage page, with `&lang=` for
 * a visit booked in English or Ukrainian, so that the page opens in that language (Polish, the page's
 * own default, needs no word).
 */
export function manageLink(publicUrl: string, bookingId: string, token: string, lang: CitizenLang = "pl"): string {
  return `${publicUrl.replace(/\/$/, "")}/booking/manage/${bookingId}?token=${token}${lang === "pl" ? "" : `&lang=${lang}`}`;
}
