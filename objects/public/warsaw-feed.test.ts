// Warsaw's wsstore_get shape, field by field with Warsaw's own types, and the stable numeric ids of matters.
import { describe, expect, it } from "vitest";
import type { PublicMatterStatus, PublicSiteStatus } from "../../protocol/public-status.ts";
import { WarsawFeed } from "../../protocol/public-status.ts";
import { stableMatterNumber } from "./stable-id.ts";
import { warsawError, warsawFeed } from "./warsaw-feed.ts";

function matter(over: Partial<PublicMatterStatus>): PublicMatterStatus {
  return {
    id: "dowod",
    name: "Dowód osobisty",
    departmentId: "so",
    departmentName: "Sprawy obywatelskie",
    prefix: "D",
    open: true,
    openDesks: 3,
    waiting: 7,
    lastCalled: "D041",
    lastIssued: "D048",
    serviceMinutes: 12,
    waitRange: { low: 15, high: 25 },
    ...over,
  };
}

const status: PublicSiteStatus = {
  siteId: "ursynow",
  name: "Urząd Dzielnicy Ursynów",
  city: "Warszawa",
  address: "al. KEN 61",
  timeZone: "Europe/Warsaw",
  date: "2026-11-30",
  time: "09:05",
  generatedAt: Date.parse("2026-11-30T08:05:12Z"),
  matters: [
    matter({}),
    matter({
      id: "rej",
      name: "Rejestracja pojazdu",
      prefix: "R",
      open: false,
      openDesks: 0,
      waiting: 0,
      lastCalled: null,
      serviceMinutes: 8,
    }),
  ],
};

describe("Warsaw's wsstore_get feed", () => {
  it("maps every field, with strings of digits where Warsaw has them and numbers for the two counts", () => {
    const feed = warsawFeed(status);
    expect(feed.result.date).toBe("2026-11-30");
    expect(feed.result.time).toBe("09:05");
    const [a, b] = feed.result.grupy;
    expect(a).toEqual({
      status: "1",
      czasObslugi: "12",
      lp: "1",
      idGrupy: String(stableMatterNumber("ursynow", "dowod")),
      liczbaCzynnychStan: 3,
      nazwaGrupy: "Dowód osobisty",
      literaGrupy: "D",
      liczbaKlwKolejce: 7,
      aktualnyNumer: "D041",
    });
    expect(b).toMatchObject({ status: "0", czasObslugi: "8", lp: "2", liczbaCzynnychStan: 0, liczbaKlwKolejce: 0, aktualnyNumer: "" });
    for (const g of feed.result.grupy) {
      for (const key of ["status", "czasObslugi", "lp", "idGrupy"] as const) expect(g[key]).toMatch(/^\d+$/);
      expect(typeof g.liczbaCzynnychStan).toBe("number");
      expect(typeof g.liczbaKlwKolejce).toBe("number");
      expect(typeof g.aktualnyNumer).toBe("string");
    }
    expect(WarsawFeed.safeParse(feed).success).toBe(true);
    // Exactly Warsaw's keys, nothing of numerek's own.
    expect(Object.keys(a ?? {}).sort()).toEqual(
      [
        "aktualnyNumer",
        "czasObslugi",
        "idGrupy",
        "liczbaCzynnychStan",
        "liczbaKlwKolejce",
        "literaGrupy",
        "lp",
        "nazwaGrupy",
        "status",
      ].sort(),
    );
  });

  it("answers an unknown id with Warsaw's error body", () => {
    expect(warsawError("brak")).toEqual({ result: "false", error: "brak" });
  });
});

describe("a matter's stable numeric id", () => {
  it("is a positive 31-bit integer, the same for the same site and matter whatever else changes", () => {
    const id = stableMatterNumber("ursynow", "dowod");
    expect(Number.isInteger(id)).toBe(true);
    expect(id).toBeGreaterThan(0);
    expect(id).toBeLessThan(2 ** 31);
    expect(stableMatterNumber("ursynow", "dowod")).toBe(id);
    // Reordering or adding matters changes nothing: the id is of the two ids alone.
    const reordered = warsawFeed({ ...status, matters: [status.matters[1]!, matter({ id: "new" }), status.matters[0]!] });
    expect(reordered.result.grupy[2]?.idGrupy).toBe(String(id));
  });

  it("differs between matters and between sites, and is known in advance (FNV-1a)", () => {
    expect(stableMatterNumber("ursynow", "dowod")).not.toBe(stableMatterNumber("ursynow", "rej"));
    expect(stableMatterNumber("ursynow", "dowod")).not.toBe(stableMatterNumber("wola", "dowod"));
    // Pinned, so a change of the hash (which would break every app that stored the ids) fails here.
    // FNV-1a 32 of "demo/dowod" is 0x28535760 (of "a" it is the published vector 0xe40c292c), its top bit dropped.
    expect(stableMatterNumber("demo", "dowod")).toBe(0x28535760);
    const ids = new Set<number>();
    for (let i = 0; i < 2000; i++) ids.add(stableMatterNumber("site", `matter-${i}`));
    expect(ids.size).toBe(2000);
  });
});
