// The manager page's settings editor: a manager of every site builds a new office by clicking (its
// details, a department with two matters, two desks serving them in their own order, opening hours with
// a break), creates it, and sees it take effect (the public list, a kiosk of it); renames a matter and
// sees it saved; two matters with one letter and hours that end before they start are refused by the
// server, shown by the field with the focus there, and nothing is stored; leaving with unsaved changes
// asks first. axe finds nothing, in Polish and in English.
import type { Browser, Locator, Page } from "playwright-core";
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

const SITE_ID = `e2e-cfg-${Date.now().toString(36)}`;
const NAME = "Urząd Miasta Torunia – Filia Rubinkowo";
const DEPARTMENT = "Wydział Spraw Obywatelskich";
const MATTERS = ["Dowód osobisty", "Meldunek"] as const;

interface StoredMatter {
  id: string;
  name: string;
  prefix: string;
}
interface Stored {
  name: string;
  departments: { name: string; matters: StoredMatter[] }[];
  desks: { id: string; name: string; number: number; matterIds: string[] }[];
  openingHours: Record<string, [string, string][]>;
}

async function stored(admin: string): Promise<Stored> {
  return call<Stored>(`/api/v1/sites/${SITE_ID}/config`, { token: admin });
}

/** The id of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

function group(scope: Page | Locator, name: string | RegExp): Locator {
  return scope.getByRole("group", { name, exact: typeof name === "string" });
}

describe("manager page: the settings editor", () => {
  let browser: Browser;
  let page: Page;
  let admin: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
    page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    // Toruń's administrator: sites are created in the administrator's organisation.
    await signIn(page, "torun-admin", "demo");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a new office built by clicking: created, listed, and its kiosk shows its two matters", async () => {
    await page.getByRole("button", { name: "Nowa placówka" }).click();
    await page.getByRole("heading", { name: "Nowa placówka" }).waitFor();
    const site = group(page, "Placówka");
    await site.getByLabel("Identyfikator placówki").fill(SITE_ID);
    await site.getByLabel("Nazwa placówki").fill(NAME);
    await site.getByLabel("Miasto").fill("Toruń");
    await site.getByLabel("Adres", { exact: true }).fill("ul. Rydygiera 30/32, Toruń");

    // A department with two matters; each new item's first field takes the focus.
    await page.getByRole("button", { name: "Dodaj wydział" }).click();
    await eventually("the focus on cfg-departments-0-name", async () => (await focused(page)) === "cfg-departments-0-name");
    await page.keyboard.type(DEPARTMENT);
    const department = group(page, `Wydział 1: ${DEPARTMENT}`);
    for (const [i, name] of MATTERS.entries()) {
      await department.getByRole("button", { name: /^Dodaj sprawę/ }).click();
      await eventually(
        `the focus on cfg-departments-0-matters-${i}-name`,
        async () => (await focused(page)) === `cfg-departments-0-matters-${i}-name`,
      );
      await page.keyboard.type(name);
      await group(department, `Sprawa ${i + 1}: ${name}`)
        .getByLabel("Czas obsługi (minuty)")
        .fill("5");
    }
    // New matters take letters nobody uses.
    expect(await group(department, `Sprawa 2: ${MATTERS[1]}`).getByLabel("Litera numerka").inputValue()).toBe("B");

    // Two desks: the first serves both, "Meldunek" first; the second only "Dowód osobisty".
    await page.getByRole("button", { name: "Dodaj stanowisko" }).click();
    await page.getByRole("button", { name: "Dodaj stanowisko" }).click();
    const desk1 = group(page, "Stanowisko 1");
    const desk2 = group(page, "Stanowisko 2");
    await desk1.getByRole("button", { name: /^Dodaj: Dowód osobisty/ }).click();
    await desk1.getByRole("button", { name: /^Dodaj: Meldunek/ }).click();
    await desk2.getByLabel("Sprawa do dodania").selectOption({ label: "Dowód osobisty (A)" });
    await desk2.getByRole("button", { name: /^Dodaj: Dowód osobisty/ }).click();
    // By keyboard: "Niżej" on the first moves it down, and the focus stays on the button that still works.
    await desk1.getByRole("button", { name: "Niżej: Dowód osobisty (A)" }).focus();
    await page.keyboard.press("Enter");
    await expectText(desk1.locator("ol"), "Meldunek (B) Wyżej Niżej Usuń Dowód osobisty (A)");
    await eventually("the focus on the first matter's Wyżej", async () => /-m1-up$/.test(await focused(page)));

    // Opening hours: Monday with a break (8:00-12:00 and 12:30-16:00).
    const monday = group(page, "Poniedziałek");
    await monday.getByLabel("do", { exact: true }).fill("12:00");
    await monday.getByRole("button", { name: "Dodaj przedział – Poniedziałek" }).click();
    await eventually("the focus on cfg-openingHours-mon-1-0", async () => (await focused(page)) === "cfg-openingHours-mon-1-0");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("12:30");
    await monday.getByLabel("do", { exact: true }).nth(1).fill("16:00");
    await expectText(page.getByTestId("cfg-dirty"), "Są niezapisane zmiany.");
    await expectNoViolations(page, "settings editor, a new office filled in");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "admin-new-site");
    await page.getByRole("heading", { name: "Stanowiska", exact: true }).evaluate((h) => h.scrollIntoView());
    await screenshot(page, "admin-editor-desks");

    await page.getByRole("button", { name: "Utwórz placówkę" }).click();
    await expectText(page.getByTestId("site-created"), `Utworzono placówkę „${NAME}”`, 10_000);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("site-created");
    // The page now edits the new office, chosen in the header.
    await page.getByRole("heading", { name: "Ustawienia placówki" }).waitFor();
    expect(await page.getByLabel("Placówka", { exact: true }).inputValue()).toBe(SITE_ID);
    expect(await page.getByTestId("cfg-dirty").innerText()).toBe("");

    const config = await stored(admin);
    expect(config.name).toBe(NAME);
    expect(config.departments[0]!.matters.map((m) => [m.name, m.prefix])).toEqual([
      ["Dowód osobisty", "A"],
      ["Meldunek", "B"],
    ]);
    expect(config.desks.map((d) => [d.name, d.number, d.matterIds])).toEqual([
      ["Stanowisko 1", 1, ["m2", "m1"]],
      ["Stanowisko 2", 2, ["m1"]],
    ]);
    expect(config.openingHours.mon).toEqual([
      ["08:00", "12:00"],
      ["12:30", "16:00"],
    ]);
    const { sites } = await call<{ sites: { id: string; name: string }[] }>("/api/v1/sites");
    expect(sites.find((s) => s.id === SITE_ID)?.name).toBe(NAME);

    // A kiosk of the new office shows its department and both matters.
    const kiosk = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await kiosk.goto(`${base()}/kiosk/${SITE_ID}`);
    await signIn(kiosk, "admin", "admin");
    await kiosk.getByRole("button", { name: DEPARTMENT }).tap();
    for (const name of MATTERS) await kiosk.getByRole("button", { name: new RegExp(name) }).waitFor();
    await kiosk.context().close();
  });

  test("a renamed matter is saved and read back", async () => {
    const matter = group(page, /^Sprawa 1: /);
    await matter.getByLabel("Nazwa sprawy").fill("Dowód osobisty – wniosek");
    await expectText(page.getByTestId("cfg-dirty"), "Są niezapisane zmiany.");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectText(page.getByTestId("cfg-outcome"), "Zapisano", 10_000);
    expect((await stored(admin)).departments[0]!.matters[0]!.name).toBe("Dowód osobisty – wniosek");
    expect(await group(page, "Sprawa 1: Dowód osobisty – wniosek").getByLabel("Nazwa sprawy").inputValue()).toBe(
      "Dowód osobisty – wniosek",
    );
    expect(await page.getByTestId("cfg-dirty").innerText()).toBe("");
  });

  test("two matters with one letter, then hours that end before they start: refused by the field, focus there, nothing stored", async () => {
    const before = await stored(admin);
    const prefix = group(page, /^Sprawa 2: /).getByLabel("Litera numerka");
    await prefix.fill("a");
    expect(await prefix.inputValue()).toBe("A");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectAttr(prefix, "aria-invalid", "true");
    await expectText(page.getByTestId("cfg-outcome"), "Nie zapisano");
    await eventually(
      "the focus on cfg-departments-0-matters-1-prefix",
      async () => (await focused(page)) === "cfg-departments-0-matters-1-prefix",
    );
    const error = page.locator("#cfg-departments-0-matters-1-prefix-error");
    await expectText(error, /"A"/);
    expect(await prefix.getAttribute("aria-describedby")).toContain("cfg-departments-0-matters-1-prefix-error");
    // What was typed is still there, and nothing was stored.
    expect(await prefix.inputValue()).toBe("A");
    expect(await stored(admin)).toEqual(before);
    await expectNoViolations(page, "settings editor, a refused prefix");
    await screenshot(page, "admin-editor-refused");

    // Corrected, the problem goes; Tuesday then opens at 16:00 and closes at 8:00.
    await prefix.fill("B");
    expect(await prefix.getAttribute("aria-invalid")).toBeNull();
    const tuesday = group(page, "Wtorek");
    await tuesday.getByLabel("od", { exact: true }).fill("16:00");
    await tuesday.getByLabel("do", { exact: true }).fill("08:00");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await eventually("the focus on Tuesday's opening time", async () => (await focused(page)) === "cfg-openingHours-tue-0-0");
    await expectText(page.getByTestId("cfg-outcome"), "Nie zapisano");
    await expectText(page.locator("#cfg-openingHours-tue-0-0-error"), /16:00/);
    expect(await tuesday.getByLabel("do", { exact: true }).inputValue()).toBe("08:00");
    expect(await stored(admin)).toEqual(before);

    // A number field keeps what was typed and says it is no number; nothing is sent.
    const minutes = group(page, /^Sprawa 2: /).getByLabel("Czas obsługi (minuty)");
    await minutes.fill("pięć");
    await expectText(page.locator("#cfg-departments-0-matters-1-serviceMinutes-error"), "Wpisz liczbę całkowitą.");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await eventually("the focus on the service time", async () => (await focused(page)) === "cfg-departments-0-matters-1-serviceMinutes");
    await expectText(page.getByTestId("cfg-outcome"), "Nie zapisano: popraw zaznaczone pole");
    expect(await minutes.inputValue()).toBe("pięć");
    expect(await stored(admin)).toEqual(before);
  });

  test("leaving with unsaved changes asks first; in English the editor reads in English", async () => {
    const site = page.getByLabel("Placówka", { exact: true });
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await site.selectOption("torun-wk");
    expect(asked).toContain("niezapisane zmiany");
    expect(await site.inputValue()).toBe(SITE_ID);
    expect(await group(page, "Wtorek").getByLabel("od", { exact: true }).inputValue()).toBe("16:00");

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Office settings" }).waitFor();
    await expectText(page.getByTestId("cfg-dirty"), "There are unsaved changes.");
    await expectNoViolations(page, "settings editor in English, unsaved changes");
    await page.getByRole("button", { name: "Przełącz na język polski" }).click();

    // Discarded on purpose: the other office's settings are read as stored.
    page.once("dialog", (d) => void d.accept());
    await site.selectOption("torun-wk");
    await page.getByRole("button", { name: "Ustawienia placówki" }).click();
    await expectText(group(page, "Placówka"), "torun-wk");
    await page.context().close();
  });
});
