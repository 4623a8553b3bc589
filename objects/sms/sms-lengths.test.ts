// Every SMS numerek sends, measured with the longest values a configuration allows: the office's name
// (120 characters) and address (200), a site id of 40 characters in the links, the longest ticket number,
// check-in window and reminder lead. The code fits one segment, every other text two. No SMS names the
// matter (the confirmation page and e-mail do), so its length does not count here.
import { describe, expect, it } from "vitest";
import { manageLink } from "../booking/manage-link.ts";
import { eticketUrl } from "../site/tickets.ts";
import {
  cancellationSms,
  codeSms,
  confirmationSms,
  formatVisitDate,
  reminderDayBeforeSms,
  reminderSoonSms,
  rescheduledSms,
  type SmsLang,
  smsSegments,
  turnNearSms,
  type Visit,
} from "./messages.ts";

const PUBLIC_URL = "https://rezerwacje.urzad-miasta.koszalin.pl";
const SITE_ID = "koszalin-ratusz-wydzial-spraw-obywatelsk";
const TOKEN = "q7Zr-x_9KpLmN2vB4cD8eF"; // randomToken(16): 22 characters
const MANAGE_URL = manageLink(PUBLIC_URL, `${SITE_ID}.${TOKEN}`, TOKEN);
/** The manage link of a visit booked in `lang`: English and Ukrainian ones say so ("&lang=uk"). */
const manageUrlIn = (lang: SmsLang) => manageLink(PUBLIC_URL, `${SITE_ID}.${TOKEN}`, TOKEN, lang);
const ETICKET_URL = eticketUrl(PUBLIC_URL, `${SITE_ID}.${TOKEN}`);

const LONGEST: Visit = {
  siteName: "Urząd Miasta Koszalina – Wydział Spraw Obywatelskich i Komunikacji, Biuro Obsługi Mieszkańców ".padEnd(120, "źdźbło "),
  address: "ul. Zwycięstwa 150/152, 75-950 Koszalin, wejście od ulicy Świętego Ducha przez dziedziniec, parter, pokój 14 ".padEnd(
    200,
    "łącznik ",
  ),
  date: "2026-11-25",
  time: "23:55",
  ticket: "ZZ9999",
  checkInCode: "7KX3MP",
  checkInEarlyMinutes: 120,
  manageUrl: MANAGE_URL,
};
const AUTOMATIC: Visit = { ...LONGEST, checkInCode: null };
const LANGS: SmsLang[] = ["pl", "en", "uk"];

function texts(): [string, string][] {
  const out: [string, string][] = [
    ["code pl", codeSms("999999")],
    ["code en", codeSms("999999", "en")],
    ["code uk", codeSms("999999", "uk")],
  ];
  for (const lang of LANGS) {
    for (const [what, v] of [
      ["kiosk", { ...LONGEST, manageUrl: manageUrlIn(lang) }],
      ["automatic", { ...AUTOMATIC, manageUrl: manageUrlIn(lang) }],
    ] as const) {
      out.push([`confirmation ${what} ${lang}`, confirmationSms(v, lang)]);
      out.push([`moved ${what} ${lang}`, rescheduledSms(v, lang)]);
      out.push([`day before ${what} ${lang}`, reminderDayBeforeSms(v, lang)]);
      out.push([`soon ${what} ${lang}`, reminderSoonSms(v, 1440, lang)]);
    }
    for (const ahead of [0, 1, 999])
      out.push([`turn near ${ahead} ${lang}`, turnNearSms({ ticket: "ZZ9999", ahead, eticketUrl: ETICKET_URL }, lang)]);
    const when = `${formatVisitDate(LONGEST.date, lang)}, ${lang === "pl" ? "godz. " : ""}${LONGEST.time}`;
    out.push([`cancellation ${lang}`, cancellationSms({ when, siteName: LONGEST.siteName }, lang)]);
  }
  return out;
}

describe("every SMS with the longest values allowed", () => {
  it("the values are the longest the configuration takes", () => {
    expect(LONGEST.siteName).toHaveLength(120);
    expect(LONGEST.address).toHaveLength(200);
    expect(SITE_ID).toHaveLength(40);
    expect(MANAGE_URL.length).toBeGreaterThan(140);
  });

  it("the code fits one segment, every other text two", () => {
    for (const [name, text] of texts()) {
      const limit = name.startsWith("code") ? 1 : 2;
      expect(smsSegments(text).segments, `${name}: ${text}`).toBeLessThanOrEqual(limit);
    }
  });

  it("the link, the time, the ticket and the kiosk code always arrive whole", () => {
    for (const lang of LANGS) {
      const v = { ...LONGEST, manageUrl: manageUrlIn(lang) };
      for (const text of [confirmationSms(v, lang), rescheduledSms(v, lang), reminderDayBeforeSms(v, lang)]) {
        for (const fact of [v.manageUrl, "23:55", "ZZ9999", "7KX3MP", "21:55", "25.11.2026"]) expect(text).toContain(fact);
      }
      expect(turnNearSms({ ticket: "ZZ9999", ahead: 999, eticketUrl: ETICKET_URL }, lang)).toContain(ETICKET_URL);
    }
  });

  it("a short office keeps its Polish letters and whole name", () => {
    const short: Visit = { ...AUTOMATIC, siteName: "USC Toruń", address: "ul. Łazienna 8", ticket: "R012" };
    const text = reminderSoonSms(short, 30);
    expect(text).toContain("USC Toruń, ul. Łazienna 8");
    expect(smsSegments(text).encoding).toBe("UCS-2");
  });
});
