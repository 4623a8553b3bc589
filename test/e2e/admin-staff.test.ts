// Staff from the manager page: Toruń's administrator creates a clerk of one desk with a temporary
// password shown once; the clerk signs in at /clerk, must set a new password first, then calls a
// client at that desk. axe finds nothing on the staff panel or on the new-password form.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testSiteConfig } from "../site-config.ts";
import { base, call, expectNoViolations, expectText, launch, newPage, SIZES, signIn, token } from "./helpers.ts";

describe("staff on the manager page", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("an administrator creates a clerk, who changes the temporary password at first sign-in and works", async () => {
    const admin = await token("torun-admin");
    // A Toruń site open around the clock, so the test runs at any hour.
    const siteId = `e2e-staff-${Date.now().toString(36)}`;
    await call(`/api/v1/sites/${siteId}`, { token: admin, method: "PUT", body: testSiteConfig(siteId) });
    const siteName = `Urząd testowy ${siteId}`;

    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin");
    const panel = page.getByTestId("staff-panel");
    await panel.getByRole("heading", { name: "Pracownicy" }).waitFor();
    await expectText(panel.locator('tr[data-account="torun-admin"] [data-testid="staff-state"]'), "Aktywne");
    await expectNoViolations(page, "manager page with the staff panel");

    const clerk = `e2e-urz-${Date.now().toString(36)}`;
    await panel.getByRole("button", { name: "Nowe konto" }).click();
    await panel.getByLabel("Nazwa użytkownika").fill(clerk);
    await panel.getByLabel("Rola").selectOption("clerk");
    const sites = panel.getByRole("group", { name: "Placówki" });
    for (const box of await sites.getByRole("checkbox").all()) await box.uncheck();
    await sites.getByLabel(siteName).check();
    await panel.getByRole("group", { name: "Stanowiska" }).getByLabel(`Stanowisko 1 (${siteName})`).check();
    await expectNoViolations(page, "the form of a new account");
    await panel.getByRole("button", { name: "Utwórz konto" }).click();
    await expectText(panel.getByTestId("staff-outcome"), `Utworzono konto ${clerk}.`);
    const temporary = (await panel.getByTestId("staff-temp-password").locator("code").textContent()) ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    const row = panel.locator(`tr[data-account="${clerk}"]`);
    await expectText(row.getByTestId("staff-state"), "Czeka na zmianę hasła tymczasowego");
    await expectText(row, new RegExp(`${clerk}.*Urzędnik.*${siteName}.*d1`));

    // The clerk's first sign-in asks for a new password before anything else.
    const clerkPage = await newPage(browser, { viewport: SIZES.console });
    await clerkPage.goto(`${base()}/clerk`);
    await signIn(clerkPage, clerk, temporary);
    await clerkPage.getByRole("heading", { name: "Ustaw nowe hasło" }).waitFor();
    await expectNoViolations(clerkPage, "the new-password form");
    await clerkPage.getByLabel("Nowe hasło", { exact: true }).fill("krotkie");
    await clerkPage.getByLabel("Powtórz nowe hasło").fill("krotkie");
    await clerkPage.getByRole("button", { name: "Zmień hasło" }).click();
    await expectText(clerkPage.getByRole("alert"), "Hasło musi mieć co najmniej 12 znaków.");
    const own = "moje-nowe-haslo-2026";
    await clerkPage.getByLabel("Nowe hasło", { exact: true }).fill(own);
    await clerkPage.getByLabel("Powtórz nowe hasło").fill(own);
    await clerkPage.getByRole("button", { name: "Zmień hasło" }).click();
    // One desk: the console opens without a choice.
    await clerkPage.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    const ticket = await call<{ number: string }>(`/api/v1/sites/${siteId}/tickets`, { token: admin, body: { matterId: "rej" } });
    await clerkPage.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(clerkPage.getByTestId("current-number"), ticket.number);

    // The administrator sees the password changed, and signs the clerk out everywhere.
    await page.reload();
    await expectText(panel.locator(`tr[data-account="${clerk}"] [data-testid="staff-state"]`), "Aktywne");
    await panel.getByRole("button", { name: `Wyloguj wszędzie: ${clerk}` }).click();
    await expectText(panel.getByTestId("staff-outcome"), `Wylogowano konto ${clerk} ze wszystkich urządzeń.`);
    // The console's token is refused from now on; signing in again works.
    const stored = await clerkPage.evaluate(() => sessionStorage.getItem("numerek.staff"));
    const clerkToken = (JSON.parse(stored ?? "{}") as { token?: string }).token ?? "";
    const refused = await fetch(`${base()}/api/v1/sites/${siteId}/queue`, { headers: { Authorization: `Bearer ${clerkToken}` } });
    expect(refused.status).toBe(401);
    expect(await token(clerk, own)).toBeTruthy();
    await clerkPage.context().close();
    await page.context().close();
  });
});
