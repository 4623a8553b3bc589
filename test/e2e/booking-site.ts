// The booking tests' own office: a Koszalin site with kiosk check-in, open around the clock, 5-minute
// slots and no minimum notice (so a visit can start within minutes), made through the API as a manager
// would; and the API as the citizen's other hands: free slots, the SMS outbox, booking by API (with a
// fresh token from the Turnstile stand-in, as the booking page's widget would give).

import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { humanToken } from "./booking-human-check.ts";
import { base, call, eventually, token } from "./helpers.ts";

export const SITE_ID = `e2e-bk-${Date.now().toString(36)}`;
export const SITE_NAME = "Urząd Miejski w Koszalinie – Punkt Obsługi Mieszkańców";
export const ADDRESS = "ul. Zwycięstwa 140, Koszalin";
export const CONTROLLER = "Prezydent Miasta Koszalina, Rynek Staromiejski 6-7, 75-007 Koszalin";
export const RESIDENT = { id: "karta-mieszkanca", name: "Koszalińska Karta Mieszkańca", hint: "Zabierz dowód osobisty i zdjęcie" };
export const SENIOR = { id: "karta-seniora", name: "Koszalińska Karta Seniora", hint: "Zabierz legitymację emeryta lub rencisty" };
export const DEPARTMENT = "Biuro Obsługi Mieszkańców";
/** The office's data-protection notice in Polish and English; none in Ukrainian. */
export const PRIVACY_PL = "Imię i nazwisko oraz numer telefonu służą wyłącznie do rezerwacji wizyty i są usuwane 14 dni po niej.";
export const PRIVACY_EN = "Your name and phone number are used only to book the visit and are deleted 14 days after it.";
export const DESK = { id: "d1", name: "Stanowisko 1" };

/**
 * This file's office, in Koszalin (where the sites of earlier test files offer the same matters) or in
 * a city of its own; `id` and `name` make another office offering them.
 */
export async function createSite(place: { city?: string; id?: string; name?: string } = {}): Promise<void> {
  const admin = await token("admin", "admin");
  const allDay = [["00:00", "24:00"]];
  const id = place.id ?? SITE_ID;
  const config = {
    id,
    city: place.city ?? "Koszalin",
    name: place.name ?? SITE_NAME,
    address: ADDRESS,
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    departments: [
      {
        id: "bom",
        name: DEPARTMENT,
        matters: [
          { id: RESIDENT.id, name: RESIDENT.name, hint: RESIDENT.hint, prefix: "K", serviceMinutes: 5 },
          { id: SENIOR.id, name: SENIOR.name, hint: SENIOR.hint, prefix: "S", serviceMinutes: 5 },
        ],
      },
    ],
    desks: [{ id: DESK.id, name: DESK.name, number: 1, matterIds: [RESIDENT.id, SENIOR.id] }],
    devices: [{ id: "kiosk-1", name: "Biletomat", kind: "kiosk" }],
    booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0, checkInEarlyMinutes: 10 },
    // The test runs on any day, public holidays included.
    closedOnPublicHolidays: false,
    privacy: {
      controller: CONTROLLER,
      notice: PRIVACY_PL,
      noticeEn: PRIVACY_EN,
    },
  };
  await call(`/api/v1/sites/${id}?org=koszalin`, { method: "PUT", token: admin, body: config });
}

export interface Slot {
  start: string;
  free: number;
}

/** The offices' date (YYYY-MM-DD) at an instant. */
export const warsawDate = (ms: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);

/** Free slots of a matter for the next days, in order. */
export async function freeSlots(matterId: string, days = 14): Promise<Slot[]> {
  const from = warsawDate(Date.now());
  const to = warsawDate(Date.now() + days * 86_400_000);
  const r = await call<{ days: { slots: Slot[] }[] }>(`/api/v1/sites/${SITE_ID}/availability?matterId=${matterId}&from=${from}&to=${to}`);
  return r.days.flatMap((d) => d.slots).filter((s) => s.free > 0);
}

/** The free count of one slot now (0 when it is full or gone). */
export async function freeAt(matterId: string, start: string): Promise<number> {
  return (await freeSlots(matterId)).find((s) => s.start === start)?.free ?? 0;
}

/** The newest verification code texted to `phone` (E.164) for this site. */
export async function smsCode(phone: string): Promise<string> {
  const { messages } = await call<{ messages: { siteId: string; to: string; kind: string; body: string }[] }>("/api/v1/dev/outbox");
  const sms = messages.find((m) => m.siteId === SITE_ID && m.to === phone && m.kind === "code");
  const code = sms?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code SMS to ${phone}`);
  return code;
}

export interface Confirmed {
  bookingId: string;
  ticketNumber: string;
  checkInCode: string;
  manageUrl: string;
}

/** A booking made and confirmed through the API, as the booking site would. */
export async function bookByApi(matterId: string, start: string, phone: string): Promise<Confirmed> {
  const { bookingId } = await call<{ bookingId: string }>("/api/v1/bookings", {
    body: { siteId: SITE_ID, matterId, start, name: "Jan Testowy", phone, consent: true, turnstileToken: await humanToken() },
    key: `e2e-${phone.replace(/\D/g, "")}-${Date.now()}`,
  });
  const code = await smsCode(`+48${phone.replace(/\D/g, "")}`);
  const c = await call<Omit<Confirmed, "bookingId">>(`/api/v1/bookings/${bookingId}/confirm`, { body: { code } });
  return { bookingId, ...c };
}

/** "HH:MM" and "DD.MM.YYYY" of an instant on the offices' clock. */
export function warsawClock(ms: number): { time: string; date: string } {
  const tz = { timeZone: "Europe/Warsaw" } as const;
  return {
    time: new Intl.DateTimeFormat("pl-PL", { ...tz, hour: "2-digit", minute: "2-digit" }).format(ms),
    date: new Intl.DateTimeFormat("pl-PL", { ...tz, day: "2-digit", month: "2-digit", year: "numeric" }).format(ms),
  };
}

export const bookingUrl = (): string => `${base()}/booking`;

/**
 * Past the matter: the office is this file's, chosen on step 2 when the sites of earlier test files offer
 * the matter too, or chosen for the citizen (straight to step 3) when only this file's does.
 */
export async function chooseOurOffice(page: Page): Promise<void> {
  const title = page.getByTestId("step-title");
  let text = "";
  await eventually("step 2 or 3", async () => {
    text = (await title.isVisible()) ? await title.innerText() : "";
    return text.includes("Wybierz placówkę") || text.includes("Wybierz dzień i godzinę");
  });
  if (text.includes("Wybierz placówkę")) await page.locator(`[data-site="${SITE_ID}"]`).click();
}

/** The text of the file a link downloads. */
export async function downloadText(page: Page, link: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  return readFile(path, "utf8");
}
