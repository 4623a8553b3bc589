// Every state of the hall screen meets WCAG 2.1 AA, contrast included: idle, a new call's flash (both
// of its phases, held still), offline, closed for a while; in two languages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { callNext, createHallSite, takeTicket } from "./hall-screen-site.ts";
import { base, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, signIn } from "./helpers.ts";

/** Holds every running animation at `ms` from its start, so a check sees one phase of the flash. */
async function holdAnimations(page: Page, ms: number): Promise<void> {
  await page.evaluate((t) => {
    for (const a of document.getAnimations()) {
      a.pause();
      a.currentTime = t;
    }
  }, ms);
}

describe("hall screen: contrast in every state", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("idle, flashing, offline and closed states have no axe violations", async () => {
    const siteId = `e2e-hall-contrast-${Date.now().toString(36)}`;
    const two = { screenLanguages: ["pl", "en"] };
    const admin = await createHallSite(siteId, { matters: 3, extra: two });
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    await expectText(page.locator(".waiting-list"), "Rejestracja pojazdu 1");
    await expectNoViolations(page, "hall screen: idle");

    // A call: its flash, held in each of its two phases (accent frame, then plain).
    await takeTicket(admin, siteId, "sprawa-1");
    await callNext(admin, siteId, "s1");
    await expectAttr(page.locator(".newest"), "data-fresh", "1");
    await holdAnimations(page, 0);
    await expectNoViolations(page, "hall screen: flash, accent phase");
    await holdAnimations(page, 500);
    await expectNoViolations(page, "hall screen: flash, plain phase");

    // Offline: the banner over the header.
    await page.context().setOffline(true);
    await expectAttr(page.locator(".display"), "data-conn", "offline");
    await expectNoViolations(page, "hall screen: offline");
    await page.context().setOffline(false);
    await expectAttr(page.locator(".display"), "data-conn", "online", 15_000);

    // Closed for a while: the notice across the screen.
    await createHallSite(siteId, { matters: 3, extra: { ...two, closure: { message: "Awaria systemu. Zapraszamy jutro." } } });
    await expectText(page.getByTestId("display-closure"), "Awaria systemu");
    await expectNoViolations(page, "hall screen: closed for a while");
    await page.context().close();
  });
});
