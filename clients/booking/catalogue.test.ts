// Step 1's catalogue: a city's matters grouped by department across its sites, and the search.
import { describe, expect, it } from "vitest";
import type { PublicSite } from "../../protocol/api.ts";
import { catalogue, cities, matterCount, matterName, onlyOffice, search } from "./catalogue.ts";

/** A matter: id, name and, when it cannot be booked online at that site, false. */
type M = [string, string] | [string, string, boolean];

function site(id: string, city: string, departments: [string, M[]][]): PublicSite {
  return {
    id,
    city,
    name: id,
    address: "ul. Próbna 1",
    voice: false,
    desks: [],
    booking: { horizonDays: 14, checkIn: "kiosk", checkInEarlyMinutes: 10, checkInLateMinutes: 15 },
    smsCountries: ["PL"],
    privacy: { controller: "Urząd", notice: "Dane do rezerwacji." },
    departments: departments.map(([name, matters]) => ({
      id: name.toLowerCase().replace(/\W+/g, "-"),
      name,
      matters: matters.map(([mid, mname, bookable = true]) => ({ id: mid, name: mname, prefix: "A", bookable })),
    })),
  };
}

const sites = [
  site("wsa", "Toruń", [["Referat Dowodów Osobistych", [["dowod-wniosek", "Dowód osobisty – złożenie wniosku"]]]]),
  site("plaza", "Toruń", [
    [
      "Punkt Informacyjny UMT",
      [
        ["dowod-wniosek", "Dowód osobisty – złożenie wniosku"],
        ["karta", "Karta wędkarska"],
      ],
    ],
  ]),
  site("copernicus", "Toruń", [["Punkt Informacyjny UMT", [["karta", "Karta wędkarska"]]]]),
  site("ratusz", "Koszalin", [["Wydział Komunikacji", [["rej", "Rejestracja pojazdu"]]]]),
  // Bookable at one office and not at the other; and a department with nothing bookable.
  site("bydgoszcz-a", "Bydgoszcz", [
    ["Informacja", [["info", "Informacja", false]]],
    [
      "USC",
      [
        ["slub", "Ślub cywilny"],
        ["akt", "Odpis aktu", false],
      ],
    ],
  ]),
  site("bydgoszcz-b", "Bydgoszcz", [
    [
      "USC",
      [
        ["akt", "Odpis aktu"],
        ["slub", "Ślub cywilny", false],
      ],
    ],
  ]),
  // Nothing bookable online at all.
  site("gniezno", "Gniezno", [["Informacja", [["info", "Informacja", false]]]]),
];

describe("booking catalogue", () => {
  it("lists the cities with something bookable once each, in Polish order", () => {
    expect(cities(sites)).toEqual(["Bydgoszcz", "Koszalin", "Toruń"]);
  });

  it("groups one city's matters by department name; each matter lists every site offering it", () => {
    const groups = catalogue(sites, "Toruń");
    expect(groups.map((g) => g.name)).toEqual(["Punkt Informacyjny UMT", "Referat Dowodów Osobistych"]);
    expect(groups[0]!.matters).toEqual([
      { id: "dowod-wniosek", name: "Dowód osobisty – złożenie wniosku", siteIds: ["wsa", "plaza"] },
      { id: "karta", name: "Karta wędkarska", siteIds: ["plaza", "copernicus"] },
    ]);
    expect(matterCount(groups)).toBe(2);
  });

  it("lists only matters bookable online, each with only the sites where it is bookable", () => {
    const groups = catalogue(sites, "Bydgoszcz");
    expect(groups).toEqual([
      {
        name: "USC",
        matters: [
          { id: "akt", name: "Odpis aktu", siteIds: ["bydgoszcz-b"] },
          { id: "slub", name: "Ślub cywilny", siteIds: ["bydgoszcz-a"] },
        ],
      },
    ]);
    expect(catalogue(sites, "Gniezno")).toEqual([]);
  });

  it("finds matters by words of their names, without diacritics; a department's name finds all of it", () => {
    const groups = catalogue(sites, "Toruń");
    expect(search(groups, "dowod WNIOSK").map((g) => g.name)).toEqual(["Punkt Informacyjny UMT", "Referat Dowodów Osobistych"]);
    expect(matterCount(search(groups, "wedkarska"))).toBe(1);
    expect(search(groups, "punkt informacyjny")[0]!.matters).toHaveLength(2);
    expect(search(groups, "paszport")).toEqual([]);
    expect(search(groups, "  ")).toEqual(groups);
  });
});

describe("onlyOffice", () => {
  it("chooses the office when it is the only one offering the matter, and none when there are several", () => {
    const sites = [site("a", "Koszalin", [["Biuro", [["karta", "Karta"]]]]), site("b", "Koszalin", [["Biuro", [["karta", "Karta"]]]])];
    const [group] = catalogue(sites, "Koszalin");
    const karta = group!.matters[0]!;
    expect(onlyOffice(sites, karta)).toBeNull();
    expect(onlyOffice([sites[0]!], { ...karta, siteIds: ["a"] })?.id).toBe("a");
  });
});

describe("matter names in the page's language", () => {
  it("shows the office's English name in English, the Polish one in Polish and Ukrainian; search finds either", () => {
    const base = site("ratusz", "Koszalin", [["Wydział Komunikacji", [["rej", "Rejestracja pojazdu"]]]]);
    const withEn: PublicSite = {
      ...base,
      departments: base.departments.map((d) => ({ ...d, matters: d.matters.map((m) => ({ ...m, nameEn: "Vehicle registration" })) })),
    };
    const groups = catalogue([withEn], "Koszalin");
    const rej = groups[0]!.matters[0]!;
    expect([matterName(rej, "pl"), matterName(rej, "en"), matterName(rej, "uk")]).toEqual([
      "Rejestracja pojazdu",
      "Vehicle registration",
      "Rejestracja pojazdu",
    ]);
    expect(matterCount(search(groups, "vehicle"))).toBe(1);
    expect(matterCount(search(groups, "pojazd"))).toBe(1);
    // No English name given: the Polish one in every language.
    const plain = catalogue([base], "Koszalin")[0]!.matters[0]!;
    expect(matterName(plain, "en")).toBe("Rejestracja pojazdu");
  });

  it("a department's English name heads its group in English, and search finds its matters by it", () => {
    const base = site("ratusz", "Koszalin", [["Wydział Komunikacji", [["rej", "Rejestracja pojazdu"]]]]);
    const withEn: PublicSite = { ...base, departments: base.departments.map((d) => ({ ...d, nameEn: "Transport Department" })) };
    const [group] = catalogue([withEn], "Koszalin");
    expect([matterName(group!, "pl"), matterName(group!, "en")]).toEqual(["Wydział Komunikacji", "Transport Department"]);
    expect(matterCount(search([group!], "transport"))).toBe(1);
  });

  it("a Ukrainian name in Ukrainian, for a matter and its department; search finds them by it", () => {
    const base = site("ratusz", "Koszalin", [["Wydział Komunikacji", [["rej", "Rejestracja pojazdu"]]]]);
    const withUk: PublicSite = {
      ...base,
      departments: base.departments.map((d) => ({
        ...d,
        nameUk: "Відділ транспорту",
        matters: d.matters.map((m) => ({ ...m, nameUk: "Реєстрація транспортного засобу" })),
      })),
    };
    const [group] = catalogue([withUk], "Koszalin");
    expect(matterName(group!, "uk")).toBe("Відділ транспорту");
    expect([matterName(group!.matters[0]!, "uk"), matterName(group!.matters[0]!, "en")]).toEqual([
      "Реєстрація транспортного засобу",
      "Rejestracja pojazdu",
    ]);
    expect(matterCount(search([group!], "реєстрація"))).toBe(1);
    expect(matterCount(search([group!], "відділ"))).toBe(1);
  });
});
