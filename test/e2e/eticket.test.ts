// The e-ticket page on a 360-pixel phone: Polish plural forms for people and minutes, English on
// request, the disabled SMS form that says why, and a clear message for an unknown link.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SIZES, base, expectText, issue, launch, newPage, token, type Issued } from "./helpers.ts";

/** Polish plural category, written out independently of the client's Intl.PluralRules. */
function plForm(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

describe("e-ticket", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("people ahead and the wait use Polish plural forms (one, few, many), and English on request", async () => {
    const kiosk = await token("kiosk-demo");
    // "Prawo jazdy" is nobody else's in these tests: tickets 2, 3 and 6 have 1, 2 and 5 people ahead.
    const tickets: (Issued & { waitingAhead: number; estimatedWaitMinutes: number })[] = [];
    for (let i = 0; i < 6; i++) tickets.push((await issue(kiosk, "prawo-jazdy")) as (typeof tickets)[number]);
    const seen = new Set<string>();
    for (const tk of tickets.filter((t) => t.waitingAhead > 0)) {
      const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
      await page.goto(tk.eticketUrl);
      const n = tk.waitingAhead;
      const people = plForm(n, `${n} osoba`, `${n} osoby`, `${n} osób`);
      await expectText(page.getByTestId("et-ahead"), `Przed Tobą: ${people}`);
      const m = tk.estimatedWaitMinutes;
      await expectText(page.locator("[data-status]"), `ok. ${plForm(m, `${m} minuta`, `${m} minuty`, `${m} minut`)}`);
      seen.add(plForm(n, "one", "few", "many"));

      await page.getByRole("button", { name: "Switch to English" }).tap();
      await expectText(page.getByTestId("et-ahead"), `Ahead of you: ${n} ${n === 1 ? "person" : "people"}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await page.context().close();
    }
    expect([...seen].sort()).toEqual(["few", "many", "one"]);
  });

  test("fits a 360-pixel phone and keeps the SMS form disabled with its reason", async () => {
    const kiosk = await token("kiosk-demo");
    const tk = await issue(kiosk, "prawo-jazdy");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectText(page.getByTestId("et-number"), tk.number);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectText(page.locator(".et-sms"), "Powiadomienia SMS pojawią się wraz z modułem SMS.");
    expect(await page.getByLabel("Numer telefonu komórkowego").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Zamów powiadomienie" }).isDisabled()).toBe(true);
    await page.context().close();
  });

  test("an unknown link says so", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true });
    await page.goto(`${base()}/t/demo.AAAAAAAAAAAAAAAAAAAAAA`);
    await expectText(page.getByRole("alert"), "Nie znaleziono e-biletu.");
    await page.context().close();
  });
});
