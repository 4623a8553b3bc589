// Priority service end to end (issue 14), at the demo site torun-copernicus, which no other browser test
// uses: its manager turns priority on and gives it a PJM interpreter link in the settings editor; a citizen at its kiosk asks for
// the interpreter, reads who has priority and takes a priority ticket; the ticket shows the priority mark;
// the clerk console lists it with the mark and the interpreter, and calling it offers the interpreter link
// in a new tab. axe finds nothing on the editor's new fields, the kiosk's new screens nor the console.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../protocol/config.ts";
import { base, call, expectAttr, expectNoViolations, expectText, launch, newPage, openConsole, SIZES, signIn, token } from "./helpers.ts";

const SITE = "torun-copernicus";
const INTERPRETER = "https://tlumacz-pjm.example.pl/polacz/torun-copernicus";
const allDay: [string, string][] = [["00:00", "24:00"]];

describe("priority service", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
    // The point opens around the clock for the test (its real hours would close it in the evening).
    const manager = await token("torun-admin");
    const config = await call<SiteConfig>(`/api/v1/sites/${SITE}/config`, { token: manager });
    await call(`/api/v1/sites/${SITE}`, {
      token: manager,
      method: "PUT",
      body: {
        ...config,
        openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        specialDays: [],
        closedOnPublicHolidays: false,
        booking: { ...config.booking, daysOff: [] },
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the manager turns priority on and gives the interpreter link in the settings editor; a link that is not https is refused by its field", async () => {
    const page = await newPage(browser, { viewport: SIZES.pc });
    await page.goto(`${base()}/admin`);
    await signIn(page, "torun-admin");
    await page.getByRole("heading", { name: "Panel kierownika" }).waitFor();
    await page.getByLabel("Placówka", { exact: true }).selectOption(SITE);
    await page.getByRole("button", { name: "Ustawienia placówki" }).click();
    const section = page.getByRole("group", { name: "Pierwszeństwo obsługi i tłumacz PJM" });
    await section.waitFor();
    expect(await section.getByLabel("Nazwa grupy").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      "Kobiety w ciąży",
      "Osoby z niepełnosprawnością",
      "Rodzic z małym dzieckiem",
      "Posiadacze Karty Dużej Rodziny",
    ]);
    await section.getByLabel("Pierwszeństwo obsługi w kiosku").check();
    const url = section.getByLabel("Link do tłumacza PJM na odległość (opcjonalnie)");
    await url.fill("http://tlumacz-pjm.example.pl/polacz");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectAttr(url, "aria-invalid", "true", 10_000);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("interpreterUrl");
    expect((await call<SiteConfig>(`/api/v1/sites/${SITE}/config`, { token: await token("torun-admin") })).priority.enabled).toBe(false);

    await url.fill(INTERPRETER);
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expectText(page.getByTestId("cfg-outcome"), /^Zapisano/, 10_000);
    await expectNoViolations(page, "settings editor: priority service and the interpreter");
    const stored = await call<SiteConfig>(`/api/v1/sites/${SITE}/config`, { token: await token("torun-admin") });
    expect(stored.priority).toMatchObject({ enabled: true, mode: "first" });
    expect(stored.interpreterUrl).toBe(INTERPRETER);
    await page.context().close();
  });

  test("the kiosk issues a priority ticket with the interpreter flag; the console shows both and offers the interpreter link", async () => {
    const kiosk = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await kiosk.goto(`${base()}/kiosk/${SITE}`);
    await signIn(kiosk, `${SITE}-kiosk-1`);
    await kiosk.getByRole("heading", { name: "Pobierz numerek" }).waitFor();

    // "Potrzebuję tłumacza PJM" is a toggle; pressed, it says what happens.
    const pjm = kiosk.getByRole("button", { name: "Potrzebuję tłumacza PJM", disabled: false });
    await pjm.tap();
    await expectAttr(pjm, "aria-pressed", "true");
    await expectText(kiosk.getByText(/^Tłumacz PJM:/).first(), "Tłumacz PJM: urzędnik połączy się z tłumaczem przez wideo.");

    // "Pierwszeństwo obsługi" lists the site's groups first.
    await kiosk.getByRole("button", { name: "Pierwszeństwo obsługi", disabled: false }).tap();
    await kiosk.getByRole("heading", { name: "Pierwszeństwo obsługi" }).waitFor();
    const groups = kiosk.getByTestId("kiosk-priority").getByRole("listitem");
    expect(await groups.allInnerTexts()).toEqual([
      "Kobiety w ciąży",
      "Osoby z niepełnosprawnością",
      "Rodzic z małym dzieckiem",
      "Posiadacze Karty Dużej Rodziny",
    ]);
    await expectNoViolations(kiosk, "kiosk: who has priority");
    await kiosk.getByRole("button", { name: "Dalej: wybierz sprawę", disabled: false }).tap();
    await expectText(kiosk.getByTestId("kiosk-priority-on"), /dostaniesz numerek z pierwszeństwem/);
    await expectNoViolations(kiosk, "kiosk: start with priority and the interpreter chosen");

    const sent = kiosk.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/sites/${SITE}/tickets`));
    const answered = kiosk.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/sites/${SITE}/tickets`));
    await kiosk.getByRole("button", { name: "Punkt Informacyjny UMT", disabled: false }).tap();
    await kiosk.getByRole("button", { name: /Informacja i przyjmowanie pism/, disabled: false }).tap();
    expect((await sent).postDataJSON()).toEqual({ matterId: "informacja", priority: true, interpreter: true });
    const ticket = (await (await answered).json()) as { number: string; priority?: boolean; interpreter?: boolean };
    expect(ticket).toMatchObject({ priority: true, interpreter: true });

    // The ticket carries the priority mark (said as "pierwszeństwo") and the interpreter note.
    const number = kiosk.getByTestId("kiosk-number");
    await expectText(number, new RegExp(`${ticket.number}$`));
    expect(await number.getByRole("img", { name: "pierwszeństwo" }).innerText()).toBe("P");
    await kiosk.getByTestId("kiosk-interpreter").waitFor();
    await expectNoViolations(kiosk, "kiosk: a priority ticket");
    await kiosk.context().close();

    // The clerk's console: the mark and the interpreter in the waiting list.
    const clerk = await newPage(browser, { viewport: SIZES.console });
    await openConsole(clerk, `${SITE}-urzednik`, "Stanowisko 2");
    const row = clerk.locator(`[data-testid="queue"] tr[data-number="${ticket.number}"]`);
    await row.waitFor();
    expect(await row.getByRole("img", { name: "pierwszeństwo" }).count()).toBe(1);
    await expectText(row.getByTestId("interpreter"), "(tłumacz PJM)");

    // Called, the current client shows the mark and the interpreter link, which opens in a new tab.
    await row.getByRole("button", { name: `Wezwij numer ${ticket.number}` }).click();
    const current = clerk.getByTestId("current");
    await expectText(current.getByTestId("current-number"), new RegExp(`${ticket.number}$`));
    expect(await current.getByRole("img", { name: "pierwszeństwo" }).count()).toBe(1);
    const link = current.getByRole("link", { name: "Połącz z tłumaczem PJM (nowa karta)" });
    await expectAttr(link, "href", INTERPRETER);
    await expectAttr(link, "target", "_blank");
    await expectNoViolations(clerk, "clerk console: an interpreter ticket called");
    await clerk.context().close();
  });

  test("the next citizen does not inherit them: going idle forgets priority and the interpreter", async () => {
    const kiosk = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await kiosk.goto(`${base()}/kiosk/${SITE}?idle=2`);
    await signIn(kiosk, `${SITE}-kiosk-1`);
    await kiosk.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    const pjm = kiosk.getByRole("button", { name: "Potrzebuję tłumacza PJM", disabled: false });
    await pjm.tap();
    await kiosk.getByRole("button", { name: "Pierwszeństwo obsługi", disabled: false }).tap();
    await kiosk.getByRole("button", { name: "Dalej: wybierz sprawę", disabled: false }).tap();
    await kiosk.getByTestId("kiosk-priority-on").waitFor();
    await expectAttr(pjm, "aria-pressed", "true");
    // Two seconds without a touch, on the start screen itself.
    await expectAttr(pjm, "aria-pressed", "false", 8_000);
    await kiosk.getByRole("button", { name: "Pierwszeństwo obsługi" }).waitFor();
    expect(await kiosk.getByTestId("kiosk-priority-on").count()).toBe(0);
    await kiosk.context().close();
  });
});
