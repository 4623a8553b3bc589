// The manager page's "Statystyki": Toruń's administrator opens the statistics of a site where a few
// tickets were taken and served today, reads today's figures in the cards, switches to the last 7 days by
// keyboard, downloads the CSV and reads it as Excel with Polish settings would (BOM, ';' between cells, a
// decimal comma), sees the organisation's sites side by side, and axe finds nothing, in Polish and English.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ARTIFACTS, base, call, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

const STAMP = Date.now().toString(36);
const SITE_ID = `e2e-stats-${STAMP}`;
const SITE_NAME = "Urząd Statystyczny Testowy";

function siteConfig() {
  const allDay = [["00:00", "24:00"]];
  return {
    id: SITE_ID,
    city: "Toruń",
    name: SITE_NAME,
    address: "ul. Próbna 1, Toruń",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedOnPublicHolidays: false,
    departments: [{ id: "bo", name: "Biuro Obsługi", matters: [{ id: "ogolna", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5 }] }],
    desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: ["ogolna"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closure: null,
    screenLanguages: ["pl"],
  };
}

/** The date `days` before today on the offices' clock. */
function officeDate(daysBack: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    Date.now() - daysBack * 86_400_000,
  );
}

/** A CSV as Excel with Polish settings reads it: a BOM first, ';' between cells, CRLF between rows. */
function readPolishCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split("\r\n")
    .map((line) => line.split(";"));
}

/** A number cell with a decimal comma, as Polish settings read it. */
function polishNumber(cell: string | undefined): number {
  expect(cell ?? "").toMatch(/^-?\d+(,\d+)?$/);
  return Number((cell ?? "").replace(",", "."));
}

const card = (page: Page, figure: string) => page.locator(`[data-figure="${figure}"] dd`);

describe("manager page: statistics", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const admin = await token("admin", "admin");
    await call(`/api/v1/sites/${SITE_ID}?org=torun`, { method: "PUT", token: admin, body: siteConfig() });
    // Three tickets taken, two of them served at desk 1; the third still waits.
    const tickets: { id: string }[] = [];
    for (let i = 0; i < 3; i++)
      tickets.push(await call<{ id: string }>(`/api/v1/sites/${SITE_ID}/tickets`, { token: admin, body: { matterId: "ogolna" } }));
    for (const t of tickets.slice(0, 2)) {
      await call(`/api/v1/sites/${SITE_ID}/desks/o1/call`, { token: admin, body: { ticketId: t.id } });
      await call(`/api/v1/sites/${SITE_ID}/desks/o1/start`, { token: admin, body: {} });
      await call(`/api/v1/sites/${SITE_ID}/desks/o1/finish`, { token: admin, body: {} });
    }
    browser = await launch();
    page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin", "demo");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await page.getByLabel("Placówka").selectOption(SITE_ID);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("today's figures show in the cards, live", async () => {
    await page.getByRole("navigation", { name: "Widok placówki" }).getByRole("button", { name: "Statystyki" }).click();
    await page.getByRole("heading", { name: `Statystyki: ${SITE_NAME}` }).waitFor();
    await expect.poll(() => page.getByRole("radio", { name: "Dziś (na żywo)" }).isChecked()).toBe(true);
    await expectText(card(page, "arrived"), "3");
    await expectText(card(page, "served"), "2");
    // No ticket ended as a no-show, and two ended: a share of 0%; a figure with no data says so.
    await expectText(card(page, "noShowShare"), /^0\s?%$/);
    await expectText(card(page, "perClerkHour"), /brak danych/);
    // The tables: by matter, a row for "Sprawa ogólna" with its arrivals.
    const matterRow = page.getByRole("table", { name: "Według spraw" }).getByRole("row", { name: /Sprawa ogólna/ });
    await expectText(matterRow.getByRole("cell").first(), "3");
    // The chart's numbers are a table too.
    await page.getByRole("img", { name: "Przybyli i obsłużeni według godziny" }).waitFor();
    await page.getByText("Liczby z wykresu (tabela)").nth(1).click();
    await page.getByRole("table", { name: "Przybyli i obsłużeni według godziny" }).waitFor();
    // The organisation's sites side by side: this one among them.
    await expectText(page.getByTestId("stats-org").locator(`tr[data-site="${SITE_ID}"] td`).first(), "3");
    await expectNoViolations(page, "statistics today");
  });

  test("the last 7 days, and their CSV read with Polish settings", async () => {
    // By keyboard: from "Dziś" the arrow keys move through "Wczoraj" to "Ostatnie 7 dni".
    await page.getByRole("radio", { name: "Dziś (na żywo)" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByRole("radio", { name: "Ostatnie 7 dni" }).isChecked()).toBe(true);
    const from = officeDate(6);
    await expectText(page.getByTestId("stats-showing"), new RegExp(`Od ${from} do ${officeDate(0)}`));
    await expectText(card(page, "arrived"), "3");
    // The view itself, whole (the page below it holds the organisation's staff).
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator("section.stats").screenshot({ path: join(ARTIFACTS, "admin-statistics.png"), animations: "disabled" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Pobierz CSV" }).click()]);
    const rows = readPolishCsv(await readFile(await download.path(), "utf8"));
    const value = (name: string) => rows.find((r) => r[0] === name)?.[1];
    expect(value("Od")).toBe(from);
    expect(polishNumber(value("Przybyło"))).toBe(3);
    // Every number in the file has a decimal comma, never a point.
    expect(rows.flat().filter((c) => /^-?\d+\.\d+$/.test(c))).toEqual([]);
    await expectText(page.getByTestId("stats-saved"), /Pobrano plik/);
    await expectNoViolations(page, "statistics, last 7 days");
  });

  test("in English the view reads in English and axe finds nothing", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: `Statistics: ${SITE_NAME}` }).waitFor();
    await page.getByRole("table", { name: "By matter" }).waitFor();
    await expectNoViolations(page, "statistics in English");
    await page.getByRole("button", { name: "Przełącz na język polski" }).click();
  });
});
