// The walk-in journey (R2, R3, R8): a ticket taken by touch at the kiosk, its e-ticket opened
// from the QR code, the number called from the clerk console, and the group screen, the desk
// screen and the e-ticket all showing the call within one second. Screenshots at real sizes.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, decodeQr, expectAttr, expectText, launch, newPage, openConsole, SIZES, screenshot, signIn } from "./helpers.ts";

describe("walk-in journey", () => {
  let browser: Browser;
  let display: Page;
  let deskScreen: Page;
  let kiosk: Page;
  let phone: Page;
  let console_: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("kiosk → QR → e-ticket → call from the console, shown everywhere within a second", async () => {
    // The hall: group screen and the screen of desk 3, each signed in once as a device.
    display = await newPage(browser, { viewport: SIZES.display });
    await display.goto(`${base()}/display/demo`);
    await signIn(display, "ekran-demo");
    await expectText(display.locator(".display-site"), "Urząd Demo");
    deskScreen = await newPage(browser, { viewport: SIZES.deskScreen });
    await deskScreen.goto(`${base()}/desk-display/demo/d3`);
    await signIn(deskScreen, "ekran-demo");
    await expectText(deskScreen.locator(".desk-name"), "Stanowisko 3");

    // The kiosk: touch only.
    kiosk = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true, isMobile: false });
    await kiosk.goto(`${base()}/kiosk/demo`);
    await signIn(kiosk, "kiosk-demo");
    await kiosk.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    await screenshot(kiosk, "kiosk-start");
    await kiosk.getByRole("button", { name: "Wydział Komunikacji" }).tap();
    await kiosk.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
    await kiosk.getByRole("button", { name: /Rejestracja pojazdu/ }).tap();
    const numberLoc = kiosk.getByTestId("kiosk-number");
    await expectText(numberLoc, /^R\d{3}$/);
    const number = (await numberLoc.innerText()).trim();
    await expectText(kiosk.getByTestId("kiosk-ticket"), "Rejestracja pojazdu");
    await expectText(kiosk.getByTestId("kiosk-ahead"), "Jesteś następny w kolejce");
    await screenshot(kiosk, "kiosk-ticket");

    // The QR code: the URL it claims (data-url) is the one the image really encodes.
    const qr = kiosk.getByRole("img", { name: "Kod QR e-biletu" });
    const claimed = await qr.getAttribute("data-url");
    expect(claimed).toMatch(new RegExp(`^${base()}/t/demo\\.[A-Za-z0-9_-]+$`));
    const decoded = await decodeQr(kiosk, qr);
    expect(decoded).toBe(claimed);

    // The phone opens the e-ticket from the scanned URL.
    phone = await newPage(browser, { viewport: SIZES.phone, hasTouch: true, isMobile: true });
    await phone.goto(decoded!);
    await expectText(phone.getByTestId("et-number"), number);
    await expectText(phone.locator("main"), "Rejestracja pojazdu");
    await expectText(phone.locator("main"), "Urząd Demo (szkoleniowy)");
    await expectAttr(phone.locator("[data-status]"), "data-status", "waiting");
    await expectText(phone.getByTestId("et-ahead"), "Jesteś następny w kolejce");
    await screenshot(phone, "eticket-waiting");

    // The group screen counts the waiting ticket.
    await expectText(display.locator('[data-matter="rejestracja"] .waiting-count'), /^[1-9]\d*$/);

    // The clerk of desk 3 calls this very ticket from the desk's queue.
    console_ = await newPage(browser, { viewport: SIZES.console });
    await openConsole(console_, "urzednik3");
    const callButton = console_.getByRole("button", { name: `Wezwij numer ${number}` });
    await callButton.waitFor();
    await callButton.click();
    const called = Date.now();

    await Promise.all([
      expectAttr(display.getByTestId("newest-call"), "data-number", number, 1_000),
      expectText(deskScreen.getByTestId("desk-number"), number, 1_000),
      expectAttr(phone.locator("[data-status]"), "data-status", "called", 1_000),
    ]);
    expect(Date.now() - called).toBeLessThan(1_500);
    await expectText(display.getByTestId("newest-call"), `${number} → zapraszamy do Stanowisko 3`);
    await expectText(phone.locator("[data-status]"), "Twoja kolej! Podejdź do stanowiska Stanowisko 3");
    await expectText(console_.getByTestId("current-number"), number);
    await expectText(console_.getByTestId("current-status"), "Wezwany");
    // The screen signalled the new call: highlighted, and one chime.
    await expectAttr(display.locator(".newest"), "data-fresh", "1");
    expect(await display.evaluate(() => document.documentElement.dataset.newCalls)).toBe("1");
    expect(await display.evaluate(() => document.documentElement.dataset.chimes)).toBe("1");

    await screenshot(display, "display-landscape");
    await screenshot(deskScreen, "desk-screen");
    await screenshot(phone, "eticket-called");
    await screenshot(console_, "clerk-console");
    await display.setViewportSize(SIZES.displayPortrait);
    await screenshot(display, "display-portrait");
    await display.setViewportSize(SIZES.display);

    // Service, then the end: the e-ticket follows, the desk screen empties.
    await console_.getByRole("button", { name: /Rozpocznij obsługę/ }).click();
    await expectAttr(phone.locator("[data-status]"), "data-status", "serving");
    await expectText(console_.getByTestId("current-status"), "W obsłudze");
    await console_.getByRole("button", { name: /Zakończ/ }).click();
    await expectAttr(phone.locator("[data-status]"), "data-status", "served");
    await expectText(phone.locator("[data-status]"), "Sprawa obsłużona");
    await expectAttr(deskScreen.getByTestId("desk-state"), "data-state", "idle");
    await expectText(console_.getByTestId("current"), "Nikt nie jest wezwany do stanowiska.");
  });

  test("a break on the console shows on the desk screen", async () => {
    await console_.getByRole("button", { name: /Przerwa/ }).click();
    await console_.getByTestId("pause-panel").getByRole("button", { name: "Przerwa" }).click();
    await expectAttr(deskScreen.getByTestId("desk-state"), "data-state", "paused");
    await expectText(deskScreen.getByTestId("desk-state"), "Przerwa");
    await screenshot(deskScreen, "desk-screen-break");
    await console_.getByRole("button", { name: /Wznów/ }).click();
    await expectAttr(deskScreen.getByTestId("desk-state"), "data-state", "idle");
  });
});
