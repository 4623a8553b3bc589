// Staff from the manager page: Toruń's administrator creates a clerk of one desk with a temporary
// password shown once; the clerk signs in at /clerk, must set a new password first, then calls a
// client at that desk. axe finds nothing on the staff panel or on the new-password form. A person
// given a new temporary password from the panel (shown once, copied) is signed out everywhere and
// must change it at the next sign-in; the audit log records it.
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

  test("a new temporary password is shown once with a copy button, signs the person out and must be changed", async () => {
    const admin = await token("torun-admin");
    const clerk = `e2e-nh-${Date.now().toString(36)}`;
    const first = "pierwsze-haslo-tymczasowe";
    await call("/api/v1/staff", { token: admin, body: { username: clerk, password: first, role: "clerk", siteIds: ["torun-wk"] } });
    const marked = await token(clerk, first);
    const own = await call<{ token: string }>("/api/v1/auth/password", {
      token: marked,
      body: { currentPassword: first, newPassword: "wlasne-haslo-urzednika" },
    });
    const queue = (bearer: string) => fetch(`${base()}/api/v1/sites/torun-wk/queue`, { headers: { Authorization: `Bearer ${bearer}` } });
    expect((await queue(own.token)).status).toBe(200);

    const page = await newPage(browser, { viewport: SIZES.pc, permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin");
    const panel = page.getByTestId("staff-panel");
    const row = panel.locator(`tr[data-account="${clerk}"]`);
    await expectText(row.getByTestId("staff-state"), "Aktywne");
    await panel.getByRole("button", { name: `Nowe hasło tymczasowe: ${clerk}` }).click();
    await expectText(
      panel.getByTestId("staff-outcome"),
      `Nadano kontu ${clerk} nowe hasło tymczasowe i wylogowano je ze wszystkich urządzeń. Przy następnym logowaniu trzeba je zmienić.`,
    );
    const shown = panel.getByTestId("staff-temp-password");
    await expectText(shown, `Hasło tymczasowe konta ${clerk} (pokazywane tylko teraz):`);
    const temporary = (await shown.locator("code").textContent()) ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expectText(row.getByTestId("staff-state"), "Czeka na zmianę hasła tymczasowego");
    await expectNoViolations(page, "the staff panel showing a new temporary password");
    await shown.getByRole("button", { name: "Kopiuj hasło" }).click();
    await expectText(shown.getByTestId("staff-copy-outcome"), "Skopiowano hasło do schowka.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(temporary);

    // Signed out everywhere: the clerk's token is refused, and the old password no longer signs in.
    expect((await queue(own.token)).status).toBe(401);
    const old = await fetch(`${base()}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: clerk, password: "wlasne-haslo-urzednika" }),
    });
    expect(old.status).toBe(401);
    // The new password signs in only to be changed.
    const again = await call<{ token: string; passwordChangeRequired?: boolean }>("/api/v1/auth/login", {
      body: { username: clerk, password: temporary },
    });
    expect(again.passwordChangeRequired).toBe(true);
    expect((await queue(again.token)).status).toBe(403);
    // Shown only once: after a reload the panel no longer has it.
    await page.reload();
    await expectText(row.getByTestId("staff-state"), "Czeka na zmianę hasła tymczasowego");
    expect(await panel.getByTestId("staff-temp-password").count()).toBe(0);
    const log = await call<{ entries: { action: string; actor: string | null; target: string | null; summary: string }[] }>(
      `/api/v1/audit?action=password.changed&target=${clerk}`,
      { token: admin },
    );
    expect(log.entries[0]).toMatchObject({ actor: "torun-admin", target: clerk });
    expect(JSON.stringify(log.entries)).not.toContain(temporary);
    await page.context().close();
  });

  test("an administrator's own row refuses a new temporary password, and they stay signed in", async () => {
    const stamp = Date.now().toString(36);
    const org = `e2e-own-${stamp}`;
    const admin = `own-admin-${stamp}`;
    const first = "haslo-od-operatora-1";
    const own = "wlasne-haslo-administratora";
    await call("/api/v1/organisations", {
      token: await token("admin", "admin"),
      body: { id: org, name: "Gmina Własna", admin: { username: admin, password: first } },
    });
    await call("/api/v1/auth/password", { token: await token(admin, first), body: { currentPassword: first, newPassword: own } });

    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, admin, own);
    const panel = page.getByTestId("staff-panel");
    await panel.getByRole("button", { name: `Nowe hasło tymczasowe: ${admin}` }).click();
    await expectText(
      panel.getByRole("alert").filter({ hasText: /./ }),
      "Własnego hasła nie zmienia się tutaj: każdy zmienia je sam, podając obecne.",
    );
    expect(await panel.getByTestId("staff-temp-password").count()).toBe(0);
    await expectNoViolations(page, "the staff panel, one's own new temporary password refused");
    // Still signed in, with the same password.
    await page.reload();
    await expectText(panel.locator(`tr[data-account="${admin}"] [data-testid="staff-state"]`), "Aktywne");
    expect(await token(admin, own)).toBeTruthy();
    await page.context().close();
  });
});
