// The audit log on the manager page and the operator's organisations. Toruń's administrator opens the
// log and finds their own sign-in; a site of theirs changed through the API shows as a change that opens
// to its changed values (by keyboard); the log filters by action and exports the CSV of its filters; axe
// finds nothing, in Polish and in English. The operator creates an organisation with its first
// administrator in "Organizacje" (a short password refused on its field first), reads its log, and the
// new administrator signs in to the manager page, and keeps the log's entries for 90 days.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  base,
  call,
  eventually,
  expectAttr,
  expectNoViolations,
  expectText,
  launch,
  newPage,
  SIZES,
  screenshot,
  signIn,
  token,
} from "./helpers.ts";

const STAMP = Date.now().toString(36);
const SITE_ID = `e2e-audit-${STAMP}`;
const ORG_ID = `e2e-org-${STAMP}`;
const ORG_NAME = "Starostwo Powiatowe w Chełmnie";
const ORG_ADMIN = `chelmno-admin-${STAMP}`;
const ORG_PASSWORD = "Tymczasowe-haslo-2026";

function siteConfig(name: string, serviceMinutes: number) {
  const hours = [["08:00", "16:00"]];
  return {
    id: SITE_ID,
    city: "Toruń",
    name,
    address: "ul. Wały gen. Sikorskiego 8, Toruń",
    voice: false,
    openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
    closedOnPublicHolidays: true,
    departments: [{ id: "bo", name: "Biuro Obsługi", matters: [{ id: "ogolna", name: "Sprawa ogólna", prefix: "A", serviceMinutes }] }],
    desks: [{ id: "o1", name: "Okienko 1", number: 1, matterIds: ["ogolna"] }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closure: null,
    screenLanguages: ["pl"],
  };
}

/** The rows of entries with this action. */
const rows = (page: Page, action: string) => page.locator(`tr[data-action="${action}"]`);

describe("manager page: the audit log", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin", "demo");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the administrator finds their own sign-in in the log", async () => {
    await page.getByRole("navigation", { name: "Widok organizacji" }).getByRole("button", { name: "Dziennik zdarzeń" }).click();
    await page.getByRole("heading", { name: "Dziennik zdarzeń" }).waitFor();
    await page.getByRole("table", { name: "Zdarzenia, od najnowszego" }).waitFor();
    const signedIn = rows(page, "login.succeeded").filter({ hasText: "torun-admin" }).first();
    await expectText(signedIn, /Logowanie/);
    await expectText(signedIn, /Zalogowano/);
    await expectNoViolations(page, "audit log");
  });

  test("a change of a site's settings opens to its changed values, by keyboard", async () => {
    const admin = await token("torun-admin", "demo");
    const put = (config: unknown) => call(`/api/v1/sites/${SITE_ID}`, { method: "PUT", token: admin, body: config });
    await put(siteConfig("Punkt Obsługi Mieszkańców", 10));
    await put(siteConfig("Punkt Obsługi Mieszkańców – Bydgoskie", 15));

    await page.getByRole("button", { name: "Pokaż" }).click();
    const changed = rows(page, "site.changed").filter({ hasText: SITE_ID }).first();
    await expectText(changed, /Zmiana ustawień placówki/);
    await expectText(changed, /torun-admin/);
    const created = rows(page, "site.created").filter({ hasText: SITE_ID }).first();
    await expectText(created, /Utworzenie placówki/);

    const toggle = changed.getByRole("button", { name: "Zmienione wartości (2)" });
    await expectAttr(toggle, "aria-expanded", "false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expectAttr(toggle, "aria-expanded", "true");
    const values = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
    await expect(values.isVisible()).resolves.toBe(true);
    const name = values.locator('tr[data-path="name"]');
    await expectText(name, /Punkt Obsługi Mieszkańców\s*→\s*Punkt Obsługi Mieszkańców – Bydgoskie/);
    const minutes = values.locator('tr[data-path="departments[bo].matters[ogolna].serviceMinutes"]');
    await expectText(minutes, /10\s*→\s*15/);
    await expectNoViolations(page, "audit log, a change opened");
    await screenshot(page, "admin-audit");
    // The same key closes it again.
    await page.keyboard.press("Space");
    await expectAttr(toggle, "aria-expanded", "false");
    await expect(values.isVisible()).resolves.toBe(false);
  });

  test("filtered by action, the log shows only that action, and exports the CSV of its filters", async () => {
    await page.getByLabel("Zdarzenie").selectOption({ label: "Zmiana ustawień placówki" });
    await page.getByRole("button", { name: "Pokaż" }).click();
    await expectText(rows(page, "site.changed").filter({ hasText: SITE_ID }).first(), /Zmiana ustawień placówki/);
    await eventually("only configuration changes listed", async () => {
      const changes = await rows(page, "site.changed").count();
      return changes > 0 && (await page.locator("tr[data-action]").count()) === changes;
    });
    expect(await rows(page, "login.succeeded").count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Eksportuj CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dziennik-zdarzen-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]?.replace(/^\uFEFF/, "")).toBe("id,at,actor,address,action,target,summary,changes");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes("site.changed"))).toBe(true);
    expect(csv).toContain(SITE_ID);
    await expectText(page.getByTestId("audit-exported"), /Pobrano plik dziennik-zdarzen-/);
  });

  test("in English the log reads in English and axe finds nothing", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByRole("table", { name: "Entries, newest first" }).waitFor();
    await expectText(rows(page, "site.changed").first(), /Office settings changed/);
    await expectNoViolations(page, "audit log in English");
    await page.getByRole("button", { name: "Przełącz na język polski" }).click();
  });
});

describe("manager page: the operator's organisations", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the operator creates an organisation with its administrator, who then signs in", async () => {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "admin", "admin");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await page.getByRole("button", { name: "Organizacje" }).click();
    await page.getByRole("heading", { name: "Organizacje" }).waitFor();
    await expectText(page.locator('tr[data-org="torun"]'), /torun-wsa/);
    await expectNoViolations(page, "organisations");

    const form = page.getByRole("form", { name: "Nowa organizacja" });
    await form.getByLabel("Identyfikator organizacji").fill(ORG_ID);
    await form.getByLabel("Nazwa organizacji").fill(ORG_NAME);
    await form.getByLabel("Nazwa użytkownika administratora").fill(ORG_ADMIN);
    await form.getByLabel("Hasło tymczasowe administratora").fill("za-krotkie");
    await form.getByRole("button", { name: "Utwórz organizację" }).click();
    // Refused on the password field, with the focus there; nothing is stored.
    const password = form.getByLabel("Hasło tymczasowe administratora");
    await expectAttr(password, "aria-invalid", "true");
    await eventually("the focus on the password", () => page.evaluate(() => document.activeElement?.id === "org-password"));
    await expectText(form.locator("#org-password-error"), /12/);
    await expectNoViolations(page, "organisations, a refused password");

    // A taken user name is refused on its own field.
    await form.getByLabel("Nazwa użytkownika administratora").fill("torun-admin");
    await password.fill(ORG_PASSWORD);
    await form.getByRole("button", { name: "Utwórz organizację" }).click();
    await expectAttr(form.getByLabel("Nazwa użytkownika administratora"), "aria-invalid", "true");
    await expectText(form.locator("#org-username-error"), /zajęta/);
    const before = await call<{ organisations: { id: string }[] }>("/api/v1/organisations", { token: await token("admin", "admin") });
    expect(before.organisations.some((o) => o.id === ORG_ID)).toBe(false);

    await form.getByLabel("Nazwa użytkownika administratora").fill(ORG_ADMIN);
    await form.getByRole("button", { name: "Utwórz organizację" }).click();
    const created = page.getByTestId("org-created");
    await expectText(created, new RegExp(`Administrator: ${ORG_ADMIN}, hasło tymczasowe: ${ORG_PASSWORD}`));
    await eventually("the focus on the note", () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "org-created"),
    );
    await expectText(page.locator(`tr[data-org="${ORG_ID}"]`), ORG_NAME);
    await expectNoViolations(page, "organisations, one created");
    await screenshot(page, "admin-organisations", { fullPage: true });

    // Its log, chosen by the operator, records its creation.
    await page.getByRole("button", { name: `Dziennik zdarzeń: ${ORG_NAME}` }).click();
    await page.getByRole("heading", { name: `Dziennik zdarzeń: ${ORG_NAME}` }).waitFor();
    await expectText(rows(page, "organisation.created").first(), /Utworzenie organizacji/);
    await expectNoViolations(page, "an organisation's log, for the operator");
    await page.getByRole("button", { name: "Wróć do listy organizacji" }).click();
    await eventually("the focus back on its button", () =>
      page.evaluate((org) => document.activeElement?.closest("tr")?.getAttribute("data-org") === org, ORG_ID),
    );

    // The new administrator signs in to the manager page and finds that sign-in in their log.
    const theirs = await newPage(browser, { viewport: SIZES.pc });
    await theirs.goto(`${base()}/admin`);
    await signIn(theirs, ORG_ADMIN, ORG_PASSWORD);
    // The operator's password is temporary: the administrator sets their own first.
    await theirs.getByRole("heading", { name: "Ustaw nowe hasło" }).waitFor();
    await theirs.getByLabel("Nowe hasło", { exact: true }).fill("haslo-nowej-gminy-2026");
    await theirs.getByLabel("Powtórz nowe hasło").fill("haslo-nowej-gminy-2026");
    await theirs.getByRole("button", { name: "Zmień hasło" }).click();
    await theirs.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await theirs.getByRole("button", { name: "Dziennik zdarzeń" }).click();
    await expectText(rows(theirs, "login.succeeded").filter({ hasText: ORG_ADMIN }).first(), /Logowanie/);

    // They keep the log's entries for 90 days instead of a year; the change is itself in the log.
    const keep = theirs.getByRole("form", { name: "Przechowywanie wpisów" });
    const days = keep.getByLabel("Okres przechowywania wpisów (dni)");
    await eventually("a year shown", async () => (await days.inputValue()) === "365");
    await days.fill("90");
    await keep.getByRole("button", { name: "Zapisz okres" }).click();
    await expectText(keep.getByTestId("audit-retention-saved"), "Zapisano: wpisy dziennika są przechowywane przez 90 dni.");
    await expectText(rows(theirs, "audit.retention-changed").first(), /Zmiana okresu przechowywania dziennika.*90 dni/);
    await expectNoViolations(theirs, "audit log, its retention changed");
    const theirToken = await token(ORG_ADMIN, "haslo-nowej-gminy-2026");
    expect(await call<{ days: number }>("/api/v1/audit/retention", { token: theirToken })).toEqual({ days: 90 });
  });
});
