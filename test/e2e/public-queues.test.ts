// Every office's live queues in public: the /kolejki page of an organisation on a 360-pixel phone (people
// waiting, the number called last, the wait range, refreshed as the queue moves; Polish, English and
// Ukrainian; no WCAG 2.1 AA violation), and the one-line widget on a city's own page, inside its shadow
// root. The test's own office (org koszalin), so no other file's counts move.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callNext, createHallSite, takeTicket } from "./hall-screen-site.ts";
import { base, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, screenshot } from "./helpers.ts";

const SITE = "kolejki-e2e";
const OFFICE = "Urząd Miejski w Koszalinie";
/** A page and a widget refresh every 15 s, and the edge keeps an answer 15 s: a change shows within 30 s. */
const LIVE_MS = 40_000;

let browser: Browser;
let admin: string;

beforeAll(async () => {
  browser = await launch();
  // Two matters (A, B) and one desk serving both; A001 called, A002 waiting.
  // Not bookable, so the booking site's lists stay as other files know them.
  // The first matter has a Ukrainian name, the second none.
  const matters = ["Rejestracja pojazdu 1", "Zgłoszenie zbycia lub nabycia pojazdu 2"].map((name, i) => ({
    id: `sprawa-${i + 1}`,
    name,
    ...(i === 0 ? { nameUk: "Реєстрація транспортного засобу 1" } : {}),
    prefix: i === 0 ? "A" : "B",
    serviceMinutes: 10,
    bookable: false,
  }));
  admin = await createHallSite(SITE, { matters: 2, desks: 1, extra: { departments: [{ id: "wydzial-1", name: "Wydział 1", matters }] } });
  await takeTicket(admin, SITE, "sprawa-1");
  await takeTicket(admin, SITE, "sprawa-1");
  await callNext(admin, SITE, "s1");
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A city's own web site: a page on another origin of this machine (a page the browser sees on a public
 * address may not reach loopback), holding the widget's one line.
 */
async function cityPage(html: string): Promise<{ url: string; close: () => void }> {
  const srv = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/kolejka`, close: () => srv.close() };
}

async function noSideScroll(page: Page): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

describe("/kolejki", () => {
  test("lists the organisation's offices with live queues on a phone, in three languages, without WCAG 2.1 AA violations", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone });
    await page.goto(`${base()}/kolejki?org=koszalin`);
    const office = page.locator(`[data-testid="q-office-${SITE}"]`);
    await expectText(office.locator("h2"), OFFICE);
    const a = page.locator(`[data-testid="q-matter-${SITE}-sprawa-1"]`);
    await expectText(a.locator('[data-testid="q-waiting"]'), "1");
    await expectText(a.locator('[data-testid="q-last-called"]'), "A001");
    await expectText(a.locator('[data-testid="q-desks"]'), "1");
    await expectText(a.locator('[data-testid="q-wait"]'), /^(ok\. \d+(–\d+)? min|poniżej minuty)$/);
    await expectText(a, "Czynne");
    const b = page.locator(`[data-testid="q-matter-${SITE}-sprawa-2"]`);
    await expectText(b.locator('[data-testid="q-last-called"]'), "jeszcze nikt");
    await noSideScroll(page);
    await expectNoViolations(page, "/kolejki (phone)");
    await screenshot(page, "kolejki-phone", { fullPage: true });

    // The queue moves: the page follows without a reload.
    await takeTicket(admin, SITE, "sprawa-2");
    await expectText(b.locator('[data-testid="q-waiting"]'), "1", LIVE_MS);

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expectText(page.locator("h1"), "Live queues at the offices");
    await expectText(a, "Waiting");
    await expectNoViolations(page, "/kolejki in English");
    await page.locator('button[lang="uk"]').click();
    await expectText(page.locator("h1"), "Черги в установах наживо");
    // The office's Ukrainian name for a matter; its Polish one, said to be Polish, where it gave none.
    await expectText(a.locator("h3"), "Реєстрація транспортного засобу 1");
    await expectAttr(b.locator('h3 [lang="pl"]'), "lang", "pl");
    await expectNoViolations(page, "/kolejki in Ukrainian");
    await page.context().close();
  });

  test("says so for an organisation that does not exist", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone });
    await page.goto(`${base()}/kolejki?org=no-such-city`);
    await expectText(page.locator('[data-testid="q-problem"]'), "Nie ma takiej organizacji.");
    await expectNoViolations(page, "/kolejki of an unknown organisation");
    await page.context().close();
  });
});

describe("the widget on a city's own page", () => {
  test("one script tag shows the office's live queues in a shadow root, follows the queue, and passes axe", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone });
    const line = `<script src="${base()}/widget.js" data-site="${SITE}" async></script>`;
    const city = await cityPage(
      `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Miasto</title></head><body><main><h1>Urząd Miasta</h1>${line}</main></body></html>`,
    );
    await page.goto(city.url);
    // The widget draws into a shadow root: the locators below reach into it.
    const widget = page.locator(".numerek-widget");
    await expectText(widget.locator("h2"), OFFICE);
    const rowA = widget.locator('tr[data-matter="sprawa-1"]');
    await expectText(rowA, /A\)\s*1\s*(ok\. \d+(–\d+)? min|poniżej minuty)/);
    expect(await page.evaluate(() => document.querySelector(".numerek-widget")?.shadowRoot !== null)).toBe(true);
    await noSideScroll(page);
    await expectNoViolations(page, "a city's page with the widget");
    await screenshot(page, "widget-phone");

    await takeTicket(admin, SITE, "sprawa-1");
    await expectText(rowA, /A\)\s*2\s/, LIVE_MS);
    await page.context().close();
    city.close();
  });

  test("with data-lang=uk it names the matters as the office does in Ukrainian, a Polish name marked as Polish", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone });
    const line = `<script src="${base()}/widget.js" data-site="${SITE}" data-lang="uk" async></script>`;
    const city = await cityPage(
      `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>Місто</title></head><body><main>${line}</main></body></html>`,
    );
    await page.goto(city.url);
    const widget = page.locator(".numerek-widget");
    await expectText(widget.locator('tr[data-matter="sprawa-1"] th'), "Реєстрація транспортного засобу 1 (A)");
    await expectAttr(widget.locator('tr[data-matter="sprawa-2"] th span'), "lang", "pl");
    await expectNoViolations(page, "a city's page with the widget in Ukrainian");
    await page.context().close();
    city.close();
  });
});
