// The test site every tier builds on: the workerd tests, the Worker's route tests and the configuration's
// unit tests; and a registry office some unit tests of the site object build on. Plain data, no runtime.
import type { SiteConfigInput } from "../protocol/config.ts";

/** The test site's configuration: two matters, d1 serves both, d2 only "pj"; open around the clock. */
export function testSiteConfig(siteId: string, overrides: Partial<SiteConfigInput> = {}): SiteConfigInput {
  return {
    id: siteId,
    city: "Testowo",
    name: `Urząd testowy ${siteId}`,
    address: "ul. Próbna 1",
    voice: true,
    openingHours: aroundTheClock(),
    departments: [
      {
        id: "wk",
        name: "Wydział Komunikacji",
        matters: [
          { id: "rej", name: "Rejestracja pojazdu", prefix: "R", serviceMinutes: 10 },
          { id: "pj", name: "Prawo jazdy", prefix: "P", serviceMinutes: 6 },
        ],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej", "pj"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["pj"] },
    ],
    devices: [{ id: "k1", name: "Biletomat", kind: "kiosk" }],
    // Tests run on any day, public holidays included.
    closedOnPublicHolidays: false,
    booking: { horizonDays: 14, checkIn: "kiosk" },
    noShowRecallSeconds: 60,
    ...overrides,
  };
}

/**
 * A registry office (USC Toruń) open around the clock, without voice or devices, bookings checked in
 * automatically: two matters, "akt" (Odpis aktu, A, 5 min) and "slub" (Ślub, S, 30 min); d1 serves "akt",
 * d2 both, d3 "slub". The views' and the agent replica's unit tests build on it.
 */
export function registryOfficeConfig(siteId: string): SiteConfigInput {
  return {
    id: siteId,
    city: "Toruń",
    name: "USC Toruń",
    address: "ul. Łazienna 8",
    voice: false,
    openingHours: aroundTheClock(),
    departments: [
      {
        id: "usc",
        name: "USC",
        matters: [
          { id: "akt", name: "Odpis aktu", prefix: "A", serviceMinutes: 5 },
          { id: "slub", name: "Ślub", prefix: "S", serviceMinutes: 30 },
        ],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["akt"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["akt", "slub"] },
      { id: "d3", name: "Stanowisko 3", number: 3, matterIds: ["slub"] },
    ],
    devices: [],
    booking: { horizonDays: 14, checkIn: "auto" },
  };
}

/** Every day 00:00-24:00 (new for each configuration: a test may change its own). */
function aroundTheClock(): SiteConfigInput["openingHours"] {
  const allDay: [string, string][] = [["00:00", "24:00"]];
  return { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
}

/**
 * A fixed-offset time zone in which it is now between 10:00 and 10:59 ("Etc/GMT-2" is UTC+2): a site there
 * is far from its local midnight (its closing, a new day) whenever the test runs.
 */
export function zoneAtTen(): string {
  let offset = (10 - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
