import { describe, expect, it } from "vitest";
import { toGsm7 } from "./gsm7-text.ts";
import { isGsm7 } from "./segments.ts";

describe("toGsm7", () => {
  it("writes Polish letters without their marks", () => {
    expect(toGsm7("Zażółć gęślą jaźń ŻÓŁĆ ĘŚĄ ŹŃ")).toBe("Zazolc gesla jazn ZOLC ESA ZN");
    expect(toGsm7("Urząd Stanu Cywilnego, ul. Wały gen. Sikorskiego 8")).toBe("Urzad Stanu Cywilnego, ul. Waly gen. Sikorskiego 8");
  });

  it("keeps what GSM-7 has, accented letters included", () => {
    const text = "Café è é ü ö Ä ß @ £ € [x] {y} 0-9";
    expect(toGsm7(text)).toBe(text);
  });

  it("writes typographic punctuation in ASCII and anything unknown as ?", () => {
    expect(toGsm7("„Ratusz” – wejście A…")).toBe('"Ratusz" - wejscie A...');
    expect(toGsm7("a\u00a0b")).toBe("a b");
    expect(toGsm7("Київ 🙂")).toBe("???? ?");
  });

  it("always answers GSM-7", () => {
    for (const text of ["Zażółć", "ŁÓDŹ – „Piotrkowska”", "Київ", "ğş"]) expect(isGsm7(toGsm7(text))).toBe(true);
  });
});
