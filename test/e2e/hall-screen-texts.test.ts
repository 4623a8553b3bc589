// What the hall screen says besides the calls: the date beside the clock, in the screen's language; when
// a closed office opens next, instead of a first call promised at night; the office's ticker line, set
// in the manager page's settings editor, changing live.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createHallSite, hallSiteConfig } from "./hall-screen-site.ts";
import { base, call, expectHidden, expectNoViolations, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

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

  test("the date stands beside the clock, in Polish, and in English or Ukrainian on a screen set up in that language", async () => {
    const siteId = `e2e-hall-date-${Date.now().toString(36)}`;
    await createHallSite(siteId, { matters: 2 });
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    await expectText(page.getByTestId("display-date"), today("pl-PL"));
    await page.goto(`${base()}/display/${siteId}?lang=en`);
    await expectText(page.getByTestId("display-date"), today("en-GB"));
    // In Ukrainian too: the date, the screen's own words, <html lang>, and a matter's Polish name marked as Polish.
    await page.goto(`${base()}/display/${siteId}?lang=uk`);
    await expectText(page.getByTestId("display-date"), today("uk-UA"));
    await expectText(page.locator("body"), "Незабаром перший виклик");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("uk");
    await expectText(page.locator('.waiting-list [lang="pl"]').first(), "Rejestracja pojazdu 1");
    await expectNoViolations(page, "hall screen in Ukrainian");
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

  test("the manager's ticker line runs along the bottom of the hall screen and changes without a reload", async () => {
    const siteId = `e2e-hall-ticker-${Date.now().toString(36)}`;
    const admin = await createHallSite(siteId, { matters: 13 });
    const screen = await newPage(browser, { viewport: SIZES.display });
    await screen.goto(`${base()}/display/${siteId}`);
    await signIn(screen, "admin", "admin");
    await expectText(screen.locator(".waiting-list"), "Rejestracja pojazdu 1");
    await screen.evaluate(() => {
      (window as unknown as { kept?: boolean }).kept = true;
    });

    // The manager types it in the settings editor and saves.
    const line = "W piątek 4 grudnia urząd czynny do 13:00.";
    const manager = await newPage(browser, { viewport: SIZES.pc });
    await manager.goto(`${base()}/admin`);
    await signIn(manager, "koszalin-admin");
    await manager.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await manager.getByLabel("Placówka", { exact: true }).selectOption(siteId);
    await manager.getByRole("button", { name: "Ustawienia placówki" }).click();
    await manager.getByLabel("Pasek informacyjny ekranów w holu").fill(line);
    await manager.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectText(manager.getByTestId("cfg-outcome"), "Zapisano", 10_000);
    await expectNoViolations(manager, "settings editor with the ticker");
    await manager.context().close();

    const ticker = screen.getByTestId("display-ticker");
    await expectText(ticker, line, 2_000);
    // Below everything else, and the called number's panel is not covered.
    const box = await ticker.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(SIZES.display.height);
    await expectNoViolations(screen, "hall screen with the ticker");

    // A change, then none: live, without a reload.
    const put = (extra: Record<string, unknown>) =>
      call(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, body: hallSiteConfig(siteId, { matters: 13, extra }) });
    await put({ ticker: "Zapraszamy do Biura Obsługi Mieszkańców na parterze." });
    await expectText(ticker, "Biura Obsługi Mieszkańców", 2_000);
    await put({});
    await expectHidden(ticker);
    expect(await screen.evaluate(() => (window as unknown as { kept?: boolean }).kept === true)).toBe(true);

    // A line with a line break is refused.
    await expect(put({ ticker: "pierwsza\ndruga" })).rejects.toThrow(/ticker/);
    await screen.context().close();
  });
});
