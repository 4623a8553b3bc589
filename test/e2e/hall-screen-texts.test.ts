// What the hall screen says besides the calls: the date beside the clock, in the screen's language; when
// a closed office opens next, instead of a first call promised at night.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createHallSite } from "./hall-screen-site.ts";
import { base, expectNoViolations, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

const today = (locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Warsaw" }).format(
    Date.now(),
  );

describe("hall screen: date, notices and the ticker", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the date stands beside the clock, in Polish, and in English on a screen set up in English", async () => {
    const siteId = `e2e-hall-date-${Date.now().toString(36)}`;
    await createHallSite(siteId, { matters: 2 });
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    await expectText(page.getByTestId("display-date"), today("pl-PL"));
    await page.goto(`${base()}/display/${siteId}?lang=en`);
    await expectText(page.getByTestId("display-date"), today("en-GB"));
    await page.context().close();
  });

  test("a closed office says when it opens next, in each of the screen's languages, instead of promising a first call", async () => {
    const siteId = `e2e-hall-closed-${Date.now().toString(36)}`;
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(Date.now() + 86_400_000);
    const none: string[][] = [];
    await createHallSite(siteId, {
      matters: 2,
      extra: {
        openingHours: { mon: none, tue: none, wed: none, thu: none, fri: none, sat: none, sun: none },
        specialDays: [{ date: tomorrow, hours: [["08:00", "12:00"]] }],
        screenLanguages: ["pl", "en"],
      },
    });
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    const notice = page.getByTestId("display-closed");
    await expectText(notice, "Nieczynne – zapraszamy jutro od 8:00");
    await expectText(notice, "Closed – please come tomorrow from 8:00");
    expect(await page.getByText("Za chwilę pierwsze wezwanie").count()).toBe(0);
    await expectNoViolations(page, "hall screen: closed by its hours");
    await page.context().close();
  });
});
