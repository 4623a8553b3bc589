import { describe, expect, it } from "vitest";
import { matterNames, nameIn, nameLang, screenLanguages } from "./languages.ts";

describe("screenLanguages", () => {
  it("puts the office's first language first, the others after", () => {
    expect(screenLanguages(["pl"], null)).toEqual(["pl"]);
    expect(screenLanguages(["pl", "en"], null)).toEqual(["pl", "en"]);
    expect(screenLanguages(["en", "pl"], null)).toEqual(["en", "pl"]);
  });

  it("keeps a screen set up with ?lang= in that language, the office's others beneath only when it chose several", () => {
    expect(screenLanguages(["pl", "en"], "en")).toEqual(["en", "pl"]);
    expect(screenLanguages(["pl"], "en")).toEqual(["en"]);
    expect(screenLanguages(["pl"], "pl")).toEqual(["pl"]);
    expect(screenLanguages(["pl", "en", "uk"], "uk")).toEqual(["uk", "pl", "en"]);
    expect(screenLanguages(["pl"], "uk")).toEqual(["uk"]);
  });
});

describe("nameIn", () => {
  it("uses the English name in English, the Polish one otherwise or when there is none", () => {
    expect(nameIn({ name: "Dowód osobisty", nameEn: "ID card" }, "en")).toBe("ID card");
    expect(nameIn({ name: "Dowód osobisty", nameEn: "ID card" }, "pl")).toBe("Dowód osobisty");
    expect(nameIn({ name: "Meldunek", nameEn: null }, "en")).toBe("Meldunek");
  });

  it("says which language the name shown is in: Polish wherever the Polish name stands in", () => {
    expect(nameLang({ name: "Dowód osobisty", nameEn: "ID card" }, "en")).toBe("en");
    expect(nameLang({ name: "Meldunek", nameEn: null }, "en")).toBe("pl");
    expect(nameLang({ name: "Dowód osobisty", nameEn: "ID card" }, "uk")).toBe("pl");
  });

  it("names a matter once per name: a Polish name standing in for two languages is one Polish line", () => {
    const id = { name: "Dowód osobisty", nameEn: "ID card" };
    expect(matterNames(id, ["en", "pl", "uk"])).toEqual([
      { name: "ID card", lang: "en" },
      { name: "Dowód osobisty", lang: "pl" },
    ]);
    expect(matterNames({ name: "Meldunek", nameEn: null }, ["uk", "en"])).toEqual([{ name: "Meldunek", lang: "pl" }]);
    expect(matterNames(id, ["pl", "en"])).toEqual([
      { name: "Dowód osobisty", lang: "pl" },
      { name: "ID card", lang: "en" },
    ]);
  });
});
