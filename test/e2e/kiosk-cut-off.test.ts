// The closing cut-off seen by a citizen: a matter closed for today (here its last-ticket time is 00:00, so
// it is closed for the whole day, whenever the test runs) is marked on the kiosk before anyone taps it; a tap
// prints nothing and shows "Dziś nie zdążymy obsłużyć tej sprawy. Zarezerwuj wizytę:" with the booking
// site's QR code and the matter's first three free slots. The hall screen says "Na dziś zamknięte".
// This file's own office, open around the clock, so nothing else of the demo site is counted here.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { zoneAtTen } from "../site-config.ts";
import { base, call, decodeQr, expectNoViolations, expectText, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";

const siteId = `e2e-cut-off-${Date.now().toString(36)}`;
const CLOSED = { id: "paszport", name: "Wniosek o paszport" };
const OPEN = { id: "meldunek", name: "Zameldowanie" };

function cutOffSite() {
  const allDay: [string, string][] = [["00:00", "24:00"]];
  return {
    id: siteId,
    city: "Testowo",
    name: "Urząd z godziną ostatniego numerka",
    address: "ul. Wieczorna 1",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedOnPublicHolidays: false,
    departments: [
      {
        id: "sc",
        name: "Sprawy obywatelskie",
        matters: [
          { ...CLOSED, prefix: "P", serviceMinutes: 15, lastTicketAt: "00:00" },
          { ...OPEN, prefix: "M", serviceMinutes: 5 },
        ],
      },
    ],
    desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: [CLOSED.id, OPEN.id] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 60 },
  };
}

/** "HH:MM" of the local minute now plus `plus` minutes, in a zone where it is 10:xx. */
function localPlus(plus: number): string {
  const minutes = 10 * 60 + new Date().getUTCMinutes() + plus;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * An office of its own with priority service, where the passport matter (15 minutes, one desk) has three
 * people waiting and the office closes 17 minutes after this minute began: a normal ticket could not be
 * served before closing (the forecast closes the matter), a priority ticket would be called first, in time.
 */
async function nearClosingWithPriority(admin: string): Promise<string> {
  const id = `e2e-cut-off-prio-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const hours = (closes: string) => {
    const day: [string, string][] = [["00:00", closes]];
    return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
  };
  const config = {
    ...cutOffSite(),
    id,
    name: "Urząd tuż przed zamknięciem",
    timeZone: zoneAtTen(),
    departments: [
      {
        id: "sc",
        name: "Sprawy obywatelskie",
        matters: [
          { ...CLOSED, prefix: "P", serviceMinutes: 15 },
          { ...OPEN, prefix: "M", serviceMinutes: 5 },
        ],
      },
    ],
    desks: [
      { id: "o1", name: "Okienko 1", number: 1, matterIds: [CLOSED.id] },
      { id: "o2", name: "Okienko 2", number: 2, matterIds: [OPEN.id] },
    ],
    priority: { enabled: true, mode: "first" },
  };
  await call(`/api/v1/sites/${id}?org=demo`, { method: "PUT", token: admin, body: { ...config, openingHours: hours("23:00") } });
  for (let i = 0; i < 3; i++) await call(`/api/v1/sites/${id}/tickets`, { token: admin, body: { matterId: CLOSED.id } });
  await call(`/api/v1/sites/${id}?org=demo`, { method: "PUT", token: admin, body: { ...config, openingHours: hours(localPlus(17)) } });
  return id;
}

interface Slots {
  days: { date: string; slots: { start: string; free: number }[] }[];
}

describe("the kiosk when a matter is closed for today", () => {
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
    await call(`/api/v1/sites/${siteId}?org=demo`, { method: "PUT", token: admin, body: cutOffSite() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(at = siteId): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    // Long idle: on a busy machine the checks below take longer than a citizen would look.
    await page.goto(`${base()}/kiosk/${at}?idle=600`);
    await signIn(page, "admin", "admin");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  test("says so before the tap, and a tap offers the booking QR code and the first free slots instead of a ticket", async () => {
    const page = await openKiosk();
    await page.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    const closed = page.locator(`[data-matter="${CLOSED.id}"]`);
    await expectText(closed, "Na dziś zamknięte");
    await expectText(page.locator(`[data-matter="${OPEN.id}"]`), OPEN.name);
    expect(await page.locator(`[data-matter="${OPEN.id}"]`).textContent()).not.toContain("Na dziś zamknięte");

    // The first three free slots, as the booking site offers them: asked before and after the tap, since a
    // slot may stop being offered in between (its notice runs out as the clock passes a quarter hour).
    const firstFree = async () => {
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(Date.now());
      const to = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(Date.now() + 14 * 86_400_000);
      const free = await call<Slots>(`/api/v1/sites/${siteId}/availability?matterId=${CLOSED.id}&from=${today}&to=${to}`);
      return free.days
        .flatMap((d) => d.slots)
        .filter((s) => s.free > 0)
        .slice(0, 3)
        .map((s) => s.start);
    };
    const before = await firstFree();
    await closed.tap();
    const screen = page.getByTestId("kiosk-cut-off");
    await expectText(screen.getByRole("heading", { level: 1 }), "Dziś nie zdążymy obsłużyć tej sprawy. Zarezerwuj wizytę:");
    await expectText(screen, CLOSED.name);
    // The QR code is the booking site's link, readable by a phone.
    const qr = screen.getByRole("img", { name: "Kod QR strony rezerwacji wizyt" });
    expect(await decodeQr(page, qr)).toBe(`${base()}/booking`);
    const shown = screen.getByTestId("first-slots").locator("li");
    await shown.first().waitFor();
    const after = await firstFree();
    expect(after).toHaveLength(3);
    const starts = await shown.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-start")));
    const first = JSON.stringify(starts) === JSON.stringify(before) ? before : after;
    expect(starts).toEqual(first);
    await expectText(shown.first(), first[0]!.slice(11, 16));
    // No ticket was taken.
    expect(await page.getByTestId("kiosk-ticket").count()).toBe(0);
    await expectNoViolations(page, "kiosk cut-off screen");
    await screenshot(page, "kiosk-cut-off");

    // Back to the start; the other matter still prints.
    await screen.getByRole("button", { name: "Wstecz" }).tap();
    await page.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    await page.locator(`[data-matter="${OPEN.id}"]`).tap();
    await expectText(page.getByTestId("kiosk-number"), /^M\d{3}$/);
    await page.close();
  });

  test("in English too", async () => {
    const page = await openKiosk();
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    await expectText(page.locator(`[data-matter="${CLOSED.id}"]`), "Closed for today");
    await page.locator(`[data-matter="${CLOSED.id}"]`).tap();
    await expectText(
      page.getByTestId("kiosk-cut-off").getByRole("heading", { level: 1 }),
      "We cannot serve this matter before closing today. Book a visit:",
    );
    await expectNoViolations(page, "kiosk cut-off screen, English");
    await page.close();
  });

  test("a matter closed only by the forecast still offers a priority ticket, which is called first", async () => {
    const office = await nearClosingWithPriority(admin);
    const page = await openKiosk(office);
    await page.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    const matter = page.locator(`[data-matter="${CLOSED.id}"]`);
    await expectText(matter, "Na dziś zamknięte");
    await matter.tap();
    const screen = page.getByTestId("kiosk-cut-off");
    await expectText(screen.getByRole("heading", { level: 1 }), "Dziś nie zdążymy obsłużyć tej sprawy. Zarezerwuj wizytę:");
    const offer = screen.getByTestId("cut-off-priority");
    await expectText(offer.getByRole("heading", { level: 2 }), "Masz pierwszeństwo obsługi?");
    await expectText(offer, "Numerek z pierwszeństwem w tej sprawie możemy dziś jeszcze wydać. Pierwszeństwo obsługi mają:");
    expect(await offer.getByRole("listitem").allInnerTexts()).toContain("Kobiety w ciąży");
    await expectNoViolations(page, "kiosk cut-off screen with the priority offer");
    await screenshot(page, "kiosk-cut-off-priority");

    const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/sites/${office}/tickets`));
    await offer.getByRole("button", { name: "Pobierz numerek z pierwszeństwem" }).tap();
    expect((await sent).postDataJSON()).toEqual({ matterId: CLOSED.id, priority: true });
    const number = page.getByTestId("kiosk-number");
    await expectText(number, /P004$/);
    expect(await number.getByRole("img", { name: "pierwszeństwo" }).count()).toBe(1);
    await expectText(page.getByTestId("kiosk-ahead"), "Jesteś następny w kolejce");
    await page.close();
  });

  test("chosen first, priority shows the matter open to it and says so, in English too; a normal ticket is still refused", async () => {
    const office = await nearClosingWithPriority(admin);
    const page = await openKiosk(office);
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("button", { name: "Priority service", disabled: false }).tap();
    await page.getByRole("button", { name: "Next: choose your matter", disabled: false }).tap();
    await page.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    const matter = page.locator(`[data-matter="${CLOSED.id}"]`);
    await expectText(matter.getByTestId("priority-only"), "Today only with priority service");
    expect(await matter.textContent()).not.toContain("Closed for today");
    await expectNoViolations(page, "kiosk matters with priority chosen near closing");
    await matter.tap();
    await expectText(page.getByTestId("kiosk-number"), /P004$/);
    await page.close();

    // Without priority the matter is closed for today, and its screen offers the priority ticket in English.
    const other = await nearClosingWithPriority(admin);
    const plain = await openKiosk(other);
    await plain.getByRole("button", { name: "English" }).tap();
    await plain.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    await expectText(plain.locator(`[data-matter="${CLOSED.id}"]`), "Closed for today");
    await plain.locator(`[data-matter="${CLOSED.id}"]`).tap();
    const offer = plain.getByTestId("cut-off-priority");
    await expectText(offer.getByRole("heading", { level: 2 }), "Do you have priority service?");
    await offer.getByRole("button", { name: "Take a priority ticket" }).waitFor();
    await plain.close();
  });

  test("the hall screen shows the matter closed for today", async () => {
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    const row = page.locator(`.waiting-item[data-matter="${CLOSED.id}"]`);
    await expectText(row.getByTestId("closed-for-today"), "Na dziś zamknięte");
    expect(await page.locator(`.waiting-item[data-matter="${OPEN.id}"]`).getByTestId("closed-for-today").count()).toBe(0);
    await expectNoViolations(page, "hall screen with a matter closed for today");
    await page.close();
  });

  // Last: it lifts the cut-off for the rest of the day.
  test("the manager sees why the matter is closed for today and lifts it; the kiosk prints again", async () => {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "admin", "admin");
    await page.getByLabel("Placówka").selectOption(siteId);
    const row = page.locator(`[data-testid="cut-offs"] tr[data-matter="${CLOSED.id}"]`);
    await expectText(row, `${CLOSED.name} Zamknięte na dziś: minęła godzina ostatniego numerka (00:00) Wydawaj do końca dnia`);
    await expectText(page.locator(`[data-testid="cut-offs"] tr[data-matter="${OPEN.id}"]`), `${OPEN.name} Wydawane`);
    await expectNoViolations(page, "manager's work view with a matter closed for today");
    await row.getByRole("button", { name: `Wydawaj do końca dnia: ${CLOSED.name}` }).click();
    await expectText(row, `${CLOSED.name} Wydawane do końca dnia (decyzja kierownika)`);
    await page.close();

    const kiosk = await openKiosk();
    await kiosk.getByRole("button", { name: "Sprawy obywatelskie" }).tap();
    const matter = kiosk.locator(`[data-matter="${CLOSED.id}"]`);
    await expectText(matter, CLOSED.name);
    expect(await matter.textContent()).not.toContain("Na dziś zamknięte");
    await matter.tap();
    await expectText(kiosk.getByTestId("kiosk-number"), /^P\d{3}$/);
    await kiosk.close();
  });
});
