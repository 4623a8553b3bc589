// Accessibility: axe-core (WCAG 2.0/2.1 A and AA) finds nothing on the kiosk, the e-ticket and the
// clerk console in their main states, nor on the kiosk, the e-ticket and the booking site in each of
// their languages (Polish, English, Ukrainian); and the console works from the keyboard alone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  base,
  desk,
  eventually,
  expectAttr,
  expectNoViolations,
  expectText,
  issue,
  launch,
  newPage,
  SIZES,
  signIn,
  tabTo,
  token,
} from "./helpers.ts";

describe("accessibility", () => {
  let browser: Browser;
  let kioskToken: string;

  beforeAll(async () => {
    browser = await launch();
    kioskToken = await token("kiosk-demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("kiosk: start, matters, ticket and booking screens have no axe violations", async () => {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await expectNoViolations(page, "kiosk sign-in");
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    await expectNoViolations(page, "kiosk start");
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
    await expectNoViolations(page, "kiosk matters");
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await page.getByTestId("kiosk-number").waitFor();
    await expectNoViolations(page, "kiosk ticket");
    await page.getByRole("button", { name: "Gotowe" }).tap();
    await page.getByRole("button", { name: "Mam rezerwację" }).tap();
    for (const k of "ZZZZZZ") await page.getByRole("button", { name: k, exact: true }).tap();
    await page.getByRole("button", { name: "Potwierdź" }).tap();
    await expectText(page.getByTestId("booking-result"), "Nie ma rezerwacji z takim kodem.");
    await expectNoViolations(page, "kiosk check-in code");
    await page.context().close();
  });

  test("e-ticket: waiting, in English, and called have no axe violations", async () => {
    const tk = await issue(kioskToken, "informacja");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectAttr(page.locator("[data-status]"), "data-status", "waiting");
    await expectNoViolations(page, "e-ticket waiting");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.locator("h1"), "E-ticket");
    await expectNoViolations(page, "e-ticket in English");
    await page.getByRole("button", { name: "Przełącz na język polski" }).tap();
    const clerk = await token("admin", "admin");
    await desk(clerk, "d2", "call", { ticketId: tk.id });
    await expectAttr(page.locator("[data-status]"), "data-status", "called");
    await expectNoViolations(page, "e-ticket called");
    await desk(clerk, "d2", "finish");
    await page.context().close();
  });

  /** The citizens' pages' languages, by the name of their switch button (each in its own language). */
  const LANGUAGES = [
    // The demo office names its department and matters in Polish and Ukrainian (none in English).
    {
      lang: "pl",
      button: "Przełącz na język polski",
      done: "Gotowe",
      booking: "Mam rezerwację",
      confirm: "Potwierdź",
      back: "Wstecz",
      department: "Wydział Spraw Obywatelskich",
      info: /Informacja/,
    },
    {
      lang: "en",
      button: "Switch to English",
      done: "Done",
      booking: "I have a booking",
      confirm: "Confirm",
      back: "Back",
      department: "Wydział Spraw Obywatelskich",
      info: /Informacja/,
    },
    {
      lang: "uk",
      button: "Обрати мову: українська",
      done: "Готово",
      booking: "У мене є запис",
      confirm: "Підтвердити",
      back: "Назад",
      department: "Відділ у справах громадян",
      info: /Інформація/,
    },
  ] as const;
  const choose = async (page: Page, l: (typeof LANGUAGES)[number]) => {
    await page.getByRole("button", { name: l.button }).tap();
    await eventually(`<html lang="${l.lang}">`, async () => (await page.evaluate(() => document.documentElement.lang)) === l.lang);
  };

  test("kiosk in every language: start, matters, ticket and check-in code have no axe violations", async () => {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    for (const l of LANGUAGES) {
      await choose(page, l);
      await expectNoViolations(page, `kiosk start (${l.lang})`);
      await page.getByRole("button", { name: l.department }).tap();
      await page.locator("[data-matter]").first().waitFor();
      await expectNoViolations(page, `kiosk matters (${l.lang})`);
      await page.getByRole("button", { name: l.info }).tap();
      await page.getByTestId("kiosk-number").waitFor();
      await expectNoViolations(page, `kiosk ticket (${l.lang})`);
      await page.getByRole("button", { name: l.done }).tap();
      await page.getByRole("button", { name: l.booking }).tap();
      for (const k of "ZZZZZZ") await page.getByRole("button", { name: k, exact: true }).tap();
      await page.getByRole("button", { name: l.confirm, exact: true }).tap();
      await page.getByTestId("booking-result").filter({ hasText: /\S/ }).waitFor();
      await expectNoViolations(page, `kiosk check-in code (${l.lang})`);
      await page.getByRole("button", { name: l.back, exact: true }).tap();
      await page.getByRole("button", { name: l.booking }).waitFor();
    }
    await page.context().close();
  });

  test("e-ticket in every language: waiting and called have no axe violations", async () => {
    const tk = await issue(kioskToken, "informacja");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectAttr(page.locator("[data-status]"), "data-status", "waiting");
    for (const l of LANGUAGES) {
      await choose(page, l);
      await expectNoViolations(page, `e-ticket waiting (${l.lang})`);
    }
    const clerk = await token("admin", "admin");
    await desk(clerk, "d2", "call", { ticketId: tk.id });
    await expectAttr(page.locator("[data-status]"), "data-status", "called");
    for (const l of LANGUAGES) {
      await choose(page, l);
      await expectNoViolations(page, `e-ticket called (${l.lang})`);
    }
    await desk(clerk, "d2", "finish");
    await page.context().close();
  });

  test("booking site in every language: the matter, the office and the calendar have no axe violations", async () => {
    for (const l of LANGUAGES) {
      const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
      await page.goto(`${base()}/booking`);
      await page.locator("[data-city], [data-matter]").first().waitFor();
      await choose(page, l);
      await expectNoViolations(page, `booking step 1 (${l.lang})`);
      if (await page.locator('[data-city="Toruń"]').count()) await page.locator('[data-city="Toruń"]').tap();
      await page.locator('[data-matter="dowod-wniosek"]').first().tap();
      await page.locator("button[data-site]").first().waitFor();
      await expectNoViolations(page, `booking step 2 (${l.lang})`);
      await page.locator("button[data-site]").first().tap();
      await page.getByTestId("calendar").waitFor();
      await expectNoViolations(page, `booking calendar (${l.lang})`);
      await page.context().close();
    }
  });

  test("clerk console: sign-in, desk choice, console and transfer panel have no axe violations", async () => {
    await issue(kioskToken, "informacja");
    const page = await newPage(browser, { viewport: SIZES.console });
    await page.goto(`${base()}/clerk`);
    await expectNoViolations(page, "console sign-in");
    await signIn(page, "admin", "admin");
    await page.getByRole("button", { name: "Otwórz konsolę" }).waitFor();
    await expectNoViolations(page, "desk choice");
    await page.getByLabel("Stanowisko").selectOption({ label: "Stanowisko 2" });
    await page.getByRole("button", { name: "Otwórz konsolę" }).click();
    await page.getByTestId("queue").waitFor();
    await expectNoViolations(page, "console idle");
    await page.getByRole("button", { name: /Wezwij następnego/ }).click();
    await page.getByTestId("current-number").waitFor();
    await expectNoViolations(page, "console with a client");
    await page.getByRole("button", { name: /Przekieruj/ }).click();
    await page.getByRole("heading", { name: /Przekieruj numer/ }).waitFor();
    await expectNoViolations(page, "transfer panel");
    await page.getByRole("button", { name: "Anuluj" }).click();
    await page.getByRole("button", { name: /Zakończ/ }).click();
    await page.getByTestId("current-empty").waitFor();
    await page.context().close();
  });

  test("clerk console works from the keyboard alone", async () => {
    await issue(kioskToken, "prawo-jazdy");
    const page = await newPage(browser, { viewport: SIZES.console });
    await page.goto(`${base()}/clerk`);
    const kb = page.keyboard;

    await tabTo(page, "#login-user");
    await kb.type("urzednik4");
    await kb.press("Tab");
    await kb.type("demo");
    await kb.press("Enter");
    // urzednik4 has one desk: its console opens without a choice.
    await page.getByTestId("queue").waitFor();

    // N calls the first ticket of the desk's first matter, "Prawo jazdy" (other files' tickets of matters
    // this desk serves after it may wait in its queue too).
    const first = (await page.locator('[data-testid=queue] tbody tr[data-number^="P"]').first().getAttribute("data-number"))!;
    await kb.press("n");
    await expectText(page.getByTestId("current-number"), first);

    // Tab reaches "Rozpocznij obsługę", with a visible focus ring; Enter presses it.
    await tabTo(page, "button[data-action=start]");
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await kb.press("Enter");
    await expectText(page.getByTestId("current-status"), "W obsłudze");
    // The screen may show the new state (live) before the command's own answer; until then keys wait.
    await eventually("the start command answered", async () => (await page.locator(".clerk-pending").innerText()) === "");

    // T opens the transfer panel with the focus inside; the client goes to "Informacja".
    await kb.press("t");
    await page.getByRole("heading", { name: `Przekieruj numer ${first}` }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("radio");
    await tabTo(page, "#transfer-matter");
    await kb.type("Inf");
    expect(await page.locator("#transfer-matter").inputValue()).toBe("informacja");
    await tabTo(page, ".transfer button[type=submit]");
    await kb.press("Enter");
    await page.getByTestId("current-empty").waitFor();
    // The focus is not lost: it moved to the command that makes sense now.
    await expectAttr(page.locator(":focus"), "data-action", "call-next");

    // W: a break (its reason asked first, the focus on "Przerwa": Enter takes it), and W again: back to work.
    await kb.press("w");
    await page.getByRole("heading", { name: "Powód przerwy" }).waitFor();
    // The focus is on "Przerwa" as soon as the panel shows (not a frame later): Enter at once must not call
    // the next client from the button focused before.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.reason)).toBe("break");
    await kb.press("Enter");
    await expectText(page.getByTestId("current"), "Stanowisko na przerwie.");
    await eventually("the pause command answered", async () => (await page.locator(".clerk-pending").innerText()) === "");
    await kb.press("w");
    await expectText(page.getByTestId("current"), "Nikt nie jest wezwany do stanowiska.");
    await page.context().close();
  });
});
