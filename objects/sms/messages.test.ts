import { describe, expect, it } from "vitest";
import {
  cancellationSms,
  codeSms,
  confirmationSms,
  formatVisitDate,
  latin,
  peopleAhead,
  plPlural,
  reminderDayBeforeSms,
  reminderSoonSms,
  rescheduledSms,
  smsSegments,
  turnNearSms,
} from "./messages.ts";
import { KOSZALIN, TORUN } from "./test-visits.ts";

describe("codeSms", () => {
  it("says the code and its 10-minute validity", () => {
    expect(codeSms("123456")).toBe("numerek: Twój kod potwierdzenia rezerwacji: 123456. Ważny 10 minut.");
    expect(codeSms("123456", "en")).toBe("numerek: your booking confirmation code: 123456. Valid for 10 minutes.");
  });

  it("fits one SMS segment in both languages", () => {
    expect(smsSegments(codeSms("123456"))).toEqual({ encoding: "UCS-2", units: 67, segments: 1 });
    expect(smsSegments(codeSms("999999", "en"))).toEqual({ encoding: "GSM-7", units: 70, segments: 1 });
  });
});

describe("formatVisitDate", () => {
  it("writes the weekday and the date as Polish offices do", () => {
    expect(formatVisitDate("2026-11-24")).toBe("wt 24.11.2026");
    expect(formatVisitDate("2026-11-25")).toBe("śr 25.11.2026");
    expect(formatVisitDate("2026-11-23")).toBe("pon 23.11.2026");
    expect(formatVisitDate("2026-11-28")).toBe("sob 28.11.2026");
    expect(formatVisitDate("2026-11-24", "en")).toBe("Tue 24.11.2026");
  });

  it("refuses a malformed date", () => {
    expect(() => formatVisitDate("24.11.2026")).toThrow(RangeError);
  });
});

describe("confirmationSms", () => {
  it("with kiosk check-in: place, date, time, ticket, the code and when to type it, the manage link", () => {
    // Longer than two UCS-2 parts with the Polish letters: sent without their marks, in GSM-7.
    expect(confirmationSms(KOSZALIN)).toBe(
      "numerek: rezerwacja potwierdzona. wt 24.11.2026, godz. 09:30, Urzad Miejski w Koszalinie, ul. Rynek Staromiejski 6-7. " +
        "Numer: R012. Kod do biletomatu: 7KX3MP - wpisz go od godz. 09:20. " +
        "Zmien lub odwolaj: https://numerek.example/r/K7Q2XW9P",
    );
    expect(confirmationSms(KOSZALIN, "en")).toBe(
      "numerek: booking confirmed. Tue 24.11.2026, 09:30, Urzad Miejski w Koszalinie, ul. Rynek Staromiejski 6-7. " +
        "Ticket: R012. Kiosk code: 7KX3MP - type it at the kiosk from 09:20. " +
        "Change or cancel: https://numerek.example/r/K7Q2XW9P",
    );
  });

  it("uses the site's check-in window", () => {
    expect(confirmationSms({ ...KOSZALIN, checkInEarlyMinutes: 15 })).toContain("wpisz go od godz. 09:15");
    expect(confirmationSms({ ...KOSZALIN, time: "00:05", checkInEarlyMinutes: 15 })).toContain("wpisz go od godz. 23:50");
  });

  it("with automatic check-in: no code, come 5-10 minutes early", () => {
    expect(confirmationSms(TORUN)).toBe(
      "numerek: rezerwacja potwierdzona. wt 24.11.2026, godz. 09:30, USC Torun, Waly gen. Sikorskiego 8. " +
        "Numer: R012. Przyjdz 5-10 min wczesniej. Zmien lub odwolaj: https://numerek.example/r/K7Q2XW9P",
    );
    const { checkInCode: _none, ...withoutCode } = TORUN;
    expect(confirmationSms(withoutCode, "en")).toContain("Ticket: R012. Please arrive 5-10 min early. Change or cancel:");
  });

  it("refuses a malformed date or time", () => {
    expect(() => confirmationSms({ ...KOSZALIN, time: "9:30" })).toThrow(RangeError);
    expect(() => confirmationSms({ ...KOSZALIN, time: "24:00" })).toThrow(RangeError);
    expect(() => confirmationSms({ ...KOSZALIN, date: "2026-02-30" })).toThrow(RangeError);
  });

  it("keeps to GSM-7 punctuation: only the letters force UCS-2", () => {
    const text = confirmationSms(KOSZALIN)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l")
      .replace(/Ł/g, "L");
    expect(smsSegments(text).encoding).toBe("GSM-7");
    expect(smsSegments(confirmationSms(KOSZALIN, "en").replace("Urząd", "Urzad")).encoding).toBe("GSM-7");
  });
});

describe("reminders", () => {
  it("the day before: date, time, place, ticket, check-in, manage link", () => {
    expect(reminderDayBeforeSms(KOSZALIN)).toBe(
      "numerek: jutro Twoja wizyta: wt 24.11.2026, godz. 09:30, Urzad Miejski w Koszalinie, ul. Rynek Staromiejski 6-7. " +
        "Numer: R012. Kod do biletomatu: 7KX3MP - wpisz go od godz. 09:20. " +
        "Zmien lub odwolaj: https://numerek.example/r/K7Q2XW9P",
    );
    expect(reminderDayBeforeSms(TORUN, "en")).toBe(
      "numerek: your visit is tomorrow: Tue 24.11.2026, 09:30, USC Torun, Waly gen. Sikorskiego 8. " +
        "Ticket: R012. Please arrive 5-10 min early. Change or cancel: https://numerek.example/r/K7Q2XW9P",
    );
  });

  it("N minutes before: time, place, ticket, check-in", () => {
    expect(reminderSoonSms(KOSZALIN, 60)).toBe(
      "numerek: za 60 min Twoja wizyta (godz. 09:30): Urzad Miejski w Koszalinie, ul. Rynek Staromiejski 6-7. " +
        "Numer: R012. Kod do biletomatu: 7KX3MP - wpisz go od godz. 09:20.",
    );
    expect(reminderSoonSms(TORUN, 60)).toBe(
      "numerek: za 60 min Twoja wizyta (godz. 09:30): USC Toruń, Wały gen. Sikorskiego 8. Numer: R012. Przyjdź 5-10 min wcześniej.",
    );
    expect(reminderSoonSms(TORUN, 30, "en")).toBe(
      "numerek: your visit is in 30 min (09:30): USC Toruń, Wały gen. Sikorskiego 8. Ticket: R012. Please arrive 5-10 min early.",
    );
  });

  it("refuses a lead time that is not a positive whole number of minutes", () => {
    expect(() => reminderSoonSms(KOSZALIN, 0)).toThrow(RangeError);
    expect(() => reminderSoonSms(KOSZALIN, 7.5)).toThrow(RangeError);
  });
});

describe("Polish plurals", () => {
  it("1 osoba, 2-4 osoby, 5+ osób, 12-14 osób, 22-24 osoby", () => {
    const forms = (n: number) => peopleAhead(n);
    expect([1, 2, 3, 4, 5, 11, 12, 13, 14, 21, 22, 24, 25, 101, 102, 112, 0].map(forms)).toEqual([
      "1 osoba",
      "2 osoby",
      "3 osoby",
      "4 osoby",
      "5 osób",
      "11 osób",
      "12 osób",
      "13 osób",
      "14 osób",
      "21 osób",
      "22 osoby",
      "24 osoby",
      "25 osób",
      "101 osób",
      "102 osoby",
      "112 osób",
      "0 osób",
    ]);
    expect(plPlural(1, "minuta", "minuty", "minut")).toBe("minuta");
    expect(plPlural(1.5, "minuta", "minuty", "minut")).toBe("minut");
  });

  it("English: person / people", () => {
    expect(peopleAhead(1, "en")).toBe("1 person");
    expect(peopleAhead(2, "en")).toBe("2 people");
  });
});

describe("turnNearSms", () => {
  it("tells how many wait ahead and to come back and watch the screen", () => {
    expect(turnNearSms({ ticket: "A012", ahead: 1 })).toBe("numerek: A012 - przed Tobą 1 osoba. Wróć do sali i obserwuj ekran.");
    expect(turnNearSms({ ticket: "A012", ahead: 3 })).toBe("numerek: A012 - przed Tobą 3 osoby. Wróć do sali i obserwuj ekran.");
    expect(turnNearSms({ ticket: "A012", ahead: 5 })).toBe("numerek: A012 - przed Tobą 5 osób. Wróć do sali i obserwuj ekran.");
    expect(turnNearSms({ ticket: "A012", ahead: 3 }, "en")).toBe(
      "numerek: A012 - 3 people ahead of you. Please return to the hall and watch the screen.",
    );
  });

  it("says the ticket is next when nobody waits ahead", () => {
    expect(turnNearSms({ ticket: "A012", ahead: 0 })).toBe("numerek: A012 - zaraz Twoja kolej. Wróć do sali i obserwuj ekran.");
    expect(turnNearSms({ ticket: "A012", ahead: 0 }, "en")).toBe(
      "numerek: A012 - you are next. Please return to the hall and watch the screen.",
    );
  });

  it("adds the live e-ticket link when given", () => {
    expect(turnNearSms({ ticket: "A012", ahead: 2, eticketUrl: "https://numerek.example/t/x1" })).toBe(
      "numerek: A012 - przed Tobą 2 osoby. Wróć do sali. E-bilet: https://numerek.example/t/x1",
    );
    expect(turnNearSms({ ticket: "A012", ahead: 2, eticketUrl: "https://numerek.example/t/x1" }, "en")).toContain(
      "Please return to the hall. E-ticket: https://numerek.example/t/x1",
    );
  });

  it("fits one segment for tickets up to 5 characters and fewer than 100 ahead", () => {
    for (const ahead of [0, 1, 4, 22, 99]) {
      expect(smsSegments(turnNearSms({ ticket: "AB123", ahead })).segments).toBe(1);
      expect(smsSegments(turnNearSms({ ticket: "AB123", ahead }, "en")).segments).toBe(1);
    }
  });
});

describe("Ukrainian, in the Latin letters of the national transliteration", () => {
  it("the code fits one segment", () => {
    expect(codeSms("123456", "uk")).toBe("numerek: vash kod pidtverdzhennia zapysu: 123456. Diisnyi 10 khv.");
    expect(smsSegments(codeSms("999999", "uk")).segments).toBe(1);
  });

  it("the confirmation: the office's Polish name (without its marks, as in any text over two UCS-2 parts), the link whole", () => {
    expect(confirmationSms(TORUN, "uk")).toBe(
      "numerek: zapys pidtverdzheno. vt 24.11.2026, 09:30, USC Torun, Waly gen. Sikorskiego 8. " +
        "Nomer: R012. Pryidit na 5-10 khv ranishe. Zminyty abo skasuvaty: https://numerek.example/r/K7Q2XW9P",
    );
    expect(confirmationSms(KOSZALIN, "uk")).toContain("Kod dlia kiosku: 7KX3MP - vvedit yoho z 09:20.");
  });

  it("reminders and the turn near", () => {
    expect(reminderDayBeforeSms(TORUN, "uk")).toMatch(/^numerek: zavtra vash pryiom: vt 24\.11\.2026, 09:30, USC Torun, /);
    expect(reminderSoonSms(TORUN, 30, "uk")).toMatch(/^numerek: cherez 30 khv vash pryiom \(09:30\): USC Toruń, Wały/);
    expect(turnNearSms({ ticket: "A012", ahead: 3 }, "uk")).toBe(
      "numerek: A012 - pered vamy 3 osoby. Povernitsia do zaly i stezhte za ekranom.",
    );
    expect(turnNearSms({ ticket: "A012", ahead: 0, eticketUrl: "https://numerek.example/t/x1" }, "uk")).toBe(
      "numerek: A012 - zaraz vasha cherha. Povernitsia do zaly. E-kvytok: https://numerek.example/t/x1",
    );
  });

  it("Ukrainian plurals: 1 особа, 2-4 особи, 5-20 осіб, 21 особа", () => {
    expect([1, 2, 4, 5, 11, 21, 22, 25].map((n) => peopleAhead(n, "uk"))).toEqual([
      "1 особа",
      "2 особи",
      "4 особи",
      "5 осіб",
      "11 осіб",
      "21 особа",
      "22 особи",
      "25 осіб",
    ]);
  });

  it("only Cyrillic words are transliterated: an apostrophe in a Polish name stays", () => {
    expect(latin("Подвір’я, Євген, Згода: ul. O'Brien 3, https://a.pl/b?x='1'")).toBe(
      "Podviria, Yevhen, Zghoda: ul. O'Brien 3, https://a.pl/b?x='1'",
    );
  });
});

describe("a moved visit", () => {
  it("says the visit was moved, with the new time and the manage link", () => {
    expect(rescheduledSms(TORUN)).toBe(
      "numerek: termin wizyty zmieniony na wt 24.11.2026, godz. 09:30, USC Torun, Waly gen. Sikorskiego 8. " +
        "Numer: R012. Przyjdz 5-10 min wczesniej. Zmien lub odwolaj: https://numerek.example/r/K7Q2XW9P",
    );
    expect(rescheduledSms(TORUN, "en")).toMatch(/^numerek: visit moved to Tue 24\.11\.2026, 09:30, /);
    expect(rescheduledSms(TORUN, "uk")).toMatch(/^numerek: pryiom pereneseno na vt 24\.11\.2026, 09:30, /);
  });
});

describe("cancellation", () => {
  it("in each language", () => {
    const what = { when: "wt., 24.11.2026, 09:30", siteName: "USC Toruń" };
    expect(cancellationSms(what)).toBe("numerek: rezerwacja na wt., 24.11.2026, 09:30 (USC Toruń) została odwołana.");
    expect(cancellationSms(what, "en")).toBe("numerek: your booking for wt., 24.11.2026, 09:30 (USC Toruń) has been cancelled.");
    expect(cancellationSms({ ...what, when: "вт, 24.11.2026, 09:30" }, "uk")).toBe(
      "numerek: zapys na vt, 24.11.2026, 09:30 (USC Toruń) skasovano.",
    );
  });
});
