// The clerk console's safety: a double click calls one client, not two (one Idempotency-Key per
// state seen), and an API refusal is shown in Polish; the transfer to another desk by the panel; a desk
// removed from the configuration sends its console back to the choice of desk and says so on its screen.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  base,
  call,
  desk,
  expectNoViolations,
  expectText,
  issue,
  launch,
  newPage,
  openConsole,
  queueTickets,
  SIZES,
  signIn,
  token,
} from "./helpers.ts";

describe("clerk console", () => {
  let browser: Browser;
  let kiosk: string;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    kiosk = await token("kiosk-demo");
    admin = await token("admin", "admin");
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a double click on „Wezwij następnego” calls one client", async () => {
    const a = await issue(kiosk, "meldunek");
    const b = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    const keys: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/desks/")) keys.push(r.headers()["idempotency-key"] ?? "");
    });
    await openConsole(page, "urzednik2");
    await page.getByRole("button", { name: /Wezwij następnego/ }).dblclick();
    await expectText(page.getByTestId("current-number"), a.number);
    await new Promise((r) => setTimeout(r, 300));
    const tickets = await queueTickets(admin);
    expect(tickets.find((t) => t.id === a.id)?.status).toBe("called");
    expect(tickets.find((t) => t.id === b.id)?.status).toBe("waiting");
    // However many requests the clicks made, they carried one key.
    expect(new Set(keys).size).toBe(1);
    await page.getByRole("button", { name: /Zakończ/ }).click();
    await page.getByTestId("current-empty").waitFor();
    await desk(admin, "d2", "call", { ticketId: b.id });
    await desk(admin, "d2", "finish");
    await page.context().close();
  });

  test("a refusal from the API is shown in Polish", async () => {
    const x = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    // The console's live view freezes after its first picture (as on a slow network)…
    await page.routeWebSocket(/\/live\?/, (ws) => {
      const server = ws.connectToServer();
      let first = true;
      server.onMessage((m) => {
        if (first) ws.send(m);
        first = false;
      });
    });
    await openConsole(page, "urzednik2");
    const callX = page.getByRole("button", { name: `Wezwij numer ${x.number}` });
    await callX.waitFor();
    // …while desk 1 takes that client.
    await desk(admin, "d1", "call", { ticketId: x.id });
    await callX.click();
    await expectText(page.getByRole("alert").filter({ hasText: "numerek" }), "Ten numerek nie czeka w kolejce.");
    await desk(admin, "d1", "finish");
    await page.context().close();
  });

  test("„Przekieruj” sends the current client to another desk", async () => {
    const y = await issue(kiosk, "meldunek");
    const page = await newPage(browser, { viewport: SIZES.console });
    await openConsole(page, "admin", "Stanowisko 2", "admin");
    await page.getByRole("button", { name: `Wezwij numer ${y.number}` }).click();
    await expectText(page.getByTestId("current-number"), y.number);
    await page.getByRole("button", { name: /Przekieruj/ }).click();
    await page.getByLabel("Do innego stanowiska").check();
    await page.getByLabel("Stanowisko", { exact: true }).selectOption({ label: "Stanowisko 3" });
    await page.getByRole("button", { name: "Przekieruj teraz" }).click();
    await page.getByTestId("current-empty").waitFor();
    const moved = (await queueTickets(admin)).find((t) => t.id === y.id);
    expect(moved?.status).toBe("waiting");
    await desk(admin, "d3", "call", { ticketId: y.id });
    await desk(admin, "d3", "finish");
    await page.context().close();
  });

  test("a desk removed from the office's configuration sends its console back to the choice of desk, and its screen says so, also after a reload", async () => {
    const siteId = `e2e-gone-${Date.now().toString(36)}`;
    const allDay = [["00:00", "24:00"]];
    const config = (deskIds: string[]) => ({
      id: siteId,
      city: "Testowo",
      name: "Urząd Testowy",
      address: "ul. Próbna 1",
      voice: false,
      openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      departments: [
        { id: "bo", name: "Biuro Obsługi", matters: [{ id: "sprawa", name: "Sprawa ogólna", prefix: "A", serviceMinutes: 5 }] },
      ],
      desks: deskIds.map((id, i) => ({ id, name: `Okienko ${i + 1}`, number: i + 1, matterIds: ["sprawa"] })),
      devices: [],
      booking: { horizonDays: 14, checkIn: "auto" },
    });
    await call(`/api/v1/sites/${siteId}?org=demo`, { method: "PUT", token: admin, body: config(["o1", "o2"]) });
    const page = await newPage(browser, { viewport: SIZES.console });
    await page.goto(`${base()}/clerk`);
    await signIn(page, "admin", "admin");
    await page.getByLabel("Placówka").selectOption({ label: "Urząd Testowy" });
    await page.getByLabel("Stanowisko").selectOption({ label: "Okienko 2" });
    await page.getByRole("button", { name: "Otwórz konsolę" }).click();
    await page.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    // The desk's own screen, open at the same time.
    const screen = await newPage(browser, { viewport: SIZES.tablet });
    await screen.goto(`${base()}/desk-display/${siteId}/o2`);
    await signIn(screen, "admin", "admin");
    await expectText(screen.locator("h1"), "Okienko 2");

    await call(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, body: config(["o1"]) });
    const gone = "Tego stanowiska nie ma już w placówce. Ekran trzeba przypisać do innego stanowiska.";
    await expectText(screen.getByTestId("desk-state"), gone);
    // Reloaded, the screen cannot connect any more; after a few tries it asks the site list and says the same.
    await screen.reload();
    await expectText(screen.getByTestId("desk-state"), gone, 30_000);
    await screen.context().close();
    await expectText(page.getByTestId("picker-notice"), "Twojego stanowiska nie ma już w konfiguracji placówki. Wybierz inne stanowisko.");
    await page.getByLabel("Placówka").selectOption({ label: "Urząd Testowy" });
    expect(await page.getByLabel("Stanowisko").locator("option").allTextContents()).toEqual(["Okienko 1"]);
    await expectNoViolations(page, "clerk console: desk removed");
    await page.context().close();
  });
});
