// The wait as a range, in the browser: before a matter is chosen each of its buttons on the kiosk says how
// many wait and the range a ticket taken now would show; the ticket screen and the e-ticket say the range
// of the ticket taken; the manager's Statystyki shows last week's share of waits inside the range per
// matter. Tickets at the demo site are of "Informacja", whose waiting tickets no file counts; nothing
// here counts them either (other files leave some waiting), it reads the words. The statistics use a
// site of their own.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import { estimatedWaitRangeText } from "../../protocol/wait-wording.ts";
import { base, call, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

/** "3 osoby czekają · ok. 15–25 min", "1 osoba czeka · do 5 min", "Nikt nie czeka · chwila". */
const MATTER_WAIT_PL =
  /^(Nikt nie czeka|1 osoba czeka|\d+ osoby czekają|\d+ osób czeka) · (ok\. \d+–\d+ min|ok\. .+ – .+|do \d+ min|chwila)$/;
const MATTER_WAIT_EN = /^(Nobody waiting|1 person waiting|\d+ people waiting) · (about \d+–\d+ min|about .+ – .+|up to \d+ min|a moment)$/;

describe("wait ranges", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openKiosk(): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  test("the kiosk shows people waiting and a range on each matter before a choice, and the ticket's range after", async () => {
    const page = await openKiosk();
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
    const informacja = page.locator('[data-matter="informacja"]');
    await expectText(informacja.getByTestId("matter-wait"), MATTER_WAIT_PL);
    // Every matter a ticket can be taken for says it; the screen reader hears it with the button.
    for (const button of await page.locator("[data-matter]:not(.kiosk-off)").all()) {
      const note = button.getByTestId("matter-wait");
      expect((await note.innerText()).trim()).toMatch(MATTER_WAIT_PL);
      expect(await button.getAttribute("aria-describedby")).toContain(await note.getAttribute("id"));
    }
    await expectNoViolations(page, "kiosk matters with their waits");

    const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/v1/sites/demo/tickets"));
    await informacja.tap();
    const ticket = (await (await answer).json()) as IssuedTicket;
    await expectText(page.getByTestId("kiosk-number"), ticket.number);
    await expectText(page.getByTestId("kiosk-wait"), estimatedWaitRangeText(ticket.estimatedWait, "pl"));
    await expectNoViolations(page, "kiosk ticket with its range");
    await page.getByRole("button", { name: "Gotowe" }).tap();

    // In English the buttons say it in English.
    await page.getByRole("button", { name: "English" }).tap();
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await expectText(informacja.getByTestId("matter-wait"), MATTER_WAIT_EN);
    await page.context().close();
  });

  test("Statystyki shows last week's share of waits inside their range, per matter, in a table", async () => {
    const admin = await token("admin", "admin");
    const siteId = `e2e-range-${Date.now().toString(36)}`;
    const allDay = [["00:00", "24:00"]];
    await call(`/api/v1/sites/${siteId}?org=torun`, {
      method: "PUT",
      token: admin,
      body: {
        id: siteId,
        city: "Toruń",
        name: "Urząd Zakresów Testowy",
        address: "ul. Próbna 2, Toruń",
        voice: false,
        openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        closedOnPublicHolidays: false,
        departments: [
          { id: "bo", name: "Biuro Obsługi", matters: [{ id: "ogolna", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5 }] },
        ],
        desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: ["ogolna"] }],
        devices: [],
        booking: { horizonDays: 14, checkIn: "kiosk" },
        closure: null,
        screenLanguages: ["pl"],
      },
    });
    // Nobody ahead, called at once: a wait of 0 minutes, inside the range shown (from 0).
    const t = await call<IssuedTicket>(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId: "ogolna" } });
    expect(t.estimatedWait.low).toBe(0);
    await call(`/api/v1/sites/${siteId}/desks/o1/call`, { token: admin, body: { ticketId: t.id } });

    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin", "demo");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await page.getByLabel("Placówka").selectOption(siteId);
    await page.getByRole("navigation", { name: "Widok placówki" }).getByRole("button", { name: "Statystyki" }).click();
    const table = page.getByRole("table", { name: "Oczekiwanie w podanym zakresie – ostatnie 7 dni" });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual(["Sprawa", "W podanym zakresie"]);
    await expectText(table.getByRole("row", { name: /Sprawa ogólna/ }).getByRole("cell"), /^100\s?%$/);
    // The table's region takes the keyboard's focus (to scroll it), named like the table.
    const region = page.getByRole("region", { name: "Oczekiwanie w podanym zakresie – ostatnie 7 dni" });
    expect(await region.getAttribute("tabindex")).toBe("0");
    await expectNoViolations(page, "statistics with waits inside their range");
    await page.context().close();
  });

  test("the e-ticket shows its range, in Polish and in English", async () => {
    const kiosk = await token("kiosk-demo");
    const tk = await call<IssuedTicket>("/api/v1/sites/demo/tickets", { token: kiosk, body: { matterId: "informacja" } });
    const page = await newPage(browser, { viewport: SIZES.phone, isMobile: true, hasTouch: true });
    await page.goto(tk.eticketUrl);
    await expectAttr(page.locator("[data-status]"), "data-status", "waiting");
    await expectText(page.getByTestId("et-wait"), /^Szacowany czas oczekiwania: (ok\. \d+–\d+ min|ok\. .+ – .+|do \d+ min|chwila)$/);
    await expectNoViolations(page, "e-ticket with its range");
    await page.getByRole("button", { name: "Switch to English" }).tap();
    await expectText(page.getByTestId("et-wait"), /^Estimated wait: (about \d+–\d+ min|about .+ – .+|up to \d+ min|a moment)$/);
    await page.context().close();
  });
});
