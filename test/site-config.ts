// The test site every tier builds on: the workerd tests, the Worker's route tests and the configuration's
// unit tests. Plain data, no runtime.
import type { SiteConfigInput } from "../protocol/config.ts";

/** The test site's configuration: two matters, d1 serves both, d2 only "pj"; open around the clock. */
export function testSiteConfig(siteId: string, overrides: Partial<SiteConfigInput> = {}): SiteConfigInput {
  const allDay: [string, string][] = [["00:00", "24:00"]];
  return {
    id: siteId,
    city: "Testowo",
    name: `Urząd testowy ${siteId}`,
    address: "ul. Próbna 1",
    voice: true,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
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
