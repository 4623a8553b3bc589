// The clerk console through a working day: a set-aside citizen who comes back is called at once from
// "Odłożeni"; an account with one desk opens its console without a choice; the queue shows how long each
// person has waited, kept current; the desk counts the clients it served today; a break asks for its
// reason, which the console and the desk's screen name. Each test runs on a
// site of its own (one desk's queue is not shared with the other files' tests).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, call, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

interface Ticket {
  id: string;
  number: string;
  status: string;
  misses: number;
}

describe("clerk console: the day at a desk", () => {
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A site open all day with one matter and two desks; a missed ticket is called again only after an hour. */
  async function site(): Promise<string> {
    const siteId = `e2e-console-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const allDay = [["00:00", "24:00"]];
    await call(`/api/v1/sites/${siteId}?org=demo`, {
      method: "PUT",
      token: admin,
      body: {
        id: siteId,
        city: "Testowo",
        name: `Urząd ${siteId}`,
        address: "ul. Próbna 1",
        voice: false,
        noShowRecallSeconds: 3600,
        openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        departments: [
          { id: "bo", name: "Biuro Obsługi", matters: [{ id: "sprawa", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5 }] },
        ],
        desks: [
          { id: "o1", name: "Okienko 1", number: 1, matterIds: ["sprawa"] },
          { id: "o2", name: "Okienko 2", number: 2, matterIds: ["sprawa"] },
        ],
        devices: [],
        booking: { horizonDays: 14, checkIn: "auto" },
      },
    });
    return siteId;
  }

  const take = (siteId: string) => call<Ticket>(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId: "sprawa" } });
  const ticketsOf = async (siteId: string) =>
    (await call<{ tickets: Ticket[] }>(`/api/v1/sites/${siteId}/queue`, { token: admin })).tickets;

  /** The console of "Okienko 1" of the site, as the manager who chooses it. */
  async function consoleAt(siteId: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.console });
    await setup?.(page);
    await page.goto(`${base()}/clerk`);
    await signIn(page, "admin", "admin");
    await page.getByLabel("Placówka").selectOption({ label: `Urząd ${siteId}` });
    await page.getByLabel("Stanowisko").selectOption({ label: "Okienko 1" });
    await page.getByRole("button", { name: "Otwórz konsolę" }).click();
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    return page;
  }

  test("„Wezwij” beside a set-aside ticket calls its citizen at once, as the ticket's next attempt", async () => {
    const siteId = await site();
    const a = await take(siteId);
    await take(siteId);
    const page = await consoleAt(siteId);
    await page.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(page.getByTestId("current-number"), a.number);
    await page.getByRole("button", { name: /Nie zgłosił się/ }).click();
    const missed = page.getByTestId("missed").locator(`li[data-number="${a.number}"]`);
    await expectText(missed, "1. niezgłoszenie");

    // The citizen comes back long before the automatic recall (an hour away): the clerk calls them now.
    await missed.getByRole("button", { name: `Wezwij numer ${a.number}` }).click();
    await expectText(page.getByTestId("current-number"), a.number);
    await expectText(page.getByTestId("current"), "Nie zgłosił się już 1 z 3 razy");
    await page.getByTestId("missed").waitFor({ state: "detached" });
    expect((await ticketsOf(siteId)).find((t) => t.id === a.id)).toMatchObject({ status: "called", misses: 1 });
    await expectNoViolations(page, "clerk console after calling a set-aside ticket");

    // Missed again, it counts as the second strike: the rule's count goes on, it does not start over.
    await page.getByRole("button", { name: /Nie zgłosił się/ }).click();
    await expectText(missed, "2. niezgłoszenie");
    expect((await ticketsOf(siteId)).find((t) => t.id === a.id)).toMatchObject({ status: "missed", misses: 2 });
    await page.context().close();
  });

  test("„Wezwij” beside a set-aside ticket waits while the desk has a client", async () => {
    const siteId = await site();
    const a = await take(siteId);
    await take(siteId);
    const page = await consoleAt(siteId);
    await page.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(page.getByTestId("current-number"), a.number);
    await page.getByRole("button", { name: /Nie zgłosił się/ }).click();
    const callA = page.getByRole("button", { name: `Wezwij numer ${a.number}` });
    await callA.waitFor();
    await page.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(page.getByTestId("current-status"), "Wezwany");
    expect(await callA.isDisabled()).toBe(true);
    await page.context().close();
  });

  test("an account with one desk opens its console without a choice, and offers no other desk", async () => {
    const page = await newPage(browser, { viewport: SIZES.console });
    await page.goto(`${base()}/clerk`);
    await signIn(page, "urzednik1");
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    await expectText(page.locator("h1"), "Stanowisko 1");
    expect(await page.getByRole("button", { name: "Otwórz konsolę" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Zmień stanowisko" }).count()).toBe(0);
    // A reload keeps the console open.
    await page.reload();
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    await page.context().close();
  });

  test("the queue shows how many minutes each person has waited, and keeps counting", async () => {
    const siteId = await site();
    const a = await take(siteId);
    const page = await consoleAt(siteId, (p) => p.clock.install());
    const row = page.getByTestId("queue").locator(`tr[data-number="${a.number}"]`);
    await expectText(page.getByTestId("queue").locator("thead"), "Czeka");
    await expectText(row.getByTestId("waited"), "0 min");
    await page.clock.fastForward("07:10");
    await expectText(row.getByTestId("waited"), "7 min");
    await page.context().close();
  });

  test("the console counts the clients its desk served today, and only its own", async () => {
    const siteId = await site();
    const [a, b, c] = [await take(siteId), await take(siteId), await take(siteId)];
    const page = await consoleAt(siteId);
    const served = page.getByTestId("served-today");
    await expectText(served, "Obsłużeni dziś: 0");
    for (const tk of [a, b]) {
      await page.getByRole("button", { name: /Wezwij następnego/ }).click();
      await expectText(page.getByTestId("current-number"), tk.number);
      await page.getByRole("button", { name: /Zakończ/ }).click();
      await page.getByTestId("current-empty").waitFor();
    }
    await expectText(served, "Obsłużeni dziś: 2");
    // Another desk's service does not count here.
    await call(`/api/v1/sites/${siteId}/desks/o2/call`, { token: admin, body: { ticketId: c.id } });
    await call(`/api/v1/sites/${siteId}/desks/o2/finish`, { token: admin, body: {} });
    await page.reload();
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    await expectText(served, "Obsłużeni dziś: 2");
    await page.context().close();
  });

  test("„Przerwa” asks for the reason; the console and the desk's screen name it, and the desk keeps it", async () => {
    const siteId = await site();
    const page = await consoleAt(siteId);
    const screen = await newPage(browser, { viewport: SIZES.deskScreen });
    await screen.goto(`${base()}/desk-display/${siteId}/o1`);
    await signIn(screen, "admin", "admin");
    await expectText(screen.locator("h1"), "Okienko 1");

    await page.getByRole("button", { name: /Przerwa/ }).click();
    const panel = page.getByTestId("pause-panel");
    await panel.getByRole("heading", { name: "Powód przerwy" }).waitFor();
    expect(await panel.getByRole("button").allInnerTexts()).toEqual(["Przerwa", "Szkolenie", "Inne", "Anuluj"]);
    await expectNoViolations(page, "clerk console: the reason for a break");
    // Escape (or "Anuluj") leaves the desk open.
    await panel.getByRole("button", { name: "Szkolenie" }).press("Escape");
    await panel.waitFor({ state: "detached" });
    expect(await page.getByTestId("current-paused").count()).toBe(0);

    await page.getByRole("button", { name: /Przerwa/ }).click();
    await panel.getByRole("button", { name: "Szkolenie" }).click();
    await expectText(page.getByTestId("current-paused"), "Stanowisko na przerwie. Powód: Szkolenie");
    await expectAttr(screen.getByTestId("desk-state"), "data-state", "paused");
    await expectText(screen.getByTestId("desk-state"), "Szkolenie");
    const desks = (
      await call<{ desks: { id: string; status: string; pauseReason?: string }[] }>(`/api/v1/sites/${siteId}/queue`, { token: admin })
    ).desks;
    expect(desks.find((d) => d.id === "o1")).toMatchObject({ status: "paused", pauseReason: "training" });

    // In English too.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expectText(page.getByTestId("current-paused"), "Reason: Training");

    await page.getByRole("button", { name: /Resume/ }).click();
    await expectAttr(screen.getByTestId("desk-state"), "data-state", "idle");
    await screen.context().close();
    await page.context().close();
  });
});
