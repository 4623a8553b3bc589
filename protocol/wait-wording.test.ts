// The wait as one sentence for the kiosk's screen and the printed ticket.
import { describe, expect, it } from "vitest";
import { estimatedWaitRangeText, estimatedWaitText, waitRangeText } from "./wait-wording.ts";

describe("estimatedWaitText", () => {
  it("says minutes, hours and minutes, whole hours, and under a minute, in Polish", () => {
    expect(estimatedWaitText(12, "pl")).toBe("Szacowany czas oczekiwania: ok. 12 min");
    expect(estimatedWaitText(75, "pl")).toBe("Szacowany czas oczekiwania: ok. 1 godz. 15 min");
    expect(estimatedWaitText(120, "pl")).toBe("Szacowany czas oczekiwania: ok. 2 godz.");
    expect(estimatedWaitText(0.4, "pl")).toBe("Szacowany czas oczekiwania: poniżej minuty");
  });

  it("in English, and in Polish for a language it has no words of", () => {
    expect(estimatedWaitText(65, "en")).toBe("Estimated wait: about 1 h 5 min");
    expect(estimatedWaitText(0, "en")).toBe("Estimated wait: under a minute");
    expect(estimatedWaitText(7, "de")).toBe("Szacowany czas oczekiwania: ok. 7 min");
  });
});

describe("waitRangeText and estimatedWaitRangeText", () => {
  it("say a range of minutes, across the hour, from zero, and a moment, in Polish", () => {
    expect(waitRangeText({ low: 15, high: 25 }, "pl")).toBe("ok. 15–25 min");
    expect(waitRangeText({ low: 45, high: 75 }, "pl")).toBe("ok. 45 min – 1 godz. 15 min");
    expect(waitRangeText({ low: 60, high: 120 }, "pl")).toBe("ok. 1 godz. – 2 godz.");
    expect(waitRangeText({ low: 0, high: 4 }, "pl")).toBe("do 4 min");
    expect(waitRangeText({ low: 0, high: 0 }, "pl")).toBe("chwila");
    expect(estimatedWaitRangeText({ low: 15, high: 25 }, "pl")).toBe("Szacowany czas oczekiwania: ok. 15–25 min");
    expect(estimatedWaitRangeText({ low: 0, high: 0 }, "pl")).toBe("Szacowany czas oczekiwania: chwila");
  });

  it("in English and Ukrainian, and in Polish for a language it has no words of", () => {
    expect(estimatedWaitRangeText({ low: 10, high: 20 }, "en")).toBe("Estimated wait: about 10–20 min");
    expect(waitRangeText({ low: 0, high: 3 }, "en")).toBe("up to 3 min");
    expect(waitRangeText({ low: 0, high: 0 }, "en")).toBe("a moment");
    expect(estimatedWaitRangeText({ low: 15, high: 25 }, "uk")).toBe("Орієнтовний час очікування: бл. 15–25 хв");
    expect(waitRangeText({ low: 50, high: 90 }, "uk")).toBe("бл. 50 хв – 1 год 30 хв");
    expect(waitRangeText({ low: 0, high: 0 }, "uk")).toBe("мить");
    expect(estimatedWaitRangeText({ low: 5, high: 10 }, "de")).toBe("Szacowany czas oczekiwania: ok. 5–10 min");
  });
});
