// The site the benches set up: open all day every day, 2 desks, 2 matters.

export function siteConfig(siteId) {
  const allDay = [["00:00", "24:00"]];
  return {
    id: siteId,
    city: "Benchowo",
    name: `Urząd ${siteId}`,
    address: "ul. Pomiarowa 1",
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
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closedOnPublicHolidays: false,
    noShowRecallSeconds: 60,
  };
}
