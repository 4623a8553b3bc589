// The data-protection notice a site starts with (protocol/config.ts), kept apart from the schemas so that
// the configuration page can start a new site from it without carrying zod.

/** The data-protection notice of a site that has not written its own, in the three languages of the booking page. */
export const DEFAULT_PRIVACY = {
  controller: "Urząd Miasta",
  notice:
    "Dane (imię i nazwisko lub nazwa firmy, telefon lub e-mail) są przetwarzane wyłącznie w celu obsługi rezerwacji wizyty i usuwane po jej terminie.",
  noticeEn:
    "Your data (name or company name, phone or e-mail) are processed only to handle the booking of your visit and are deleted after it.",
  noticeUk:
    "Дані (ім’я та прізвище або назва компанії, телефон або e-mail) обробляються виключно для обслуговування запису на прийом і видаляються після нього.",
};
