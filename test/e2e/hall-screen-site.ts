// The hall-screen tests' own offices, made through the API as a manager would: open around the clock,
// `matters` matters in departments of up to ten, desks that serve them all, and the API as the clerks'
// hands (a ticket, a call).
import { call, token } from "./helpers.ts";

/** Ticket prefixes that read as letters only (no I or O, which read as digits). */
const LETTERS = "ABCDEFGHJKLMNPRSTUWXYZ";

export function prefixOf(i: number): string {
  return i < LETTERS.length ? LETTERS[i]! : `${LETTERS[Math.floor(i / LETTERS.length) - 1]!}${LETTERS[i % LETTERS.length]!}`;
}

/** Matter names as long as real ones, so rows are tested with real widths. */
const NAMES = [
  "Rejestracja pojazdu",
  "Zgłoszenie zbycia lub nabycia pojazdu",
  "Odbiór dowodu rejestracyjnego",
  "Prawo jazdy – wniosek",
  "Dowód osobisty",
  "Zameldowanie i wymeldowanie",
  "Zaświadczenie o niezaleganiu w podatkach",
];

export interface HallSiteOptions {
  matters: number;
  desks?: number;
  /** Extra fields of the configuration (devices, ticker, hours…). */
  extra?: Record<string, unknown>;
}

export function matterIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `sprawa-${i + 1}`);
}

export function hallSiteConfig(siteId: string, o: HallSiteOptions): Record<string, unknown> {
  const allDay = [["00:00", "24:00"]];
  const ids = matterIds(o.matters);
  const departments: { id: string; name: string; matters: unknown[] }[] = [];
  ids.forEach((id, i) => {
    if (i % 10 === 0) departments.push({ id: `wydzial-${departments.length + 1}`, name: `Wydział ${departments.length + 1}`, matters: [] });
    departments.at(-1)!.matters.push({ id, name: `${NAMES[i % NAMES.length]} ${i + 1}`, prefix: prefixOf(i), serviceMinutes: 10 });
  });
  const desks = Array.from({ length: o.desks ?? 1 }, (_, i) => ({
    id: `s${i + 1}`,
    name: `Stanowisko ${i + 11}`,
    number: i + 11,
    // The last matter first: its number (two letters with 30 matters) is the widest to show.
    matterIds: [...ids].reverse(),
  }));
  return {
    id: siteId,
    city: "Koszalin",
    name: "Urząd Miejski w Koszalinie",
    address: "ul. Rynek Staromiejski 6-7, 75-007 Koszalin",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedOnPublicHolidays: false,
    departments,
    desks,
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    ...o.extra,
  };
}

/** Creates (or changes) the office; the operator's token is returned for the test's other calls. */
export async function createHallSite(siteId: string, o: HallSiteOptions): Promise<string> {
  const admin = await token("admin", "admin");
  await call(`/api/v1/sites/${siteId}?org=koszalin`, { method: "PUT", token: admin, body: hallSiteConfig(siteId, o) });
  return admin;
}

export function takeTicket(admin: string, siteId: string, matterId: string): Promise<{ id: string; number: string }> {
  return call(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId } });
}

export function callNext(admin: string, siteId: string, deskId: string): Promise<unknown> {
  return call(`/api/v1/sites/${siteId}/desks/${deskId}/call-next`, { token: admin, body: {} });
}
