// What the kiosk reads from the display view: its own printer (ready, not ready, unknown), the matters no open desk
// serves or whose tickets for today are given out, and the live configuration (names, hints, closure).
import { describe, expect, it } from "vitest";
import {
  catalogueOf,
  closedForTodayMatters,
  closedMatters,
  closedTodayFor,
  fullMatters,
  matterLabel,
  printerOf,
  priorityOpenMatters,
} from "./hall-state.ts";

const at = "2026-11-23T10:15:00+01:00";
const view = {
  printers: [
    { kioskId: "kiosk-1", state: "paper-out" as const, at },
    { kioskId: "kiosk-2", state: "ready" as const, at },
  ],
};

describe("printerOf", () => {
  it("is down when this kiosk's printer is in any state but ready", () => {
    expect(printerOf(view, "kiosk-1")).toEqual({ state: "paper-out", down: true });
    for (const state of ["cover-open", "offline", "error", "no-agent"] as const) {
      expect(printerOf({ printers: [{ kioskId: "kiosk-1", state, at }] }, "kiosk-1").down).toBe(true);
    }
  });

  it("is not down when ready", () => {
    expect(printerOf(view, "kiosk-2")).toEqual({ state: "ready", down: false });
  });

  it("treats no entry, no view or no device id as unknown, not down", () => {
    expect(printerOf(view, "kiosk-3")).toEqual({ state: null, down: false });
    expect(printerOf(null, "kiosk-1")).toEqual({ state: null, down: false });
    expect(printerOf(view, undefined)).toEqual({ state: null, down: false });
  });
});

describe("closedMatters", () => {
  it("lists the matters no open desk serves, and none while the view is unknown", () => {
    const waiting = [
      { matterId: "dowod", count: 3, open: true },
      { matterId: "prawo-jazdy", count: 0, open: false },
      { matterId: "meldunek", count: 1, open: false, capReached: true as const },
    ];
    expect([...closedMatters({ waiting })]).toEqual(["prawo-jazdy", "meldunek"]);
    expect(closedMatters(null).size).toBe(0);
  });
});

describe("fullMatters", () => {
  it("lists the matters whose daily cap is reached, and none while the view is unknown", () => {
    const waiting = [
      { matterId: "dowod", count: 3, open: true, capReached: true as const },
      { matterId: "meldunek", count: 1, open: false },
    ];
    expect([...fullMatters({ waiting })]).toEqual(["dowod"]);
    expect(fullMatters(null).size).toBe(0);
  });
});

describe("closedForTodayMatters", () => {
  it("lists the matters the closing cut-off has closed for today, and none while the view is unknown", () => {
    const waiting = [
      { matterId: "dowod", count: 3, open: true, closedForToday: true as const },
      { matterId: "meldunek", count: 1, open: true },
    ];
    expect([...closedForTodayMatters({ waiting })]).toEqual(["dowod"]);
    expect(closedForTodayMatters(null).size).toBe(0);
  });
});

describe("catalogueOf and matterLabel", () => {
  const listed = {
    id: "s",
    city: "Testowo",
    name: "Urząd",
    address: "ul. 1",
    voice: false,
    departments: [{ id: "wso", name: "Obywatelskie", matters: [{ id: "dowod", name: "Dowód", prefix: "D", bookable: true }] }],
    desks: [],
    booking: { horizonDays: 14, checkIn: "kiosk" as const, checkInEarlyMinutes: 10, checkInLateMinutes: 15 },
    smsCountries: ["PL"],
    privacy: { controller: "Urząd", notice: "…" },
  };

  it("takes the live configuration once the stream has sent it, the public list before", () => {
    const live = {
      closure: "Awaria",
      languages: ["pl" as const],
      departments: [
        {
          id: "wso",
          name: "Sprawy obywatelskie",
          matters: [{ id: "dowod", name: "Dowód osobisty", nameEn: "ID card", prefix: "D", hint: "zabierz zdjęcie" }],
        },
      ],
    };
    expect(catalogueOf({ site: live }, listed)).toBe(live);
    expect(catalogueOf(null, listed)).toEqual({
      closure: null,
      languages: ["pl"],
      departments: [
        {
          id: "wso",
          name: "Obywatelskie",
          nameEn: null,
          nameUk: null,
          matters: [{ id: "dowod", name: "Dowód", nameEn: null, nameUk: null, prefix: "D", hint: null }],
        },
      ],
    });
  });

  it("names a matter in English only when it has an English name", () => {
    expect(matterLabel({ name: "Dowód osobisty", nameEn: "ID card" }, "en")).toBe("ID card");
    expect(matterLabel({ name: "Dowód osobisty", nameEn: "ID card" }, "pl")).toBe("Dowód osobisty");
    expect(matterLabel({ name: "Meldunek", nameEn: null }, "en")).toBe("Meldunek");
  });

  it("names a matter in Ukrainian when the office gave a Ukrainian name, in Polish otherwise", () => {
    expect(matterLabel({ name: "Dowód osobisty", nameEn: "ID card", nameUk: "Посвідчення особи" }, "uk")).toBe("Посвідчення особи");
    expect(matterLabel({ name: "Dowód osobisty", nameEn: "ID card" }, "uk")).toBe("Dowód osobisty");
  });
});

describe("a matter closed by the forecast alone and priority", () => {
  const waiting = [
    { matterId: "dowod", count: 3, open: true, closedForToday: true as const, priorityOpen: true as const },
    { matterId: "paszport", count: 1, open: true, closedForToday: true as const },
    { matterId: "meldunek", count: 0, open: true },
  ];
  it("is open to a priority ticket only; a matter past its last-ticket time stays closed for everyone", () => {
    const closed = closedForTodayMatters({ waiting });
    const open = priorityOpenMatters({ waiting });
    expect([...open]).toEqual(["dowod"]);
    expect([...closedTodayFor(closed, open, false)]).toEqual(["dowod", "paszport"]);
    expect([...closedTodayFor(closed, open, true)]).toEqual(["paszport"]);
  });
});
