// The data-protection notice of the booking form in the page's language: the office's own text in that
// language when it gave one, else its Polish text, marked as Polish so that a screen reader reads it so.
import type { PublicSite } from "../../protocol/api.ts";
import type { Lang } from "../shared/i18n.tsx";

export function privacyNotice(privacy: PublicSite["privacy"], lang: Lang): { text: string; lang: Lang } {
  const own = lang === "en" ? privacy.noticeEn : lang === "uk" ? privacy.noticeUk : privacy.notice;
  return own ? { text: own, lang } : { text: privacy.notice, lang: "pl" };
}
