// A city runs its own office, from nothing: the operator creates an organisation with its first
// administrator; the administrator sets their own password, builds an office by clicking (a site, two
// matters, two desks, opening hours), creates a clerk, and pairs a kiosk and a hall screen by the codes
// they show. A citizen takes a ticket at the new kiosk; the clerk (after setting their own password)
// calls it; the hall screen shows the call; the audit log shows each step. Revoking the kiosk takes it
// back to a pairing code at once. axe finds nothing on the pages the administrator uses.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base, call, expectAttr, expectNoViolations, expectText, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";

const STAMP = Date.now().toString(36);
const ORG_ID = `gmina-${STAMP}`;
const ADMIN = `admin-${STAMP}`;
const SITE_ID = `urzad-${STAMP}`;
const CLERK = `urzednik-${STAMP}`;
const DEPARTMENT = "Biuro Obsługi Mieszkańców";
const MATTERS = ["Dowód osobisty", "Meldunek"] as const;
const SITE_VIEW = "Placówka";
const DAYS = ["Poniedziałek", "Wtorek", "Środa", "Czwartek", "Piątek", "Sobota", "Niedziela"] as const;

function group(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("group", { name, exact: true });
}

/** Opens a device page with no credentials and reads the pairing code it shows. */
async function pairingCode(page: Page, path: string): Promise<string> {
  await page.goto(`${base()}${path}`);
  const code = page.getByTestId("pairing-code");
  await expectText(code, /^[A-Z0-9]{3}-[A-Z0-9]{3}$/, 10_000);
  return (await code.innerText()).trim();
}

/** On the manager page: pairs the device showing `code` as a new device of `kind` named `name`. */
async function pairNew(page: Page, code: string, kind: string, name: string): Promise<void> {
  const card = page.getByRole("region", { name: "Urządzenia" });
  await card.getByLabel("Kod parowania z ekranu urządzenia").fill(code.toLowerCase());
  await card.getByLabel("To urządzenie to").selectOption({ label: "Nowe urządzenie…" });
  await card.getByLabel("Rodzaj").selectOption({ label: kind });
  await card.getByLabel(/^Nazwa/).fill(name);
  await card.getByRole("button", { name: "Sparuj" }).click();
  await expectText(card.getByRole("status"), `Sparowano: ${name}.`, 10_000);
}

describe("an office from nothing", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a new organisation's administrator builds an office, pairs its kiosk and hall screen, and its clerk calls the first ticket", async () => {
    // The operator creates the organisation and its first administrator with a temporary password.
    const operator = await token("admin", "admin");
    await call("/api/v1/organisations", {
      token: operator,
      body: { id: ORG_ID, name: `Gmina Testowa ${STAMP}`, admin: { username: ADMIN, password: "tymczasowe-haslo-1" } },
    });

    // The administrator signs in and sets their own password before anything else.
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, ADMIN, "tymczasowe-haslo-1");
    await page.getByRole("heading", { name: "Ustaw nowe hasło" }).waitFor();
    await page.getByLabel("Nowe hasło", { exact: true }).fill("haslo-administratora-2026");
    await page.getByLabel("Powtórz nowe hasło").fill("haslo-administratora-2026");
    await page.getByRole("button", { name: "Zmień hasło" }).click();
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();

    // A site with a department of two matters, two desks, and hours round the clock (the test runs at any hour).
    await page.getByRole("button", { name: "Nowa placówka" }).click();
    await page.getByRole("heading", { name: "Nowa placówka" }).waitFor();
    const site = group(page, "Placówka");
    await site.getByLabel("Identyfikator placówki").fill(SITE_ID);
    await site.getByLabel("Nazwa placówki").fill("Urząd Gminy Testowej");
    await site.getByLabel("Miasto").fill("Testowo");
    await site.getByLabel("Adres", { exact: true }).fill("ul. Rynek 1, Testowo");
    await page.getByRole("button", { name: "Dodaj wydział" }).click();
    await page.keyboard.type(DEPARTMENT);
    const department = group(page, `Wydział 1: ${DEPARTMENT}`);
    for (const [i, name] of MATTERS.entries()) {
      await department.getByRole("button", { name: /^Dodaj sprawę/ }).click();
      await page.keyboard.type(name);
      await group(department, `Sprawa ${i + 1}: ${name}`)
        .getByLabel("Czas obsługi (minuty)")
        .fill("5");
    }
    await page.getByRole("button", { name: "Dodaj stanowisko" }).click();
    await page.getByRole("button", { name: "Dodaj stanowisko" }).click();
    const desk1 = group(page, "Stanowisko 1");
    await desk1.getByRole("button", { name: /^Dodaj: Dowód osobisty/ }).click();
    await desk1.getByRole("button", { name: /^Dodaj: Meldunek/ }).click();
    const desk2 = group(page, "Stanowisko 2");
    await desk2.getByRole("button", { name: /^Dodaj: Dowód osobisty/ }).click();
    for (const day of DAYS) {
      const hours = group(page, day);
      if ((await hours.getByLabel("od", { exact: true }).count()) === 0) {
        await hours.getByRole("button", { name: `Dodaj przedział – ${day}` }).click();
      }
      await hours.getByLabel("od", { exact: true }).first().fill("00:00");
      await hours.getByLabel("do", { exact: true }).first().fill("24:00");
    }
    await page.getByLabel("Zamknięte w święta państwowe").uncheck();
    await page.getByRole("button", { name: "Utwórz placówkę" }).click();
    await expectText(page.getByTestId("site-created"), "Utworzono placówkę", 10_000);

    // A clerk of desk 1, with a temporary password shown once.
    const staff = page.getByTestId("staff-panel");
    await staff.getByRole("button", { name: "Nowe konto" }).click();
    await staff.getByLabel("Nazwa użytkownika").fill(CLERK);
    await staff.getByLabel("Rola").selectOption("clerk");
    await staff.getByRole("group", { name: "Placówki" }).getByLabel("Urząd Gminy Testowej").check();
    await staff.getByRole("group", { name: "Stanowiska" }).getByLabel("Stanowisko 1 (Urząd Gminy Testowej)").check();
    await staff.getByRole("button", { name: "Utwórz konto" }).click();
    await expectText(staff.getByTestId("staff-outcome"), `Utworzono konto ${CLERK}.`);
    const temporary = ((await staff.getByTestId("staff-temp-password").locator("code").textContent()) ?? "").trim();

    // The kiosk and the hall screen, opened with no credentials, show pairing codes.
    const kiosk = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    const kioskCode = await pairingCode(kiosk, `/kiosk/${SITE_ID}`);
    await expectNoViolations(kiosk, "a kiosk showing its pairing code");
    await screenshot(kiosk, "kiosk-pairing");
    const hall = await newPage(browser, { viewport: SIZES.display });
    const hallCode = await pairingCode(hall, `/display/${SITE_ID}`);
    expect(hallCode).not.toBe(kioskCode);

    // The administrator pairs them from the site's work view; both start by themselves.
    await page.getByRole("button", { name: "Bieżąca praca" }).click();
    await pairNew(page, kioskCode, "biletomat", "Biletomat przy wejściu");
    await pairNew(page, hallCode, "ekran grupowy", "Ekran w holu");
    await kiosk.getByRole("heading", { name: "Pobierz numerek" }).waitFor({ timeout: 15_000 });
    await hall.locator(".display-site").waitFor({ timeout: 15_000 });
    const listed = page.getByTestId("paired-devices");
    await expectText(listed, /Biletomat przy wejściu/);
    await expectText(listed, /Ekran w holu/);
    await expectNoViolations(page, "the manager page with paired devices");
    await screenshot(page, "admin-devices", { fullPage: true });

    // A citizen takes a ticket at the new kiosk.
    await kiosk.getByRole("button", { name: DEPARTMENT }).tap();
    await kiosk.getByRole("button", { name: /Dowód osobisty/ }).tap();
    const numberLoc = kiosk.getByTestId("kiosk-number");
    await expectText(numberLoc, /^A\d{3}$/);
    const number = (await numberLoc.innerText()).trim();

    // The clerk sets their own password and calls it; the hall screen shows the call.
    const clerk = await newPage(browser, { viewport: SIZES.console });
    await clerk.goto(`${base()}/clerk`);
    await signIn(clerk, CLERK, temporary);
    await clerk.getByRole("heading", { name: "Ustaw nowe hasło" }).waitFor();
    await clerk.getByLabel("Nowe hasło", { exact: true }).fill("haslo-urzednika-2026");
    await clerk.getByLabel("Powtórz nowe hasło").fill("haslo-urzednika-2026");
    await clerk.getByRole("button", { name: "Zmień hasło" }).click();
    const open = clerk.getByRole("button", { name: "Otwórz konsolę" });
    // An account of one desk may go straight to its console.
    await Promise.race([open.waitFor(), clerk.getByRole("heading", { name: "Bieżący klient" }).waitFor()]);
    if (await open.isVisible()) await open.click();
    await clerk.getByRole("heading", { name: "Bieżący klient" }).waitFor();
    await clerk.getByRole("button", { name: /Wezwij następnego/ }).click();
    await expectText(clerk.getByTestId("current-number"), number);
    await expectAttr(hall.getByTestId("newest-call"), "data-number", number);

    // The audit log shows each step, with who did it.
    await page.getByRole("button", { name: "Dziennik zdarzeń" }).click();
    const log = page.locator("tbody");
    for (const action of ["password.changed", "site.created", "account.created", "device.paired"]) {
      await expectText(log.locator(`tr[data-action="${action}"]`).first(), new RegExp(action === "password.changed" ? CLERK : ADMIN));
    }
    await expectNoViolations(page, "the audit log of the new organisation");

    // Revoked, the kiosk goes back to a pairing code at once.
    await page.getByRole("button", { name: SITE_VIEW, exact: true }).click();
    await page.getByRole("button", { name: "Bieżąca praca" }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Odłącz Biletomat przy wejściu" }).click();
    await expectText(kiosk.getByTestId("pairing-code"), /^[A-Z0-9]{3}-[A-Z0-9]{3}$/, 10_000);
    await Promise.all([kiosk, hall, clerk, page].map((p) => p.context().close()));
  });
});
