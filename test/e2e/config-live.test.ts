// A manager's change reaches the open kiosk and hall screen within a second, without a reload and
// without losing today's queue: a matter's new name, English name and hint, a daily cap reached, a
// temporary closure and its lifting; the hall screen's languages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, call, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

type Matter = { id: string; name: string; prefix: string; serviceMinutes: number; nameEn?: string; hint?: string; dailyCap?: number };

function siteConfig(
  siteId: string,
  over: { matter?: Partial<Matter>; closure?: { message: string } | null; screenLanguages?: string[] } = {},
) {
  const allDay = [["00:00", "24:00"]];
  return {
    id: siteId,
    city: "Testowo",
    name: "Urząd na żywo",
    address: "ul. Próbna 1",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedOnPublicHolidays: false,
    departments: [
      {
        id: "bo",
        name: "Biuro Obsługi",
        matters: [
          { id: "ogolna", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5, ...over.matter },
          { id: "meldunek", name: "Meldunek", prefix: "M", serviceMinutes: 5 },
        ],
      },
    ],
    desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: ["ogolna", "meldunek"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closure: over.closure ?? null,
    screenLanguages: over.screenLanguages ?? ["pl"],
  };
}

/** Marks the page so that a reload would show: the mark is gone after one. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { kept?: boolean }).kept = true;
  });
}
async function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
}

describe("configuration changes, live", () => {
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  // The operator names the organisation a new site goes into.
  const put = (siteId: string, config: unknown) => call(`/api/v1/sites/${siteId}?org=demo`, { method: "PUT", token: admin, body: config });

  test("the open kiosk shows a matter's new name and hint, a reached cap and a closure within a second, without a reload", async () => {
    const siteId = `e2e-live-${Date.now().toString(36)}`;
    await put(siteId, siteConfig(siteId));
    const ticket = await call<{ number: string }>(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId: "meldunek" } });
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/${siteId}`);
    await signIn(page, "admin", "admin");
    await page.getByRole("button", { name: "Biuro Obsługi" }).tap();
    const first = page.locator('[data-matter="ogolna"]');
    await expectText(first, "Sprawa ogólna");
    await mark(page);

    // A new name, an English name and a hint: on the open matters screen within a second.
    await put(siteId, siteConfig(siteId, { matter: { name: "Sprawy ogólne", nameEn: "General matters", hint: "zabierz dowód osobisty" } }));
    await expectText(first, "Sprawy ogólne", 1_000);
    await expectText(first.getByTestId("matter-hint"), "zabierz dowód osobisty", 1_000);
    await expectNoViolations(page, "kiosk: matter with a hint");
    // In English the kiosk names it in English.
    await page.getByRole("button", { name: "Wstecz" }).tap();
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await page.getByRole("button", { name: "Biuro Obsługi" }).tap();
    await expectText(first, "General matters");
    // Back at the start (still in English until the kiosk goes idle), then Polish again.
    await page.getByRole("button", { name: "Back" }).tap();
    await page.getByRole("button", { name: "Przełącz na język polski" }).tap();

    // A daily cap of one, already taken: the matter says so before a tap.
    await call(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId: "ogolna" } });
    await page.getByRole("button", { name: "Biuro Obsługi" }).tap();
    await put(siteId, siteConfig(siteId, { matter: { name: "Sprawy ogólne", dailyCap: 1 } }));
    await expectText(first, "Na dziś brak numerków", 1_000);
    await first.tap();
    await expectText(page.getByRole("alert"), "Na dziś wydano już wszystkie numerki do tej sprawy");

    // Closed for a while: the notice replaces the matters; lifted, the departments are back.
    const notice = "Awaria systemu. Zapraszamy jutro od 8:00.";
    await put(siteId, siteConfig(siteId, { closure: { message: notice } }));
    await expectText(page.getByTestId("closure-message"), notice, 1_000);
    await expect(page.getByRole("button", { name: "Biuro Obsługi" }).count()).resolves.toBe(0);
    await expectNoViolations(page, "kiosk: closed for a while");
    await put(siteId, siteConfig(siteId));
    await expectText(page.getByRole("button", { name: "Biuro Obsługi" }), "Biuro Obsługi", 1_000);
    expect(await notReloaded(page)).toBe(true);

    // Today's queue went through every change: both tickets still wait, in their order.
    const queue = await call<{ tickets: { number: string; status: string }[] }>(`/api/v1/sites/${siteId}/queue`, { token: admin });
    expect(queue.tickets.map((t) => [t.number, t.status])).toEqual([
      [ticket.number, "waiting"],
      ["A001", "waiting"],
    ]);
    await page.context().close();
  });

  test("the hall screen shows the office's languages, the new names and a closure notice, without a reload", async () => {
    const siteId = `e2e-hall-${Date.now().toString(36)}`;
    await put(siteId, siteConfig(siteId));
    const page = await newPage(browser, { viewport: SIZES.display });
    await page.goto(`${base()}/display/${siteId}`);
    await signIn(page, "admin", "admin");
    const row = page.locator('[data-matter="ogolna"] .waiting-name');
    await expectText(row, "Sprawa ogólna");
    await mark(page);

    await put(siteId, siteConfig(siteId, { matter: { name: "Sprawy ogólne", nameEn: "General matters" }, screenLanguages: ["pl", "en"] }));
    await expectText(row, "Sprawy ogólne General matters", 1_000);
    await expectText(page.locator("#newest-title"), "Wzywany numer Now calling", 1_000);
    await put(siteId, siteConfig(siteId, { closure: { message: "Urząd nieczynny do odwołania." }, screenLanguages: ["pl", "en"] }));
    await expectText(page.getByTestId("display-closure"), "Urząd nieczynny do odwołania.", 1_000);
    await expectNoViolations(page, "hall screen: two languages and a closure");
    expect(await notReloaded(page)).toBe(true);
    await page.context().close();
  });
});
