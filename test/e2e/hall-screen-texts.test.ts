// What the hall screen says besides the calls: the date beside the clock, in the screen's language.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHallSite } from "./hall-screen-site.ts";
import { base, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

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
});
