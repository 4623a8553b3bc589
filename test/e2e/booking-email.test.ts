// Booking with an e-mail address instead of a phone (R6 step 4): on a 360 px phone the citizen picks
// "E-mailem" in the radio group, is told plainly about a malformed address, reads the code on the demo
// outbox page, confirms, and the confirmation says it went by e-mail. axe finds nothing on each step.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { humanBox, tickHumanCheck } from "./booking-human-check.ts";
import { bookingUrl, chooseOurOffice, createSite, freeSlots, PRIVACY_EN, PRIVACY_PL, RESIDENT, SITE_ID } from "./booking-site.ts";
import { base, expectNoViolations, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

const EMAIL = "anna.nowak@example.pl";

describe("booking with an e-mail address", () => {
  let browser: Browser;

  beforeAll(async () => {
    await createSite();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Steps 1-3 as a citizen goes through them: the city, the matter (its only office is chosen), the day and the time. */
  async function pickSlot(page: Page, start: string): Promise<void> {
    await page.goto(bookingUrl());
    await page.getByRole("button", { name: "Koszalin" }).tap();
    await page.getByLabel("Szukaj sprawy").fill("karta mieszk");
    await page.getByRole("button", { name: new RegExp(RESIDENT.name) }).tap();
    await chooseOurOffice(page);
    await page.getByTestId("calendar").waitFor();
    const day = page.locator(`button[data-date="${start.slice(0, 10)}"]`);
    if ((await day.count()) === 0) await page.getByRole("button", { name: /Następny miesiąc/ }).tap();
    await day.tap();
    await page.locator(`button[data-start="${start}"]`).tap();
    await expectText(page.getByTestId("step-title"), "Podaj swoje dane");
  }

  /** The code the demo outbox page shows for the newest message of `kind` to the address. */
  async function outboxCard(kind: string, to = EMAIL): Promise<Page> {
    const outbox = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await outbox.goto(`${base()}/dev/outbox?site=${SITE_ID}`);
    await outbox.locator(`.ob-list > li[data-kind="${kind}"]`).filter({ hasText: to }).first().waitFor({ timeout: 10_000 });
    return outbox;
  }

  test("a citizen gives an e-mail address, reads the code on the outbox page and confirms", async () => {
    const target = (await freeSlots(RESIDENT.id))[2]!;
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await pickSlot(page, target.start);

    // Step 4: SMS is the default; the citizen picks e-mail, and the phone field gives way to the address.
    const sms = page.getByRole("radio", { name: "SMS-em na telefon komórkowy" });
    const email = page.getByRole("radio", { name: "E-mailem" });
    expect(await sms.isChecked()).toBe(true);
    await expectText(page.getByRole("group", { name: "Jak przesłać kod potwierdzający?" }), "E-mailem");
    await email.check();
    expect(await page.getByLabel("Numer telefonu komórkowego").count()).toBe(0);
    await page.getByLabel("Imię i nazwisko lub nazwa firmy").fill("Anna Nowak");
    await page.getByLabel("Adres e-mail").fill("anna.nowak@example");
    await page.getByLabel(/Zapoznałem\(-am\) się z informacją/).check();
    await tickHumanCheck(page);
    await page.getByRole("button", { name: "Wyślij kod e-mailem" }).tap();
    await expectText(page.locator("#bk-email-error"), "To nie jest prawidłowy adres e-mail.");
    expect(await page.getByLabel("Adres e-mail").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("bk-email");
    await expectNoViolations(page, "booking step 4, e-mail with an error");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.getByRole("group", { name: "How should we send the confirmation code?" }), "By e-mail");
    await expectText(page.locator("#bk-email-error"), "This is not a valid e-mail address.");
    await page.getByRole("button", { name: "Przełącz na język polski" }).tap();
    await page.getByLabel("Adres e-mail").fill(EMAIL);
    await page.getByRole("button", { name: "Wyślij kod e-mailem" }).tap();

    // Step 5: the code went to the address; the outbox page shows it, as an e-mail.
    await expectText(page.getByTestId("step-title"), "Wpisz kod z e-maila");
    await expectText(page.getByTestId("code-sent"), `Wysłaliśmy e-mail z 6-cyfrowym kodem na adres ${EMAIL}.`);
    await expectText(page.locator('.bk-steps [aria-current="step"]'), "Kod e-mail");
    await expectNoViolations(page, "booking step 5, code by e-mail");
    const outbox = await outboxCard("code");
    const card = outbox.locator('.ob-list > li[data-kind="code"]').filter({ hasText: EMAIL }).first();
    await expectText(card, "E-mail");
    await expectText(card.getByTestId("outbox-to"), EMAIL);
    const code = (await card.getByTestId("outbox-code").innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await outbox.context().close();

    await page.getByLabel("Kod z e-maila (6 cyfr)").fill(code);
    await page.getByRole("button", { name: "Potwierdź rezerwację" }).tap();
    await expectText(page.getByTestId("step-title"), "Wizyta zarezerwowana");
    await expectText(page.getByTestId("confirmation"), `Potwierdzenie z tymi danymi wysłaliśmy e-mailem na adres ${EMAIL}.`);
    await expectText(page.getByTestId("visit-ticket"), /^K\d{3}$/);
    await expectNoViolations(page, "booking confirmation, by e-mail");
    await page.context().close();

    // The confirmation went to the same address.
    const after = await outboxCard("confirmation");
    await expectText(after.locator('.ob-list > li[data-kind="confirmation"]').filter({ hasText: EMAIL }).first(), "E-mail");
    await after.context().close();
  });

  test("in English the notice and every e-mail are English; in Ukrainian, with no notice of the office's own, the Polish one is marked as Polish", async () => {
    const address = "olena.k@example.pl";
    const target = (await freeSlots(RESIDENT.id))[3]!;
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await pickSlot(page, target.start);
    await expectText(page.getByTestId("privacy").locator("#bk-privacy-notice"), PRIVACY_PL);
    expect(await page.locator("#bk-privacy-notice").getAttribute("lang")).toBe("pl");
    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await expectText(page.locator("#bk-privacy-notice"), PRIVACY_PL);
    expect(await page.locator("#bk-privacy-notice").getAttribute("lang")).toBe("pl");
    // The office's name for its data controller, in Polish, is said to be Polish.
    await expectText(page.getByTestId("privacy-controller"), "Адміністратор даних: ");
    expect(await page.getByTestId("privacy-controller").locator("span").getAttribute("lang")).toBe("pl");
    // The human check speaks Ukrainian too.
    await humanBox(page, "uk").waitFor();
    await expectNoViolations(page, "booking step 4 in Ukrainian, the notice in Polish");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.locator("#bk-privacy-notice"), PRIVACY_EN);
    expect(await page.locator("#bk-privacy-notice").getAttribute("lang")).toBe("en");

    await page.getByRole("radio", { name: "By e-mail" }).check();
    await page.getByLabel("Name and surname, or company name").fill("Olena Kovalenko");
    await page.getByLabel("E-mail address").fill(address);
    await page.getByLabel(/I have read the data-protection notice/).check();
    await tickHumanCheck(page, "en");
    await page.getByRole("button", { name: "E-mail me the code" }).tap();
    await expectText(page.getByTestId("step-title"), "Enter the code from the e-mail");
    const outbox = await outboxCard("code", address);
    const card = outbox.locator('.ob-list > li[data-kind="code"]').filter({ hasText: address }).first();
    await expectText(card.getByTestId("outbox-subject"), "Your booking confirmation code");
    const code = (await card.getByTestId("outbox-code").innerText()).trim();
    await outbox.context().close();
    await page.getByLabel(/Code from the e-mail/).fill(code);
    await page.getByRole("button", { name: /Confirm/ }).tap();
    await expectText(page.getByTestId("visit-ticket"), /^K\d{3}$/);
    await page.context().close();

    const after = await outboxCard("confirmation", address);
    const confirmation = after.locator('.ob-list > li[data-kind="confirmation"]').filter({ hasText: address }).first();
    await expectText(confirmation.getByTestId("outbox-subject"), /^Booking confirmed: /);
    await after.context().close();
  });

  test("the manager writes the Ukrainian notice in a text box that takes no more than the form can show; the Ukrainian form shows it", async () => {
    const notice = "Ваші ім’я та телефон використовуються лише для запису на прийом і видаляються через 14 днів після нього.";
    const manager = await newPage(browser, { viewport: SIZES.pc });
    await manager.goto(`${base()}/admin`);
    await signIn(manager, "koszalin-admin");
    await manager.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await manager.getByLabel("Placówka", { exact: true }).selectOption(SITE_ID);
    await manager.getByRole("button", { name: "Ustawienia placówki" }).click();
    const field = manager.getByLabel("Informacja o ochronie danych po ukraińsku");
    expect(await field.evaluate((el) => [el.tagName, (el as HTMLTextAreaElement).maxLength])).toEqual(["TEXTAREA", 2000]);
    // Pasted longer than the schema takes, it stops at the limit: the server never refuses it in English.
    await field.fill("д".repeat(2100));
    expect((await field.inputValue()).length).toBe(2000);
    await field.fill(notice);
    await manager.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectText(manager.getByTestId("cfg-outcome"), "Zapisano", 10_000);
    await expectNoViolations(manager, "settings editor with the notices");
    await manager.context().close();

    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await pickSlot(page, (await freeSlots(RESIDENT.id))[4]!.start);
    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await expectText(page.locator("#bk-privacy-notice"), notice);
    expect(await page.locator("#bk-privacy-notice").getAttribute("lang")).toBe("uk");
    await page.context().close();
  });
});
