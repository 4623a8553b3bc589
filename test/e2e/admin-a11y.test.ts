// Accessibility of the manager page: axe-core (WCAG 2.0/2.1 A and AA) finds nothing on any of its
// views, in Polish and in English: the sign-in (and a refused one), the change of a temporary password
// (and a refused one), an organisation with no office yet, the form of a new office, the list of offices
// with today's work, the settings editor, the staff panel with its forms and a temporary password shown,
// the audit log, and the operator's organisations with an organisation's log.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { testSiteConfig } from "../site-config.ts";
import { base, call, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

const STAMP = Date.now().toString(36);
const ORG = `e2e-a11y-${STAMP}`;
const ORG_NAME = "Gmina Dostępna";
const ADMIN = `a11y-admin-${STAMP}`;
const TEMPORARY = "tymczasowe-haslo-a11y";
const OWN = "wlasne-haslo-a11y-2026";
const SITE = `e2e-a11y-${STAMP}`;

/** axe on the view as it is, then in English, then back in Polish. */
async function check(page: Page, where: string): Promise<void> {
  await expectNoViolations(page, where);
  const english = page.getByRole("button", { name: "Switch to English" });
  if ((await english.count()) === 0) return;
  await english.first().click();
  await page.getByRole("button", { name: "Przełącz na język polski" }).first().waitFor();
  await expectNoViolations(page, `${where}, in English`);
  await page.getByRole("button", { name: "Przełącz na język polski" }).first().click();
  await english.first().waitFor();
}

describe("manager page: accessibility of every view", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
    const operator = await token("admin", "admin");
    await call("/api/v1/organisations", {
      token: operator,
      body: { id: ORG, name: ORG_NAME, admin: { username: ADMIN, password: TEMPORARY } },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a new organisation's administrator: sign-in, password change, no office, new office, offices, settings, staff, log", async () => {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await expectText(page.locator("h1"), "Logowanie kierownika placówki");
    await check(page, "manager sign-in");
    await signIn(page, ADMIN, "zle-haslo-123");
    await page.getByRole("alert").filter({ hasText: /./ }).first().waitFor();
    await check(page, "manager sign-in, a wrong password");

    await signIn(page, ADMIN, TEMPORARY);
    await page.getByRole("heading", { name: "Ustaw nowe hasło" }).waitFor();
    await check(page, "the change of a temporary password");
    await page.getByLabel("Nowe hasło", { exact: true }).fill("krotkie");
    await page.getByLabel("Powtórz nowe hasło").fill("krotkie");
    await page.getByRole("button", { name: "Zmień hasło" }).click();
    await expectText(page.getByRole("alert").filter({ hasText: "12" }), "Hasło musi mieć co najmniej 12 znaków.");
    await check(page, "the change of a temporary password, refused");
    await page.getByLabel("Nowe hasło", { exact: true }).fill(OWN);
    await page.getByLabel("Powtórz nowe hasło").fill(OWN);
    await page.getByRole("button", { name: "Zmień hasło" }).click();
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await expectText(page.getByRole("alert").filter({ hasText: "placówką" }), "To konto nie zarządza żadną placówką.");
    await check(page, "manager page, no office yet");

    await page.getByRole("button", { name: "Nowa placówka" }).click();
    await page.getByRole("button", { name: "Anuluj" }).first().waitFor();
    await check(page, "the form of a new office");
    await page.getByRole("button", { name: "Anuluj" }).first().click();

    // An office made through the API; the page signed in again lists it.
    await call(`/api/v1/sites/${SITE}`, { token: await token(ADMIN, OWN), method: "PUT", body: testSiteConfig(SITE) });
    await page.getByRole("button", { name: "Wyloguj", exact: true }).click();
    await signIn(page, ADMIN, OWN);
    await page.getByLabel("Placówka", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Bieżąca praca" }).waitFor();
    await check(page, "the list of offices and today's work");

    await page.getByRole("button", { name: "Ustawienia placówki" }).click();
    await page.getByRole("button", { name: "Zapisz" }).first().waitFor();
    await check(page, "the settings editor");
    await page.getByRole("button", { name: "Bieżąca praca" }).click();

    const staff = page.getByTestId("staff-panel");
    await staff.getByRole("button", { name: "Nowe konto" }).click();
    await check(page, "the staff panel, the form of a new account");
    await staff.getByLabel("Nazwa użytkownika").fill(`a11y-urz-${STAMP}`);
    await staff.getByRole("button", { name: "Utwórz konto" }).click();
    await staff.getByTestId("staff-temp-password").waitFor();
    await check(page, "the staff panel, a temporary password shown");
    await staff.getByRole("button", { name: `Zmień konto a11y-urz-${STAMP}` }).click();
    await staff.getByRole("heading", { name: `Konto a11y-urz-${STAMP}` }).waitFor();
    await check(page, "the staff panel, an account's change");

    await page.getByRole("navigation", { name: "Widok organizacji" }).getByRole("button", { name: "Dziennik zdarzeń" }).click();
    await page.getByRole("table", { name: "Zdarzenia, od najnowszego" }).waitFor();
    await check(page, "the audit log");
    await page.context().close();
  });

  test("the operator: organisations and an organisation's log", async () => {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "admin", "admin");
    await page.getByRole("button", { name: "Organizacje" }).click();
    await page.locator(`tr[data-org="${ORG}"]`).waitFor();
    await check(page, "the operator's organisations");
    await page.getByRole("button", { name: `Dziennik zdarzeń: ${ORG_NAME}` }).click();
    await page.getByRole("heading", { name: `Dziennik zdarzeń: ${ORG_NAME}` }).waitFor();
    await check(page, "an organisation's log, for the operator");
    await page.context().close();
  });
});
