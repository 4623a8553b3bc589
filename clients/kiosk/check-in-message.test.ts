// The kiosk's words for a refused check-in code, with the time or the office taken from the API's message.
import { describe, expect, it } from "vitest";
import { translate } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";
import { checkInMessage, officeOf, openingOf } from "./check-in-message.ts";

const t = (key: MessageKey, params?: Record<string, string | number>) => translate("pl", key, params);
const now = Date.parse("2026-11-23T09:00:00Z");

describe("kiosk check-in messages", () => {
  it("reads the opening time and the office out of the API's messages", () => {
    expect(openingOf("Check in from pon., 23.11.2026, 10:15.")).toEqual({ date: "23.11.2026", time: "10:15" });
    expect(openingOf("Too early.")).toBeNull();
    expect(officeOf("This booking is for Urząd Stanu Cywilnego, ul. Zwycięstwa 140, Koszalin.")).toBe(
      "Urząd Stanu Cywilnego, ul. Zwycięstwa 140, Koszalin",
    );
  });

  it("says today's opening time alone, another day's with its date", () => {
    expect(checkInMessage(t, { code: "TOO_EARLY", detail: "Check in from pon., 23.11.2026, 10:15." }, now)).toBe(
      "Za wcześnie na odprawę. Wpisz kod ponownie od godz. 10:15.",
    );
    expect(checkInMessage(t, { code: "TOO_EARLY", detail: "Check in from wt., 24.11.2026, 09:50." }, now)).toBe(
      "Za wcześnie na odprawę. Wpisz kod ponownie 24.11.2026 od godz. 09:50.",
    );
  });

  it("has its own plain text for each refusal, and the general one otherwise", () => {
    expect(checkInMessage(t, { code: "WRONG_SITE", detail: "This booking is for USC, ul. A 1." }, now)).toBe(
      "Ta rezerwacja dotyczy innej placówki: USC, ul. A 1. Wpisz kod w biletomacie tej placówki.",
    );
    expect(checkInMessage(t, { code: "TOO_LATE", detail: "" }, now)).toMatch(/^Minęła pora odprawy/);
    expect(checkInMessage(t, { code: "ALREADY_CHECKED_IN", detail: "" }, now)).toMatch(/^Ten kod został już użyty/);
    expect(checkInMessage(t, { code: "UNKNOWN_CODE", detail: "" }, now)).toMatch(/^Nie ma rezerwacji z takim kodem/);
    expect(checkInMessage(t, { code: "NETWORK", detail: "" }, now)).toBe("Brak połączenia z serwerem. Spróbuj ponownie.");
  });

  it("says that a check-in needs the internet while the office works without it, and what to do instead", () => {
    expect(checkInMessage(t, { code: "OFFLINE_NOT_AVAILABLE", detail: "" }, now)).toBe(
      "Odprawa rezerwacji wymaga internetu, a urząd jest teraz bez połączenia. Pobierz zwykły numerek do swojej sprawy – obsłużymy Cię w kolejce.",
    );
  });
});
