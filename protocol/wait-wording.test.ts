// The wait as one sentence for the kiosk's screen and the printed ticket.
import { describe, expect, it } from "vitest";
import { estimatedWaitText } from "./wait-wording.ts";

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
