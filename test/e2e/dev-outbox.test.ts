// The demo outbox page (/dev/outbox): a citizen's booking code appears there, large, with the office,
// channel and recipient; the page refreshes by itself with the newest message on top; the office
// filter keeps to one office; on a server in production mode (one of this file's own) it says plainly
// that it shows nothing there. axe finds nothing.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { humanToken } from "./booking-human-check.ts";
import { createSite, freeSlots, RESIDENT, SITE_ID, SITE_NAME, smsCode } from "./booking-site.ts";
import { base, call, eventually, expectNoViolations, expectText, launch, newPage, SIZES, screenshot } from "./helpers.ts";
import { startWrangler } from "./server.ts";

describe("demo outbox page", () => {
  let browser: Browser;

  beforeAll(async () => {
    await createSite();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("shows a booking's code large, then the confirmation on top without a reload, for one office", async () => {
    const slot = (await freeSlots(RESIDENT.id))[3]!;
    const { bookingId } = await call<{ bookingId: string }>("/api/v1/bookings", {
      body: {
        siteId: SITE_ID,
        matterId: RESIDENT.id,
        start: slot.start,
        name: "Ewa Kowalska",
        phone: "600 300 401",
        consent: true,
        turnstileToken: await humanToken(),
      },
      key: `e2e-outbox-${Date.now()}`,
    });
    const code = await smsCode("+48600300401");

    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/dev/outbox`);
    await expectText(page.locator("h1"), "Skrzynka wiadomości (demo)");
    await page.getByLabel("Placówka").selectOption(SITE_ID);
    expect(new URL(page.url()).searchParams.get("site")).toBe(SITE_ID);
    const cards = page.locator(".ob-list > li");
    const codeCard = cards.filter({ hasText: "+48600300401" }).and(page.locator('[data-kind="code"]'));
    await expectText(codeCard.getByTestId("outbox-code"), code);
    await expectText(codeCard, "SMS");
    await expectText(codeCard, "Kod potwierdzający");
    await expectText(codeCard, SITE_NAME);
    const fontSize = await codeCard.getByTestId("outbox-code").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    expect(await cards.evaluateAll((els, site) => els.every((el) => el.getAttribute("data-site") === site), SITE_ID)).toBe(true);
    await expectNoViolations(page, "demo outbox page");

    // The citizen confirms: the confirmation text comes on top at the next refresh, nobody reloads.
    await call(`/api/v1/bookings/${bookingId}/confirm`, { body: { code } });
    await eventually(
      "the confirmation on top of the outbox page",
      async () => (await cards.first().getAttribute("data-kind")) === "confirmation",
      10_000,
    );
    await expectText(cards.first(), "Potwierdzenie rezerwacji");
    await expectText(cards.first(), "+48600300401");
    await screenshot(page, "dev-outbox");

    // Every office again, and the page in English.
    await page.getByLabel("Placówka").selectOption("");
    await expectText(page.getByTestId("outbox-updated"), /wiadomoś/);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expectText(page.locator("h1"), "Message outbox (demo)");
    await expectNoViolations(page, "demo outbox page in English");
    await page.context().close();
  });

  test("outside demo mode the page says it shows nothing there", async () => {
    const production = await startWrangler({ NUMEREK_MODE: "production", AUTH_SECRET: "e2e-production-secret-of-at-least-32-characters" });
    try {
      const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true });
      await page.goto(`${production.base}/dev/outbox`);
      await expectText(page.getByRole("alert"), "Ta strona działa tylko w trybie demonstracyjnym.");
      expect(await page.locator(".ob-list").count()).toBe(0);
      await expectNoViolations(page, "demo outbox page outside demo mode");
      await page.context().close();
    } finally {
      await production.stop();
    }
  });
});
