// A kiosk of an office closed at this hour says so on its start screen, before any choice, with today's
// hours and the next opening (from the office's calendar: a special day two days ahead here); an open office
// shows no such note.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, call, expectNoViolations, expectText, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";

/** The Warsaw date `days` from today, YYYY-MM-DD. */
function warsawDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(Date.now() + days * 86_400_000);
}

function closedSite(siteId: string, openOn: string) {
  const none: [string, string][] = [];
  return {
    id: siteId,
    city: "Testowo",
    name: "Urząd zamknięty",
    address: "ul. Cicha 1",
    voice: false,
    openingHours: { mon: none, tue: none, wed: none, thu: none, fri: none, sat: none, sun: none },
    specialDays: [
      {
        date: openOn,
        hours: [
          ["08:00", "12:00"],
          ["12:30", "15:30"],
        ],
      },
    ],
    closedOnPublicHolidays: false,
    departments: [{ id: "bo", name: "Biuro Obsługi", matters: [{ id: "ogolna", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5 }] }],
    desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: ["ogolna"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
  };
}

describe("kiosk outside the office's hours", () => {
  let browser: Browser;
  let admin: string;
  const siteId = `e2e-kiosk-hours-${Date.now().toString(36)}`;
  const openOn = warsawDate(2);

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
    await call(`/api/v1/sites/${siteId}?org=demo`, { method: "PUT", token: admin, body: closedSite(siteId, openOn) });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(site: string): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/${site}`);
    await signIn(page, "admin", "admin");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  test("the start screen says the office is closed, today's hours and the next opening, above the choices", async () => {
    const page = await open(siteId);
    const note = page.getByTestId("kiosk-hours");
    await expectText(note, "Urząd jest teraz nieczynny");
    await expectText(page.getByTestId("kiosk-hours-today"), "Dziś nieczynne");
    const day = new Intl.DateTimeFormat("pl-PL", { weekday: "long", day: "numeric", month: "numeric", timeZone: "UTC" }).format(
      Date.parse(`${openOn}T12:00:00Z`),
    );
    await expectText(page.getByTestId("kiosk-hours-next"), `Zapraszamy: ${day}, od godz. 8:00.`);
    // Said before any choice: above the first department.
    const noteBox = (await note.boundingBox())!;
    const first = (await page.getByRole("button", { name: "Biuro Obsługi" }).boundingBox())!;
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(first.y);
    await expectNoViolations(page, "kiosk start, office closed at this hour");
    await screenshot(page, "kiosk-closed-hours");

    await page.getByRole("button", { name: "English" }).tap();
    await expectText(page.getByTestId("kiosk-hours"), "The office is closed now");
    await expectText(page.getByTestId("kiosk-hours-today"), "Closed today");
    await expectText(page.getByTestId("kiosk-hours-next"), /^Please come back on .+ from 8:00\.$/);
    await page.context().close();
  });

  test("an open office says nothing of its hours", async () => {
    const page = await open("demo");
    await page.getByRole("button", { name: "Wydział Komunikacji" }).waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId("kiosk-hours").count()).toBe(0);
    await page.context().close();
  });
});
