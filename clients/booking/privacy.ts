// The data-protection notice of the booking form in the page's language: the office's own text in that
// language when it gave one, else its Polish text, marked as Polish so that a screen reader reads it so.
import type { PublicSite } from "../../protocol/api.ts";
import { DEFAULT_PRIVACY } from "../../protocol/default-privacy.ts";
import type { Lang } from "../shared/i18n.tsx";

export function privacyNotice(privacy: PublicSite["privacy"], lang: Lang): { text: string; lang: Lang } {
  // A site stored before the notice had translations keeps the default Polish text alone: its translations are known.
  const texts = privacy.notice === DEFAULT_PRIVACY.notice ? { ...DEFAULT_PRIVACY, ...privacy } : privacy;
  const own = lang === "en" ? texts.noticeEn : lang === "uk" ? texts.noticeUk : texts.notice;
  return own ? { text: own, lang } : { text: texts.notice, lang: "pl" };
}
