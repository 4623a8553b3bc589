// Online booking end to end (R6, R7, R3, R8): a citizen books on a 360 px phone through the five steps
// and confirms with the SMS code from the local outbox; the kiosk turns the check-in code into the same
// ticket number, ahead of a walk-in of the same matter; the clerk's "call next" calls it, and the console,
// the hall screen and the e-ticket from the kiosk's QR code show the number and the desk; the manage
// link shows the visit and its state in any browser; refusals at the kiosk
// say why; the calendar works from the keyboard alone; the manage link moves the visit to another time,
// then cancels it and frees the slot;
// axe finds nothing on any step.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { humanBox, tickHumanCheck } from "./booking-human-check.ts";
import {
  ADDRESS,
  bookByApi,
  bookingUrl,
  CONTROLLER,
  chooseOurOffice,
  createSite,
  DEPARTMENT,
  DESK,
  downloadText,
  freeAt,
  freeSlots,
  RESIDENT,
  SENIOR,
  SITE_ID,
  SITE_NAME,
  smsCode,
  warsawClock,
  warsawDate,
} from "./booking-site.ts";
import {
  base,
  decodeQr,
  eventually,
  expectAttr,
  expectNoViolations,
  expectText,
  launch,
  newPage,
  SIZES,
  screenshot,
  signIn,
  tabTo,
} from "./helpers.ts";

const longDatePl = (date: string) =>
  new Intl.DateTimeFormat("pl-PL", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${date}T00:00:00Z`),
  );
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Page Down in the calendar: the same day of the next month, or that month's last day. */
function sameDayNextMonth(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The calendar's last day: the end of the month of the last day it asks free times for, 62 days from the
 * offices' today (RANGE_DAYS in clients/booking/availability.ts). Page Down stops there.
 */
function calendarEnd(): string {
  const [y, m] = addDays(warsawDate(Date.now()), 61).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
/** Page Down in the calendar from `date`, where it stops at its last day. */
const pageDown = (date: string) => [sameDayNextMonth(date), calendarEnd()].sort()[0]!;

describe("online booking", () => {
  let browser: Browser;

  beforeAll(async () => {
    await createSite();
    // A second office offers the same matters, so the citizen chooses on step 2 whatever ran before.
    await createSite({ id: `${SITE_ID}-2`, name: "Urząd Miejski w Koszalinie – Filia" });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(siteId: string, username: string, password: string): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.tablet, hasTouch: true });
    await page.goto(`${base()}/kiosk/${siteId}`);
    await signIn(page, username, password);
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  /** "Mam rezerwację" on the kiosk's start screen, then the code on its keypad. */
  async function checkInWith(kiosk: Page, code: string): Promise<void> {
    await kiosk.getByRole("button", { name: "Mam rezerwację" }).tap();
    // The code is called what the SMS and the confirmation call it.
    await expectText(kiosk.locator("h1"), "Wpisz kod do biletomatu z SMS-a");
    for (const ch of code) await kiosk.getByRole("button", { name: ch, exact: true }).tap();
    await expectText(kiosk.getByTestId("booking-code"), code);
    await kiosk.getByRole("button", { name: "Potwierdź" }).tap();
  }

  const stepTitle = (page: Page) => page.getByTestId("step-title");
  const currentStep = (page: Page) => page.locator('.bk-steps [aria-current="step"]');

  /** The clerk console of one desk of the test site, for a manager who chooses the site and the desk. */
  async function openConsoleAt(username: string, password: string): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.console });
    await page.goto(`${base()}/clerk`);
    await signIn(page, username, password);
    await page.getByLabel("Placówka").selectOption({ label: SITE_NAME });
    await page.getByLabel("Stanowisko").selectOption({ label: DESK.name });
    await page.getByRole("button", { name: "Otwórz konsolę" }).click();
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    await expectText(page.locator(".clerk-site"), SITE_NAME);
    return page;
  }

  test("a citizen books on a phone in five steps, checks in at the kiosk with the code, and is called before a walk-in", async () => {
    // The second free slot starts in 5-10 minutes: the kiosk already accepts its code (10 minutes early),
    // and the citizen has time to fill in the form. (On a public holiday there are no slots today.)
    const target = (await freeSlots(RESIDENT.id))[1]!;
    expect(Date.parse(target.start) - Date.now()).toBeLessThan(10 * 60_000);
    const [date, time] = [target.start.slice(0, 10), target.start.slice(11, 16)];
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(bookingUrl());

    // Step 1: the city, then the matter found by searching; English on request.
    await expectText(page.locator("h1"), "Rezerwacja wizyty w urzędzie");
    await expectText(currentStep(page), "Sprawa");
    await expectText(page.locator("main"), "Wybierz miasto");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.locator("h1"), "Book a visit to the office");
    await expectText(page.locator("main"), "Choose the city");
    await expectNoViolations(page, "booking step 1 in English");
    await page.getByRole("button", { name: "Przełącz na język polski" }).tap();
    await expectText(page.locator("h1"), "Rezerwacja wizyty w urzędzie");
    await expectNoViolations(page, "booking step 1: city");
    await page.getByRole("button", { name: "Koszalin" }).tap();
    await page.getByLabel("Szukaj sprawy").fill("karta mieszk");
    await expectText(page.getByRole("status").filter({ hasText: "Znaleziono" }), "Znaleziono: 1 sprawa");
    await expectNoViolations(page, "booking step 1: matters");
    await page.getByRole("button", { name: /Koszalińska Karta Mieszkańca/ }).tap();

    // Step 2: the offices offering it (earlier test files' sites offer it too), with the address and the first free time.
    await expectText(stepTitle(page), "Wybierz placówkę");
    await expectText(currentStep(page), "Placówka");
    const site = page.locator(`[data-site="${SITE_ID}"]`);
    await expectText(site, ADDRESS);
    await expectText(site, "Najbliższy wolny termin");
    await expectNoViolations(page, "booking step 2");
    await site.tap();

    // Step 3: the day in the calendar, then the time.
    await expectText(stepTitle(page), "Wybierz dzień i godzinę");
    await page.getByTestId("calendar").waitFor();
    const day = page.locator(`button[data-date="${date}"]`);
    // The calendar opens at the first free day's month; just before midnight on a month's last day the target is in the next.
    if ((await day.count()) === 0) await page.getByRole("button", { name: /Następny miesiąc/ }).tap();
    expect(await day.getAttribute("aria-label")).toMatch(new RegExp(`^${longDatePl(date)}: \\d+ woln`));
    await day.tap();
    await expectText(page.locator("#bk-times-title"), `Wolne godziny – ${longDatePl(date)}`);
    const slot = page.locator(`button[data-start="${target.start}"]`);
    await expectText(slot, time);
    await expectNoViolations(page, "booking step 3");
    await screenshot(page, "booking-calendar", { fullPage: true });
    await slot.tap();

    // Step 4: name and phone, the office's data-protection notice, the consent it requires, and the
    // check that a person is booking (the Turnstile widget, here the loopback stand-in's).
    await expectText(stepTitle(page), "Podaj swoje dane");
    await expectText(page.locator(".bk-summary"), `${longDatePl(date)}, godz. ${time}`);
    await expectText(page.locator(".bk-privacy"), `Administrator danych: ${CONTROLLER}`);
    await humanBox(page).waitFor();
    await expectNoViolations(page, "booking step 4");
    await page.getByLabel("Imię i nazwisko lub nazwa firmy").fill("Anna Nowak");
    await page.getByLabel("Numer telefonu komórkowego").fill("600 100 201");
    await tickHumanCheck(page);
    await page.getByRole("button", { name: "Wyślij kod SMS" }).tap();
    await expectText(page.locator("#bk-consent-error"), "Zaznacz zgodę, aby zarezerwować wizytę.");
    await expectNoViolations(page, "booking step 4 with an error");
    await page.getByLabel(/Zapoznałem\(-am\) się z informacją/).check();
    await page.getByRole("button", { name: "Wyślij kod SMS" }).tap();

    // Step 5: the code from the SMS; the hold's end is shown and a new code waits 60 s.
    await expectText(stepTitle(page), "Wpisz kod z SMS-a");
    await expectText(currentStep(page), "Kod SMS");
    await expectText(page.getByTestId("hold-until"), /Termin czeka na Ciebie do godz\. \d\d:\d\d\./);
    await expectText(page.getByTestId("resend"), /^Wyślij kod ponownie \(za (\d|[1-5]\d|60) s\)$/);
    expect(await page.getByTestId("resend").isDisabled()).toBe(true);
    await expectNoViolations(page, "booking step 5");
    const code = await smsCode("+48600100201");
    await page.getByLabel("Kod z SMS-a (6 cyfr)").fill(String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Potwierdź rezerwację" }).tap();
    await expectText(page.locator("#bk-code-error"), "Błędny kod.");
    await page.getByLabel("Kod z SMS-a (6 cyfr)").fill(code);
    await page.getByRole("button", { name: "Potwierdź rezerwację" }).tap();

    // The confirmation: office, address, date, time, ticket number, check-in code and the manage link.
    await expectText(stepTitle(page), "Wizyta zarezerwowana");
    expect(await currentStep(page).count()).toBe(0);
    await expectText(page.getByTestId("visit-site"), SITE_NAME);
    await expectText(page.getByTestId("visit-address"), ADDRESS);
    await expectText(page.getByTestId("visit-date"), longDatePl(date));
    await expectText(page.getByTestId("visit-time"), time);
    await expectText(page.getByTestId("visit-ticket"), /^K\d{3}$/);
    await expectText(page.getByTestId("visit-checkin"), /^[2-9A-HJKMNP-Z]{6}$/);
    await expectText(page.getByTestId("confirmation"), "wpisz ten kod w biletomacie");
    // The office's own check-in window (10 minutes early here), not a vague "a few minutes".
    await expectText(page.getByTestId("visit-instruction"), "biletomat przyjmie go najwcześniej 10 minut przed godziną wizyty");
    const ticket = (await page.getByTestId("visit-ticket").innerText()).trim();
    const checkIn = (await page.getByTestId("visit-checkin").innerText()).trim();
    const manageUrl = (await page.getByTestId("manage-link").getAttribute("href")) ?? "";
    expect(manageUrl).toMatch(new RegExp(`^${base()}/booking/manage/${SITE_ID}\\.[^?]+\\?token=.+`));
    await expectNoViolations(page, "booking confirmation");
    await screenshot(page, "booking-confirmation", { fullPage: true });
    await page.context().close();

    // The manage link from the SMS, opened in another browser: the same visit, from the server.
    const manage = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await manage.goto(manageUrl);
    await expectText(manage.getByTestId("booking-status"), "Stan rezerwacji: wizyta potwierdzona");
    await expectText(manage.getByTestId("visit-site"), SITE_NAME);
    await expectText(manage.getByTestId("visit-address"), ADDRESS);
    await expectText(manage.getByTestId("visit-matter"), RESIDENT.name);
    await expectText(manage.getByTestId("visit-date"), longDatePl(date));
    await expectText(manage.getByTestId("visit-time"), time);
    await expectText(manage.getByTestId("visit-ticket"), ticket);
    await expectText(manage.getByTestId("visit-checkin"), checkIn);
    await manage.getByRole("button", { name: "Odwołaj wizytę" }).waitFor();
    // The internal booking id is no "booking number" to read off and try with: the page never shows it.
    const bookingId = new URL(manageUrl).pathname.split("/").at(-1) ?? "";
    expect(bookingId).not.toBe("");
    expect(await manage.locator("body").innerText()).not.toContain(bookingId);
    expect(await manage.locator("body").innerText()).not.toContain("Numer rezerwacji");
    await expectNoViolations(manage, "manage page in a fresh browser");
    await manage.context().close();

    // At the office, a walk-in for the same matter takes a ticket first: nobody is ahead of them yet.
    const kiosk = await openKiosk(SITE_ID, "admin", "admin");
    await kiosk.getByRole("button", { name: DEPARTMENT }).tap();
    await kiosk.getByRole("button", { name: new RegExp(RESIDENT.name) }).tap();
    await expectText(kiosk.getByTestId("kiosk-number"), /^K\d{3}$/);
    const walkIn = (await kiosk.getByTestId("kiosk-number").innerText()).trim();
    expect(walkIn).not.toBe(ticket);
    await expectText(kiosk.getByTestId("kiosk-ahead"), "Jesteś następny w kolejce");
    await kiosk.getByRole("button", { name: "Gotowe" }).tap();

    // Then the citizen: the kiosk's letter and digit keypad turns the code into the same ticket number,
    // and the booked visit goes ahead of the walk-in who came earlier.
    await checkInWith(kiosk, checkIn);
    await expectText(kiosk.getByTestId("kiosk-number"), ticket);
    await expectText(kiosk.locator(".kiosk-matter-name"), RESIDENT.name);
    await expectText(kiosk.getByTestId("kiosk-ahead"), "Jesteś następny w kolejce");
    const eticketUrl = (await decodeQr(kiosk, kiosk.locator("svg.qr"))) ?? "";
    expect(eticketUrl).toMatch(new RegExp(`^${base()}/t/${SITE_ID}\\.`));
    await screenshot(kiosk, "kiosk-checkin-ticket");
    // The same code again: the ticket was already issued.
    await kiosk.getByRole("button", { name: "Gotowe" }).tap();
    await checkInWith(kiosk, checkIn);
    await expectText(kiosk.getByTestId("booking-result"), "Ten kod został już użyty – bilet do tej rezerwacji był już wydany.");
    await kiosk.context().close();

    // The manage link now says the visit was checked in, and offers no cancelling.
    const after = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await after.goto(manageUrl);
    await expectText(after.getByTestId("booking-status"), "odprawa w biletomacie odbyła się, bilet został wydany");
    await expectText(after.getByTestId("visit-ticket"), ticket);
    expect(await after.getByRole("button", { name: "Odwołaj wizytę" }).count()).toBe(0);
    await after.context().close();

    // In the hall: the group screen, and the citizen's phone on the e-ticket from the kiosk's QR code.
    const hall = await newPage(browser, { viewport: SIZES.display });
    await hall.goto(`${base()}/display/${SITE_ID}`);
    await signIn(hall, "admin", "admin");
    await expectText(hall.locator(".display-site"), SITE_NAME);
    const phone = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await phone.goto(eticketUrl);
    await expectText(phone.getByTestId("et-number"), ticket);
    await expectAttr(phone.locator("[data-status]"), "data-status", "waiting");
    await expectText(phone.getByTestId("et-ahead"), "Jesteś następny w kolejce");

    // At desk 1 the console lists the booked visit first, then the walk-in; "call next" calls the visit.
    const clerk = await openConsoleAt("admin", "admin");
    const queued = clerk.getByTestId("queue").locator("tbody");
    await expectText(
      queued,
      new RegExp(`^${ticket} ${RESIDENT.name} \\d\\d:\\d\\d \\d+ min Wezwij ${walkIn} ${RESIDENT.name} \\d\\d:\\d\\d \\d+ min Wezwij$`),
    );
    await clerk.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(clerk.getByTestId("current-number"), ticket);
    await expectText(clerk.getByTestId("current-status"), "Wezwany");
    await expectText(queued, new RegExp(`^${walkIn} ${RESIDENT.name} \\d\\d:\\d\\d \\d+ min Wezwij$`));
    await expectAttr(hall.getByTestId("newest-call"), "data-number", ticket);
    await expectText(hall.getByTestId("newest-call"), `${ticket} → zapraszamy do ${DESK.name}`);
    await expectAttr(phone.locator("[data-status]"), "data-status", "called");
    await expectText(phone.locator("[data-status]"), `Twoja kolej! Podejdź do stanowiska ${DESK.name}`);
    await expectNoViolations(phone, "e-ticket of a booked visit, called");
    await screenshot(hall, "display-booked-call");
    for (const p of [hall, phone, clerk]) await p.context().close();
  });

  test("the kiosk says when a code comes too early (and from when), and which office a code is for", async () => {
    const today = warsawClock(Date.now()).date.split(".").reverse().join("-");
    const later = (await freeSlots(RESIDENT.id)).find((s) => s.start.slice(0, 10) > today && s.start.slice(11, 16) === "12:00")!;
    const booked = await bookByApi(RESIDENT.id, later.start, "600 100 202");
    const opens = warsawClock(Date.parse(later.start) - 10 * 60_000);

    const kiosk = await openKiosk(SITE_ID, "admin", "admin");
    await checkInWith(kiosk, booked.checkInCode);
    await expectText(
      kiosk.getByTestId("booking-result"),
      `Za wcześnie na odprawę. Wpisz kod ponownie ${opens.date} od godz. ${opens.time}.`,
    );
    await screenshot(kiosk, "kiosk-checkin-too-early");
    await kiosk.context().close();

    // Koszalin's other office: the kiosk there names the office the booking is for.
    const usc = await openKiosk("koszalin-usc", "koszalin-usc-kiosk-1", "demo");
    await checkInWith(usc, booked.checkInCode);
    await expectText(usc.getByTestId("booking-result"), `Ta rezerwacja dotyczy innej placówki: ${SITE_NAME}, ${ADDRESS}.`);
    await usc.context().close();
  });

  test("booking from the keyboard alone, through the calendar", async () => {
    const slots = await freeSlots(SENIOR.id);
    const first = slots[0]!.start.slice(0, 10);
    const target = slots.find((s) => s.start.slice(0, 10) > first)!;
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(bookingUrl());
    const kb = page.keyboard;
    const focused = (attr: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr);

    const focusOn = (what: string, attr: string, value: string) =>
      eventually(`the focus on ${what}`, async () => (await focused(attr)) === value);
    await page.locator('button[data-city="Koszalin"]').waitFor();
    await tabTo(page, 'button[data-city="Koszalin"]');
    await kb.press("Enter");
    await focusOn("the search field", "id", "bk-search");
    await kb.type("seniora");
    await tabTo(page, `button[data-matter="${SENIOR.id}"]`);
    await kb.press("Enter");
    await chooseOurOffice(page);
    // The grid is one Tab stop, on the first free day; two months on (or the calendar's last day), days are beyond the horizon.
    await expectText(stepTitle(page), "Wybierz dzień i godzinę");
    await focusOn("the step's heading", "data-testid", "step-title");
    // The calendar appears once the free times have loaded.
    await page.locator('button.bk-day[tabindex="0"]').waitFor();
    // With a keyboard and a mouse, the calendar says which keys move in it.
    expect(await page.getByTestId("calendar-keys").isVisible()).toBe(true);
    await expectText(page.locator("#bk-cal-help"), "Klawiszami strzałek przechodzisz między dniami");
    await tabTo(page, 'button.bk-day[tabindex="0"]');
    expect(await focused("data-date")).toBe(first);
    const press = async (key: string, date: string) => {
      await kb.press(key);
      await eventually(`${key} to move the focus to ${date}`, async () => (await focused("data-date")) === date);
    };
    await press("PageDown", pageDown(first));
    const far = pageDown(pageDown(first));
    await press("PageDown", far);
    expect(await focused("aria-disabled")).toBe("true");
    expect(await focused("aria-label")).toContain("niedostępny – poza okresem, na który można rezerwować");
    await kb.press("Enter");
    await expectText(page.locator(".bk-cal-note"), "niedostępny – poza okresem, na który można rezerwować");
    expect(await page.locator(".bk-times").count()).toBe(0);
    // Back to the target day: a week up at a time, then by days.
    const day = target.start.slice(0, 10);
    let at = far;
    while (daysBetween(day, at) >= 7) await press("ArrowUp", (at = addDays(at, -7)));
    while (at > day) await press("ArrowLeft", (at = addDays(at, -1)));
    await kb.press("Enter");
    await focusOn("the day's times", "id", "bk-times-title");
    await kb.press("Tab");
    expect(await focused("data-start")).toBe(target.start);
    await kb.press("Enter");

    await expectText(stepTitle(page), "Podaj swoje dane");
    await focusOn("the step's heading", "data-testid", "step-title");
    await tabTo(page, "#bk-name");
    await kb.type("Firma Testowa sp. z o.o.");
    await tabTo(page, "#bk-phone");
    await kb.type("600 100 203");
    await tabTo(page, "#bk-consent");
    await kb.press("Space");
    // The widget's checkbox, inside its frame, is the next stop after the consent.
    await kb.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    await humanBox(page).waitFor();
    await kb.press("Space");
    await expectText(page.locator(".bk-human [role=status]"), "Sprawdzenie zakończone.");
    await tabTo(page, "button[type=submit]");
    await kb.press("Enter");

    await expectText(stepTitle(page), "Wpisz kod z SMS-a");
    await focusOn("the step's heading", "data-testid", "step-title");
    await tabTo(page, "#bk-code");
    await kb.type(await smsCode("+48600100203"));
    await kb.press("Enter");
    await expectText(stepTitle(page), "Wizyta zarezerwowana");
    await expectText(page.getByTestId("visit-ticket"), /^S\d{3}$/);
    await expectText(page.getByTestId("visit-time"), target.start.slice(11, 16));
    // The code is called what the SMS and the kiosk call it; what to bring comes from the matter's hint.
    await expectText(page.getByTestId("visit"), "Kod do biletomatu");
    expect(await page.getByTestId("confirmation").innerText()).not.toMatch(/odprawy/i);
    await expectText(page.getByTestId("visit-bring"), SENIOR.hint);
    // The visit as a calendar file: the office's time (in UTC), its address, the matter and the number,
    // and nothing of the citizen.
    const ticket = (await page.getByTestId("visit-ticket").innerText()).trim();
    const checkIn = (await page.getByTestId("visit-checkin").innerText()).trim();
    const ics = await downloadText(page, page.getByRole("link", { name: "Dodaj do kalendarza (plik .ics)" }));
    const lines = ics.replace(/\r\n /g, "").split("\r\n");
    const utc = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    expect(lines).toContain(`DTSTART:${utc(Date.parse(target.start))}`);
    expect(lines).toContain(`DTEND:${utc(Date.parse(target.start) + 5 * 60_000)}`);
    expect(lines).toContain(`LOCATION:${ADDRESS.replace(/,/g, "\\,")}`);
    expect(lines.find((l) => l.startsWith("SUMMARY:"))).toContain(SENIOR.name);
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toContain(ticket);
    for (const personal of ["Firma Testowa", "600 100 203", "600100203", checkIn, "token"]) expect(ics).not.toContain(personal);
    await page.context().close();
  });

  test("the manage link changes the time of the visit, then cancels it, and the times are free again", async () => {
    const slot = (await freeSlots(RESIDENT.id)).find(
      (s) => s.start.slice(11, 16) === "15:00" && Date.parse(s.start) > Date.now() + 86_400_000,
    )!;
    const booked = await bookByApi(RESIDENT.id, slot.start, "600 100 204");
    expect(await freeAt(RESIDENT.id, slot.start)).toBe(slot.free - 1);
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });

    // A link with a wrong token shows nothing of the visit and cannot cancel, and says so.
    const url = new URL(booked.manageUrl);
    url.searchParams.set("token", "x".repeat(22));
    await page.goto(url.toString());
    await expectText(page.getByRole("alert"), "Ten link nie pozwala zarządzać tą rezerwacją.");
    expect(await page.getByTestId("visit-ticket").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Odwołaj wizytę" }).count()).toBe(0);
    await expectNoViolations(page, "manage page, wrong link");
    // A booking that does not exist.
    await page.goto(`${base()}/booking/manage/${SITE_ID}.AAAAAAAAAAAAAAAAAAAAAA?token=${"x".repeat(22)}`);
    await expectText(page.getByRole("alert"), "Nie ma takiej rezerwacji.");
    expect(await freeAt(RESIDENT.id, slot.start)).toBe(slot.free - 1);

    await page.goto(booked.manageUrl);
    await expectText(stepTitle(page), "Twoja rezerwacja");
    await expectText(page.getByTestId("booking-status"), "wizyta potwierdzona");
    await expectText(page.getByTestId("visit-site"), SITE_NAME);
    await expectText(page.getByTestId("visit-ticket"), booked.ticketNumber);
    await expectText(page.getByTestId("manage"), "Możesz przenieść wizytę na inny wolny termin");
    await expectNoViolations(page, "manage page");
    // What to bring, and the visit as a calendar file, as on the confirmation.
    await expectText(page.getByTestId("visit-bring"), RESIDENT.hint);
    const calendarStart = async () =>
      (await downloadText(page, page.getByTestId("add-to-calendar"))).split("\r\n").find((l) => l.startsWith("DTSTART:"));
    const utc = (iso: string) => `DTSTART:${new Date(iso).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    expect(await calendarStart()).toBe(utc(slot.start));

    // "Zmień termin": the same office's calendar for the same matter; the new time replaces the old one.
    const next = (await freeSlots(RESIDENT.id)).find(
      (s) => s.start.slice(11, 16) === "14:00" && s.start.slice(0, 10) > slot.start.slice(0, 10),
    )!;
    const [nextDate, nextTime] = [next.start.slice(0, 10), next.start.slice(11, 16)];
    await page.getByRole("button", { name: "Zmień termin" }).tap();
    await expectText(page.getByTestId("reschedule"), "Wybierz nowy termin");
    await page.getByTestId("calendar").waitFor();
    // A touch screen has no arrow keys: the calendar's help leaves them out.
    await expectText(page.locator("#bk-cal-help"), "Dni z wolnymi terminami są pogrubione.");
    expect(await page.getByTestId("calendar-keys").isVisible()).toBe(false);
    const day = page.locator(`[data-testid="reschedule"] button[data-date="${nextDate}"]`);
    if ((await day.count()) === 0) await page.getByRole("button", { name: /Następny miesiąc/ }).tap();
    await day.tap();
    await expectText(page.locator("#bk-times-title"), `Wolne godziny – ${longDatePl(nextDate)}`);
    await expectNoViolations(page, "manage page, choosing the new time");
    // The chosen time is asked about first: one tap on a time moves nothing.
    const pickNext = async () => {
      await page.locator(`button[data-start="${next.start}"]`).tap();
      await expectText(
        page.getByTestId("reschedule-ask"),
        `Obecny termin: ${longDatePl(slot.start.slice(0, 10))}, ${slot.start.slice(11, 16)}. Nowy termin: ${longDatePl(nextDate)}, ${nextTime}. Przenieść wizytę?`,
      );
    };
    await pickNext();
    await expectNoViolations(page, "manage page, asked to confirm the new time");
    await page.getByRole("button", { name: "Nie, wybierz inny termin" }).tap();
    await expectText(page.getByTestId("reschedule"), "Wybierz nowy termin");
    expect(await freeAt(RESIDENT.id, slot.start)).toBe(slot.free - 1);
    expect(await freeAt(RESIDENT.id, next.start)).toBe(next.free);
    // Back to the choice, the day chosen before is shown with its times.
    await expectText(page.locator("#bk-times-title"), `Wolne godziny – ${longDatePl(nextDate)}`);
    await pickNext();
    // While the move is on its way (held here), its buttons are disabled and the focus waits on the question.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/reschedule", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Tak, zmień termin" }).tap();
    await expectText(page.getByTestId("reschedule-ask"), "Zmienianie terminu…");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("bk-move-text");
    release();
    await expectText(page.getByTestId("rescheduled"), `Termin wizyty został zmieniony: ${longDatePl(nextDate)}, godz. ${nextTime}.`);
    await page.unroute("**/reschedule");
    await expectText(page.getByTestId("visit-date"), longDatePl(nextDate));
    await expectText(page.getByTestId("visit-time"), nextTime);
    await expectText(page.getByTestId("booking-status"), "wizyta potwierdzona");
    await expectNoViolations(page, "manage page, time changed");
    expect(await calendarStart()).toBe(utc(next.start));
    await eventually("the old time free again", async () => (await freeAt(RESIDENT.id, slot.start)) === slot.free);
    expect(await freeAt(RESIDENT.id, next.start)).toBe(next.free - 1);
    // Opened again, the link shows the new time.
    await page.reload();
    await expectText(page.getByTestId("visit-time"), nextTime);
    await expectText(page.getByTestId("visit-date"), longDatePl(nextDate));
    await page.getByRole("button", { name: "Odwołaj wizytę" }).tap();
    await expectText(page.getByRole("group"), "Czy na pewno odwołać wizytę?");
    await expectNoViolations(page, "manage page, asking to confirm");
    await page.getByRole("button", { name: "Nie, zachowaj wizytę" }).tap();
    expect(await freeAt(RESIDENT.id, next.start)).toBe(next.free - 1);
    await page.getByRole("button", { name: "Odwołaj wizytę" }).tap();
    await page.getByRole("button", { name: "Tak, odwołaj wizytę" }).tap();
    await expectText(page.getByTestId("cancelled"), "Wizyta została odwołana. Termin jest znów wolny.");
    await expectNoViolations(page, "manage page, cancelled");
    await screenshot(page, "booking-cancelled");
    await eventually("the slot free again", async () => (await freeAt(RESIDENT.id, next.start)) === next.free);
    // Opened again, the link says the visit is cancelled and offers nothing to cancel.
    await page.reload();
    await expectText(page.getByTestId("booking-status"), "Stan rezerwacji: wizyta odwołana");
    expect(await page.getByRole("button", { name: "Odwołaj wizytę" }).count()).toBe(0);
    await page.context().close();
  });
});
