// The e-mails of a booking by e-mail: in the citizen's language, the same facts as the SMS, and HTML that is escaped.
import { describe, expect, it } from "vitest";
import { KOSZALIN, TORUN } from "../sms/test-visits.ts";
import {
  cancellationEmail,
  codeEmail,
  confirmationEmail,
  emailHtml,
  escapeHtml,
  reminderDayBeforeEmail,
  reminderSoonEmail,
  rescheduledEmail,
} from "./messages.ts";

describe("codeEmail", () => {
  it("gives the code and its 10 minutes in the text, never in the subject (staff see subjects)", () => {
    const e = codeEmail("123456");
    expect(e.subject).toBe("Kod potwierdzenia rezerwacji wizyty");
    expect(e.subject).not.toContain("123456");
    expect(e.text).toContain("Twój kod potwierdzenia rezerwacji: 123456");
    expect(e.text).toContain("ważny 10 minut");
    expect(e.text).toMatch(/zignoruj/);
  });
});

describe("confirmationEmail", () => {
  it("has the office, address, date, time, number, kiosk code and manage link, with Polish letters intact", () => {
    const e = confirmationEmail(KOSZALIN);
    expect(e.subject).toBe("Rezerwacja potwierdzona: wt 24.11.2026, godz. 09:30");
    for (const fact of [
      "Urząd Miejski w Koszalinie",
      "ul. Rynek Staromiejski 6-7",
      "wt 24.11.2026, godz. 09:30",
      "Numer: R012",
      "7KX3MP",
      "Kod do biletomatu: 7KX3MP - wpisz go od godz. 09:20",
      KOSZALIN.manageUrl,
    ]) {
      expect(e.text).toContain(fact);
    }
  });

  it("at an automatic check-in office asks to come 5-10 minutes early instead of a code", () => {
    const e = confirmationEmail(TORUN);
    expect(e.text).toContain("Przyjdź 5-10 min wcześniej.");
    expect(e.text).not.toContain("Kod do biletomatu");
  });

  it("refuses a malformed visit like the SMS does", () => {
    expect(() => confirmationEmail({ ...KOSZALIN, time: "9:30" })).toThrow(RangeError);
  });
});

describe("reminders and cancellation", () => {
  it("the day before: tomorrow, the time and the office, Polish letters intact", () => {
    const e = reminderDayBeforeEmail(TORUN);
    expect(e.subject).toBe("Jutro Twoja wizyta: godz. 09:30, USC Toruń");
    expect(e.text).toContain("jutro Twoja wizyta");
    expect(e.text).toContain("Numer: R012");
    expect(e.text).toContain(TORUN.manageUrl);
  });

  it("shortly before: in how many minutes", () => {
    const e = reminderSoonEmail(KOSZALIN, 60);
    expect(e.subject).toBe("Za 60 min Twoja wizyta (godz. 09:30)");
    expect(e.text).toContain("Kod do biletomatu: 7KX3MP");
    expect(() => reminderSoonEmail(KOSZALIN, 0)).toThrow(RangeError);
  });

  it("cancellation: which visit, at which office", () => {
    const e = cancellationEmail({ when: "wt., 24.11.2026, 09:30", siteName: "Urząd Miejski w Koszalinie" });
    expect(e.subject).toBe("Rezerwacja odwołana: wt., 24.11.2026, 09:30");
    expect(e.text).toContain("Rezerwacja na wt., 24.11.2026, 09:30 (Urząd Miejski w Koszalinie) została odwołana.");
  });
});

describe("emailHtml", () => {
  it("escapes every character of the subject and text, and links web addresses", () => {
    const html = emailHtml({
      subject: `Wizyta <b>"A&B"</b>`,
      text: `Urząd <script>alert('x')</script>\nŻółć & co\n\nZmień: https://numerek.example/m?a=1&b="2"`,
    });
    expect(html).toContain("<title>Wizyta &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</title>");
    expect(html).toContain("<p>Urząd &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nŻółć &amp; co</p>");
    expect(html).toContain('<a href="https://numerek.example/m?a=1&amp;b=">https://numerek.example/m?a=1&amp;b=</a>&quot;2&quot;');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="pl">/);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it("keeps each message's facts, with the manage link clickable", () => {
    const html = emailHtml(confirmationEmail(KOSZALIN));
    expect(html).toContain("Urząd Miejski w Koszalinie");
    expect(html).toContain(`<a href="${escapeHtml(KOSZALIN.manageUrl)}">`);
    // The greeting, the visit, the arrival, the manage link and the signature.
    expect(html.match(/<p>/g)).toHaveLength(5);
  });
});

describe("in the citizen's language", () => {
  it("English: subject, the visit's facts under English labels, arrival and the manage link", () => {
    const e = confirmationEmail(KOSZALIN, "en");
    expect(e.subject).toBe("Booking confirmed: Tue 24.11.2026, 09:30");
    for (const fact of ["Office: Urząd Miejski w Koszalinie", "Time: Tue 24.11.2026, 09:30", "Ticket: R012", "Kiosk code: 7KX3MP"]) {
      expect(e.text).toContain(fact);
    }
    expect(e.text).toContain(`Change or cancel the visit: ${KOSZALIN.manageUrl}`);
    expect(codeEmail("123456", "en").text).toContain("Your booking confirmation code: 123456");
  });

  it("Ukrainian in Cyrillic (an e-mail has no segments), the office's name in Polish", () => {
    const e = reminderDayBeforeEmail(TORUN, "uk");
    expect(e.subject).toBe("Завтра ваш прийом: 09:30, USC Toruń");
    for (const fact of [
      "Нагадуємо: завтра ваш прийом.",
      "Установа: USC Toruń",
      "Час: вт 24.11.2026, 09:30",
      "Прийдіть на 5-10 хв раніше.",
    ]) {
      expect(e.text).toContain(fact);
    }
    expect(cancellationEmail({ when: "вт, 24.11.2026, 09:30", siteName: "USC Toruń" }, "uk").subject).toBe(
      "Запис скасовано: вт, 24.11.2026, 09:30",
    );
    expect(emailHtml(e, "uk")).toMatch(/^<!doctype html>\n<html lang="uk">/);
  });

  it("a moved visit says so, with the new time, in each language", () => {
    expect(rescheduledEmail(TORUN).subject).toBe("Termin wizyty zmieniony: wt 24.11.2026, godz. 09:30");
    expect(rescheduledEmail(TORUN).text).toContain("Poprzedni termin jest znów wolny");
    expect(rescheduledEmail(TORUN, "en").subject).toBe("Visit moved: Tue 24.11.2026, 09:30");
    expect(rescheduledEmail(TORUN, "uk").subject).toBe("Прийом перенесено: вт 24.11.2026, 09:30");
  });
});
