// A hall screen per department: bound in the configuration (a group screen's departments or desks) or
// by its address (?departments=), a screen shows only its calls and queues, and names what it shows;
// Koszalin town hall's demo screens, one a floor (pictures for the README).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callNext, createHallSite, matterIds, takeTicket } from "./hall-screen-site.ts";
import { base, call, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, screenshot, signIn } from "./helpers.ts";

/** The matters whose queues the screen lists. */
const listed = (page: Page) => page.locator(".waiting-item").evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.matter));

describe("hall screen: a screen per department", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("screens bound to a department, to a desk, and by the address show only their calls and queues", async () => {
    const siteId = `e2e-hall-dept-${Date.now().toString(36)}`;
    // Twenty matters: "Wydział 1" has sprawa-1..10, "Wydział 2" sprawa-11..20; two desks serving all.
    const admin = await createHallSite(siteId, {
      matters: 20,
      desks: 2,
      extra: {
        devices: [
          { id: "ekran-1", name: "Monitor zbiorczy – parter", kind: "group-screen", departmentIds: ["wydzial-1"] },
          { id: "ekran-2", name: "Monitor zbiorczy – korytarz", kind: "group-screen", deskIds: ["s1"] },
        ],
      },
    });
    const first = await takeTicket(admin, siteId, "sprawa-1");
    const last = await takeTicket(admin, siteId, "sprawa-20");

    // One sign-in for the screens of this browser (the device's login is kept per site).
    const byDepartment = await newPage(browser, { viewport: SIZES.display });
    await byDepartment.goto(`${base()}/display/${siteId}?screen=ekran-1`);
    await signIn(byDepartment, "admin", "admin");
    await expectText(byDepartment.getByTestId("display-scope"), "Wydział 1");
    const open = async (query: string): Promise<Page> => {
      const page = await byDepartment.context().newPage();
      await page.goto(`${base()}/display/${siteId}?${query}`);
      await page.locator(".waiting-list").waitFor();
      return page;
    };
    const byDesk = await open("screen=ekran-2");
    const byAddress = await open("departments=wydzial-2");

    // Desks prefer the last matter: s1 calls sprawa-20's ticket, then s2 the one of sprawa-1.
    await callNext(admin, siteId, "s1");
    await callNext(admin, siteId, "s2");

    await expectAttr(byDepartment.getByTestId("newest-call"), "data-number", first.number);
    await expectAttr(byDesk.getByTestId("newest-call"), "data-number", last.number);
    await expectAttr(byAddress.getByTestId("newest-call"), "data-number", last.number);
    // The other department's call never shows, large or in the history.
    await byDepartment.waitForTimeout(1_500);
    expect(await byDepartment.getByTestId("newest-call").getAttribute("data-number")).toBe(first.number);
    expect(await byDepartment.locator(".previous-number").allInnerTexts()).toEqual([]);
    expect(await byAddress.locator(".previous-number").allInnerTexts()).toEqual([]);

    // The queues: the department's matters; the desk's (all it serves); the address's department.
    expect(await listed(byDepartment)).toEqual(matterIds(10));
    expect(await listed(byAddress)).toEqual(matterIds(20).slice(10));
    await expectText(byDesk.getByTestId("display-scope"), "Stanowisko 11");
    await expectText(byAddress.getByTestId("display-scope"), "Wydział 2");
    await expectNoViolations(byDepartment, "hall screen bound to a department");
    await byDepartment.context().close();
  });

  test("Koszalin town hall: the whole hall and the ground floor's screen, with a call", async () => {
    // The demo's town hall as configured, open around the clock so the test runs at any hour.
    const admin = await createHallSite(`e2e-hall-kz-${Date.now().toString(36)}`, { matters: 1 });
    const demo = await call<Record<string, unknown>>("/api/v1/sites/koszalin-ratusz/config", { token: admin });
    const siteId = `e2e-ratusz-${Date.now().toString(36)}`;
    const allDay = [["00:00", "24:00"]];
    const days = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    const config = { ...demo, id: siteId, openingHours: days, specialDays: [], closedOnPublicHolidays: false };
    await call(`/api/v1/sites/${siteId}?org=koszalin`, { method: "PUT", token: admin, body: config });
    for (const matterId of ["rejestracja", "rejestracja", "prawo-jazdy", "dowod-osobisty", "ceidg"])
      await takeTicket(admin, siteId, matterId);
    await callNext(admin, siteId, "s1");

    const hall = await newPage(browser, { viewport: SIZES.display });
    await hall.goto(`${base()}/display/${siteId}`);
    await signIn(hall, "admin", "admin");
    await expectAttr(hall.getByTestId("newest-call"), "data-number", "R001");
    await expectText(hall.locator('[data-matter="podatek-zaswiadczenie"]'), "Zaświadczenie o niezaleganiu");
    await screenshot(hall, "hall-koszalin-ratusz");
    await hall.setViewportSize(SIZES.displayPortrait);
    await screenshot(hall, "hall-koszalin-ratusz-portrait");

    const ground = await hall.context().newPage();
    await ground.setViewportSize(SIZES.display);
    await ground.goto(`${base()}/display/${siteId}?screen=ekran-1`);
    await expectText(ground.getByTestId("display-scope"), "Wydział Komunikacji");
    await expectAttr(ground.getByTestId("newest-call"), "data-number", "R001");
    expect(await listed(ground)).toEqual(["rejestracja", "zbycie-nabycie", "odbior-dowodu-rej", "prawo-jazdy", "odbior-prawa-jazdy"]);
    await screenshot(ground, "hall-koszalin-ratusz-parter");
    await hall.context().close();
  });
});
