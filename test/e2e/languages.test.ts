// The citizens' pages in three languages: the kiosk, the e-ticket and the booking site offer Polski /
// English / Українська, each named in its own language; <html lang> follows the choice. On the kiosk
// a chosen language stays through the whole visit (Back, the ticket, "Done") until the kiosk goes idle,
// which brings Polish back for the next citizen. Staff pages offer Polish and English only, and a
// language they do not offer (Ukrainian remembered from the booking site) reads as Polish there.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, call, expectAttr, expectText, issue, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";

const UK_MONTHS = "січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень";

describe("languages of the citizens' pages", () => {
  let browser: Browser;
  let kioskToken: string;

  beforeAll(async () => {
    browser = await launch();
    kioskToken = await token("kiosk-demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  /** The switch's buttons (a button per language, in its own language): visible name, `lang` and whether it is the language shown. */
  async function switchButtons(page: Page): Promise<{ text: string; lang: string | null; pressed: string | null }[]> {
    const buttons = page.locator("button[lang][aria-pressed]");
    const out = [];
    for (let i = 0; i < (await buttons.count()); i++) {
      const b = buttons.nth(i);
      out.push({ text: (await b.innerText()).trim(), lang: await b.getAttribute("lang"), pressed: await b.getAttribute("aria-pressed") });
    }
    return out;
  }

  async function openKiosk(query: string): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo${query}`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  test("kiosk: English stays through Back, the ticket and “Done”, until the kiosk goes idle and is Polish again", async () => {
    const page = await openKiosk("?idle=3");
    expect(await switchButtons(page)).toEqual([
      { text: "Polski", lang: "pl", pressed: "true" },
      { text: "English", lang: "en", pressed: "false" },
      { text: "Українська", lang: "uk", pressed: "false" },
    ]);

    await page.getByRole("button", { name: "Switch to English" }).tap();
    await page.getByRole("heading", { name: "Take a ticket" }).waitFor();
    expect(await htmlLang(page)).toBe("en");
    await expectAttr(page.getByRole("button", { name: "Switch to English" }), "aria-pressed", "true");

    // The office gave its department no English name: the Polish one, marked as Polish for a screen reader.
    await expectAttr(page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).locator("[lang]"), "lang", "pl");
    // A department, then Back: still English.
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("heading", { name: "Choose your matter" }).waitFor();
    await page.getByRole("button", { name: "Back" }).tap();
    await page.getByRole("heading", { name: "Take a ticket" }).waitFor();
    expect(await htmlLang(page)).toBe("en");

    // The ticket in English, and after "Done" the start screen is still English.
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await page.getByRole("heading", { name: "Your number" }).waitFor();
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    await page.getByRole("button", { name: "Done" }).tap();
    await page.getByRole("heading", { name: "Take a ticket" }).waitFor();
    expect(await htmlLang(page)).toBe("en");

    // Nobody touches the kiosk: the start screen turns Polish for the next citizen.
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor({ timeout: 8_000 });
    expect(await htmlLang(page)).toBe("pl");
    await expectAttr(page.getByRole("button", { name: "Przełącz na język polski" }), "aria-pressed", "true");
    await page.context().close();
  });

  test("kiosk: a ticket in Ukrainian, with Ukrainian plural forms; idle on the ticket brings back the Polish start", async () => {
    const page = await openKiosk("?idle=3");
    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await page.getByRole("heading", { name: "Отримати талон" }).waitFor();
    expect(await htmlLang(page)).toBe("uk");
    await expectText(page.locator("main"), "Оберіть відділ");
    await expectText(page.getByRole("button", { name: "У мене є запис" }), "У мене є запис");
    await screenshot(page, "kiosk-uk");

    // At least two tickets ahead of this one (earlier tests may have left more): the count in its Ukrainian form.
    await issue(kioskToken, "informacja");
    await issue(kioskToken, "informacja");
    // The office named its department and matters in Ukrainian too.
    await page.getByRole("button", { name: "Відділ у справах громадян" }).tap();
    await page.getByRole("heading", { name: "Оберіть послугу" }).waitFor();
    await page.getByRole("button", { name: /Інформація/ }).tap();
    await page.getByRole("heading", { name: "Ваш номер" }).waitFor();
    await expectText(page.getByTestId("kiosk-ahead"), /^Перед вами: \d+ /);
    const ahead = Number(/\d+/.exec(await page.getByTestId("kiosk-ahead").innerText())?.[0]);
    const people: Record<string, string> = { one: "особа", few: "особи", many: "осіб" };
    expect(await page.getByTestId("kiosk-ahead").innerText()).toBe(
      `Перед вами: ${ahead} ${people[new Intl.PluralRules("uk").select(ahead)]}`,
    );
    await expectText(page.locator(".kiosk-qr figcaption"), /Відскануйте (QR-)?код телефоном/);
    expect(await htmlLang(page)).toBe("uk");

    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor({ timeout: 8_000 });
    expect(await htmlLang(page)).toBe("pl");
    await page.context().close();
  });

  test("e-ticket in Ukrainian, remembered on reload; a staff page then reads in Polish with its two-language switch", async () => {
    const tk = await issue(kioskToken, "informacja");
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectAttr(page.locator("[data-status]"), "data-status", "waiting");
    expect(await switchButtons(page)).toEqual([
      { text: "Polski", lang: "pl", pressed: "true" },
      { text: "English", lang: "en", pressed: "false" },
      { text: "Українська", lang: "uk", pressed: "false" },
    ]);

    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await expectText(page.locator("h1"), "Е-талон");
    expect(await htmlLang(page)).toBe("uk");
    await expectText(page.locator("main"), "Ви в черзі");
    await expectText(page.locator("main"), "Послуга");
    await expectText(page.locator("main"), "Сповіщення SMS");
    await screenshot(page, "eticket-uk");
    await expectAttr(page.getByRole("button", { name: "Обрати мову: українська" }), "aria-pressed", "true");

    // The phone remembers the choice.
    await page.reload();
    await expectText(page.locator("h1"), "Е-талон");
    expect(await htmlLang(page)).toBe("uk");

    // The clerk console (same browser) offers Polish and English only: it opens in Polish.
    await page.goto(`${base()}/clerk`);
    await page.getByRole("button", { name: "Zaloguj" }).waitFor();
    expect(await htmlLang(page)).toBe("pl");
    expect(await page.getByRole("button", { name: "Switch to English" }).count()).toBe(1);
    expect(await page.locator("button[lang][aria-pressed]").count()).toBe(0);
    await page.context().close();
  });

  test("booking site: a matter's English name in English, its Polish name in Polish and Ukrainian", async () => {
    // An office of its own in a town of its own, whose one matter has an English name.
    const siteId = `e2e-lang-${Date.now().toString(36)}`;
    const allDay = [["00:00", "24:00"]];
    await call(`/api/v1/sites/${siteId}?org=koszalin`, {
      method: "PUT",
      token: await token("admin", "admin"),
      body: {
        id: siteId,
        city: "Lębork",
        name: "Urząd Miejski w Lęborku",
        address: "ul. Armii Krajowej 14, Lębork",
        voice: false,
        openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        departments: [
          {
            id: "wk",
            name: "Wydział Komunikacji",
            matters: [{ id: "rej", name: "Rejestracja pojazdu", nameEn: "Vehicle registration", prefix: "R", serviceMinutes: 10 }],
          },
        ],
        desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["rej"] }],
        devices: [],
        booking: { horizonDays: 14, checkIn: "kiosk", minNoticeMinutes: 0 },
        closedOnPublicHolidays: false,
        privacy: { controller: "Burmistrz Miasta Lęborka", notice: "Dane służą wyłącznie do rezerwacji wizyty." },
      },
    });
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(`${base()}/booking`);
    await page.locator('[data-city="Lębork"]').tap();
    const matter = page.locator('[data-matter="rej"]');
    await expectText(matter, "Rejestracja pojazdu");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(matter, "Vehicle registration");
    await page.getByLabel("Search for a matter").fill("vehicle");
    await expectText(page.getByRole("status").filter({ hasText: "Found" }), "Found: 1 matter");
    await matter.tap();
    await expectText(page.locator(".bk-summary"), "Vehicle registration");
    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await expectText(page.locator(".bk-summary"), "Rejestracja pojazdu");
    await page.context().close();
  });

  test("booking site in Ukrainian: steps, the calendar's month and days in Ukrainian", async () => {
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(`${base()}/booking`);
    await page.getByRole("button", { name: "Обрати мову: українська" }).tap();
    await expectText(page.locator("h1"), "Запис на прийом до установи");
    expect(await htmlLang(page)).toBe("uk");
    await expectText(page.locator(".bk-steps"), "Послуга");
    await screenshot(page, "booking-uk");

    // Toruń (chosen from the cities when there are several), a bookable matter, its first office.
    await page.locator("[data-city], [data-matter]").first().waitFor();
    if (await page.locator('[data-city="Toruń"]').count()) await page.locator('[data-city="Toruń"]').tap();
    await page.locator('[data-matter="dowod-wniosek"]').first().tap();
    await expectText(page.getByTestId("step-title"), "Оберіть установу");
    await page.locator("button[data-site]").first().tap();
    await expectText(page.getByTestId("step-title"), "Оберіть день і час");
    await expectText(page.locator(".bk-cal-month"), new RegExp(`^(${UK_MONTHS}) \\d{4} р\\.$`, "i"));
    // Only the month's first letter is raised: "Листопад 2026 р.", never "… Р.".
    expect(await page.locator(".bk-cal-month").innerText()).not.toContain("Р.");
    // The help says what the bold days are; the keys' sentence belongs to keyboards only, and a phone has none.
    expect((await page.locator("#bk-cal-help").innerText()).trim()).toBe("Дні з вільними місцями виділено жирним.");
    await screenshot(page, "booking-uk-calendar");
    // Each day is named in Ukrainian: "понеділок, 30 листопада 2026 р.: …".
    const label = (await page.locator("button[data-date]").first().getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^(понеділок|вівторок|середа|четвер|пʼятниця|п’ятниця|субота|неділя), \d{1,2} \S+ \d{4} р\.: /);
    await page.context().close();
  });
});
