// The booking steps in the browser's history: each step has its own URL, Back and Forward move between
// the steps reached, a reload keeps the step and what was entered, and a reload or a return at the code
// step continues the same hold: no second hold, no second code, the citizen's own slot never hidden.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tickHumanCheck } from "./booking-human-check.ts";
import { ADDRESS, bookingUrl, createSite, freeAt, freeSlots, RESIDENT, SITE_ID, smsCode } from "./booking-site.ts";
import { call, expectText, launch, newPage, SIZES } from "./helpers.ts";

const PHONE = "600 100 377";
const E164 = "+48600100377";

async function codesTo(e164: string): Promise<number> {
  const { messages } = await call<{ messages: { siteId: string; to: string; kind: string }[] }>("/api/v1/dev/outbox");
  return messages.filter((m) => m.siteId === SITE_ID && m.to === e164 && m.kind === "code").length;
}

describe("booking steps in the browser's history", () => {
  let browser: Browser;
  beforeAll(async () => {
    // A city of its own, where this office alone offers the matter.
    await createSite({ city: "Białogard" });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const stepTitle = (page: Page) => page.getByTestId("step-title");
  const path = (page: Page) => new URL(page.url()).pathname;

  test("Back and Forward move between steps, a reload keeps the step and the details, and the code step continues one hold", async () => {
    const target = (await freeSlots(RESIDENT.id))[3]!;
    const freeBefore = target.free;
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(bookingUrl());
    expect(path(page)).toBe("/booking");
    await page.getByRole("button", { name: "Białogard" }).tap();
    await page.getByRole("button", { name: /Koszalińska Karta Mieszkańca/ }).tap();
    // The matter's only office is chosen for the citizen: straight to the day and time.
    await expectText(stepTitle(page), "Wybierz dzień i godzinę");
    expect(path(page)).toBe("/booking/step/3");

    // Back (the phone's back button) goes one step back, past the office nobody chose; Forward returns.
    await page.goBack();
    await expectText(page.locator("main"), "Jaką sprawę chcesz załatwić?");
    expect(path(page)).toBe("/booking");
    await page.goForward();
    await expectText(stepTitle(page), "Wybierz dzień i godzinę");
    expect(path(page)).toBe("/booking/step/3");

    await page.getByTestId("calendar").waitFor();
    const day = page.locator(`button[data-date="${target.start.slice(0, 10)}"]`);
    if ((await day.count()) === 0) await page.getByRole("button", { name: /Następny miesiąc/ }).tap();
    await day.tap();
    // The day's times come grouped by part of the day, each under its own heading.
    const hour = Number(target.start.slice(11, 13));
    // The office is open around the clock: a time at 2:00 is "W nocy", at 20:00 "Wieczorem", never "Rano" or "Po południu".
    const part = hour < 6 ? "W nocy" : hour < 10 ? "Rano" : hour < 12 ? "Przed południem" : hour < 18 ? "Po południu" : "Wieczorem";
    await expectText(page.locator(".bk-times-part", { has: page.locator(`button[data-start="${target.start}"]`) }).locator("h4"), part);
    await page.locator(`button[data-start="${target.start}"]`).tap();
    await expectText(stepTitle(page), "Podaj swoje dane");
    expect(path(page)).toBe("/booking/step/4");
    await page.getByLabel("Imię i nazwisko lub nazwa firmy").fill("Ewa Wrona");
    await page.getByLabel("Numer telefonu komórkowego").fill(PHONE);
    // The name field shows its limit.
    await expectText(page.locator("#bk-name-count"), "9 z 120 znaków");

    // A reload keeps the step and what was typed.
    await page.reload();
    await expectText(stepTitle(page), "Podaj swoje dane");
    expect(await page.getByLabel("Imię i nazwisko lub nazwa firmy").inputValue()).toBe("Ewa Wrona");
    expect(await page.getByLabel("Numer telefonu komórkowego").inputValue()).toBe(PHONE);
    await page.getByLabel(/Zapoznałem\(-am\) się z informacją/).check();
    await tickHumanCheck(page);
    await page.getByRole("button", { name: "Wyślij kod SMS" }).tap();
    await expectText(stepTitle(page), "Wpisz kod z SMS-a");
    expect(path(page)).toBe("/booking/step/5");
    expect(await freeAt(RESIDENT.id, target.start)).toBe(freeBefore - 1);

    // Off to the SMS app and back: the page reloads at the code step, with the same hold.
    await page.reload();
    await expectText(stepTitle(page), "Wpisz kod z SMS-a");
    await expectText(page.getByTestId("hold-until"), /Termin czeka na Ciebie do godz\. \d\d:\d\d\./);
    // Back to the details: the same details continue the hold, nothing is sent or held again.
    await page.goBack();
    await expectText(stepTitle(page), "Podaj swoje dane");
    await expectText(page.getByTestId("held-note"), "Ten termin już na Ciebie czeka");
    await page.getByLabel(/Zapoznałem\(-am\) się z informacją/).check();
    await page.getByRole("button", { name: "Wyślij kod SMS" }).tap();
    await expectText(stepTitle(page), "Wpisz kod z SMS-a");
    expect(await codesTo(E164)).toBe(1);
    expect(await freeAt(RESIDENT.id, target.start)).toBe(freeBefore - 1);

    await page.getByLabel("Kod z SMS-a (6 cyfr)").fill(await smsCode(E164));
    await page.getByRole("button", { name: "Potwierdź rezerwację" }).tap();
    await page.getByTestId("confirmation").waitFor();
    // The office's address comes with a map link that opens apart from the booking.
    const map = page.getByTestId("map-link");
    expect(await map.getAttribute("href")).toBe(`https://www.openstreetmap.org/search?query=${encodeURIComponent(ADDRESS)}`);
    expect(await map.getAttribute("target")).toBe("_blank");
    expect(path(page)).toBe("/booking/step/6");
    // Back from a finished booking starts a new one; it never reopens the code step.
    await page.goBack();
    await expectText(page.locator("main"), "Jaką sprawę chcesz załatwić?");
    expect(path(page)).toBe("/booking");
    expect(await freeAt(RESIDENT.id, target.start)).toBe(freeBefore - 1);
  });
});
