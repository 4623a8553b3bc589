import { describe, expect, it } from "vitest";
import { cutPlace, fitSms } from "./fit.ts";
import { smsSegments } from "./segments.ts";

describe("cutPlace", () => {
  it("keeps a place that fits, cuts a longer one at a word and marks the cut", () => {
    expect(cutPlace("USC Toruń", 20)).toBe("USC Toruń");
    expect(cutPlace("Urzad Miejski w Koszalinie, ul. Rynek Staromiejski 6-7", 30)).toBe("Urzad Miejski w Koszalinie...");
    expect(cutPlace("Urzad Miejski w Koszalinie, ul. Rynek", 20)).toBe("Urzad Miejski w...");
    expect(cutPlace("Bardzodlugieslowobezspacji", 10)).toBe("Bardzod...");
    expect(cutPlace("abc", 2)).toBe("");
  });
});

describe("fitSms", () => {
  const render = (place: string) => `numerek: wizyta jutro, ${place}. Szczegóły: https://numerek.example/x`;

  it("keeps the Polish letters when the text fits two UCS-2 parts", () => {
    expect(fitSms(render, "USC Toruń")).toBe("numerek: wizyta jutro, USC Toruń. Szczegóły: https://numerek.example/x");
  });

  it("drops their marks when only GSM-7 fits", () => {
    const place = "Urząd Miejski w Koszalinie, Wydział Spraw Obywatelskich, ul. Rynek Staromiejski 6-7";
    const text = fitSms(render, place);
    expect(text).toBe(
      "numerek: wizyta jutro, Urzad Miejski w Koszalinie, Wydzial Spraw Obywatelskich, ul. Rynek Staromiejski 6-7. Szczegoly: https://numerek.example/x",
    );
    expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("cuts the place when even GSM-7 is too long, and keeps the rest whole", () => {
    const text = fitSms(render, `Urząd ${"bardzo ".repeat(60)}długi`);
    expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 2 });
    expect(text).toMatch(/^numerek: wizyta jutro, Urzad bardzo .*bardzo\.\.\. Szczegoly: https:\/\/numerek\.example\/x$/);
    expect(fitSms(render, "ą".repeat(400), 1)).toMatch(/^numerek: wizyta jutro, a+\.\.\. Szczegoly/);
  });
});
