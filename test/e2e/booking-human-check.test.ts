// The check that a person is booking (Cloudflare Turnstile, here its loopback stand-in) on step 4 of the
// booking form: sent without it, the form says to tick it and takes the focus to it; a token the server
// refuses (forged on the way) holds no slot, the form says what to do and draws the widget afresh; ticked
// again, the booking goes through. The widget speaks the page's language, and axe finds nothing on the
// page or inside the widget's frame.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoViolationsInWidget, humanBox, humanWidget, tickHumanCheck } from "./booking-human-check.ts";
import { bookingUrl, chooseOurOffice, createSite, freeAt, freeSlots, RESIDENT } from "./booking-site.ts";
import { expectNoViolations, expectText, launch, newPage, SIZES } from "./helpers.ts";

describe("the human check on the booking form", () => {
  let browser: Browser;

  beforeAll(async () => {
    await createSite();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function detailsStep(page: Page, start: string): Promise<void> {
    await page.goto(bookingUrl());
    await page.getByRole("button", { name: "Koszalin" }).click();
    await page.getByLabel("Szukaj sprawy").fill("karta mieszk");
    await page.getByRole("button", { name: new RegExp(RESIDENT.name) }).click();
    await chooseOurOffice(page);
    await page.getByTestId("calendar").waitFor();
    const day = page.locator(`button[data-date="${start.slice(0, 10)}"]`);
    if ((await day.count()) === 0) await page.getByRole("button", { name: /Następny miesiąc/ }).click();
    await day.click();
    await page.locator(`button[data-start="${start}"]`).click();
    await expectText(page.getByTestId("step-title"), "Podaj swoje dane");
  }

  test("says what to do when the check is missing or refused, holds nothing, and books once ticked", async () => {
    const target = (await freeSlots(RESIDENT.id))[4]!;
    const page = await newPage(browser, { viewport: SIZES.pc });
    await detailsStep(page, target.start);

    // The widget speaks the page's language while it holds no token.
    await expectText(page.locator("#bk-human-title"), "Sprawdzenie, czy rezerwuje człowiek");
    await expectText(page.locator("#bk-human-hint"), "jeśli pojawi się pole „Potwierdź, że jesteś człowiekiem”, zaznacz je");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await humanWidget(page).getByRole("checkbox", { name: "Verify you are human" }).waitFor();
    await expectText(page.locator("#bk-human-title"), "Checking that a person is booking");
    await page.getByRole("button", { name: "Przełącz na język polski" }).click();
    await humanBox(page).waitFor();

    // Sent without the check: the form says to tick it, and the focus goes to the widget.
    await page.getByLabel("Imię i nazwisko lub nazwa firmy").fill("Ola Sprawdzona");
    await page.getByLabel("Numer telefonu komórkowego").fill("600 100 301");
    await page.getByLabel(/Zapoznałem\(-am\) się z informacją/).check();
    await page.getByRole("button", { name: "Wyślij kod SMS" }).click();
    await expectText(
      page.locator("#bk-human-error"),
      "Poczekaj na koniec sprawdzenia albo zaznacz pole „Potwierdź, że jesteś człowiekiem”.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("bk-human");
    await expectNoViolations(page, "booking step 4, human check missing");
    await expectNoViolationsInWidget(page, "booking step 4");

    // Ticked, but the token is forged on the way: the server refuses it and holds nothing; the form says
    // what to do and the widget is drawn afresh, unticked.
    await tickHumanCheck(page);
    expect(await page.locator("#bk-human-error").textContent()).toBe("");
    // The page's next booking request carries a forged token. (Forged in the page, not with page.route: with the
    // browser's request interception on, the widget's new frame, loaded from another local origin while the
    // refusal redraws it, could hang unanswered.)
    await page.evaluate(() => {
      const original = window.fetch;
      window.fetch = (input, init) => {
        if (String(input).endsWith("/api/v1/bookings") && typeof init?.body === "string") {
          window.fetch = original;
          const body = JSON.parse(init.body) as Record<string, unknown>;
          return original(input, { ...init, body: JSON.stringify({ ...body, turnstileToken: "forged-on-the-way-0123456789" }) });
        }
        return original(input, init);
      };
    });
    await page.getByRole("button", { name: "Wyślij kod SMS" }).click();
    await expectText(
      page.locator("#bk-human-error"),
      "Nie udało się potwierdzić, że rezerwuje człowiek. Zaznacz ponownie pole „Potwierdź, że jesteś człowiekiem” i wyślij formularz jeszcze raz.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("bk-human");
    expect(await freeAt(RESIDENT.id, target.start)).toBe(target.free);
    await humanBox(page).waitFor();
    expect(await humanBox(page).isChecked()).toBe(false);
    await expectNoViolations(page, "booking step 4, human check refused");

    // Ticked again: the booking goes through to the code step, and the slot is held.
    await tickHumanCheck(page);
    await page.getByRole("button", { name: "Wyślij kod SMS" }).click();
    await expectText(page.getByTestId("step-title"), "Wpisz kod z SMS-a");
    expect(await freeAt(RESIDENT.id, target.start)).toBe(target.free - 1);
    await page.context().close();
  });
});
