import { describe, expect, it } from "vitest";
import { DEFAULT_PRIVACY } from "../../protocol/default-privacy.ts";
import { privacyNotice } from "./privacy.ts";

const notice = "Dane służą wyłącznie do rezerwacji wizyty.";

describe("the privacy notice in the page's language", () => {
  it("is the office's text in that language when it gave one", () => {
    const privacy = { controller: "Urząd", notice, noticeEn: "Data is used only for the booking.", noticeUk: "Дані лише для запису." };
    expect(privacyNotice(privacy, "pl")).toEqual({ text: notice, lang: "pl" });
    expect(privacyNotice(privacy, "en")).toEqual({ text: "Data is used only for the booking.", lang: "en" });
    expect(privacyNotice(privacy, "uk")).toEqual({ text: "Дані лише для запису.", lang: "uk" });
  });

  it("is the default notice's own translation for a site stored with the default Polish notice alone", () => {
    const stored = { controller: "Urząd Miasta", notice: DEFAULT_PRIVACY.notice };
    expect(privacyNotice(stored, "en")).toEqual({ text: DEFAULT_PRIVACY.noticeEn, lang: "en" });
    expect(privacyNotice(stored, "uk")).toEqual({ text: DEFAULT_PRIVACY.noticeUk, lang: "uk" });
  });

  it("is the Polish text, said to be Polish, where the office gave none", () => {
    expect(privacyNotice({ controller: "Urząd", notice }, "en")).toEqual({ text: notice, lang: "pl" });
    expect(privacyNotice({ controller: "Urząd", notice, noticeEn: "In English." }, "uk")).toEqual({ text: notice, lang: "pl" });
  });
});
