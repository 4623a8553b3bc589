// The kiosk uses the whole screen, upright (1080×1920) and on its side (1920×1080), and keeps every control
// on it: every screen a citizen can meet (start, a department's matters, the ticket, the check-in keypad and
// its refusal, closed for a while or at this hour, the printer out, no connection) has every button inside the viewport,
// without scrolling. A big office (five departments, five matters with hints) is walked as well as the demo.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AgentSocket, openAgent } from "./agent-socket.ts";
import { base, call, expectText, launch, newPage, SIZES, screenshot, signIn, token } from "./helpers.ts";

const ORIENTATIONS = [
  ["portrait", SIZES.kiosk],
  ["landscape", SIZES.display],
] as const;

/** An office with many long names: five departments, the first with five matters and their hints. */
function bigSite(siteId: string, closure: { message: string } | null = null, hours: "all day" | "none" = "all day") {
  const allDay = hours === "all day" ? [["00:00", "24:00"]] : [];
  const matter = (id: string, name: string, prefix: string, hint?: string) => ({ id, name, prefix, serviceMinutes: 10, hint });
  const departments = [
    {
      id: "wk",
      name: "Wydział Komunikacji i Transportu Zbiorowego",
      matters: [
        matter("rej", "Rejestracja pojazdu sprowadzonego z zagranicy", "R", "zabierz dowód rejestracyjny i umowę kupna"),
        matter("wyrej", "Wyrejestrowanie pojazdu", "W", "zabierz zaświadczenie o demontażu"),
        matter("zbycie", "Zgłoszenie zbycia lub nabycia pojazdu", "Z"),
        matter("pj", "Prawo jazdy – wniosek o wydanie lub wymianę", "P", "zabierz zdjęcie i orzeczenie lekarskie"),
        matter("pkk", "Profil kandydata na kierowcę (PKK)", "K"),
      ],
    },
    { id: "wso", name: "Wydział Spraw Obywatelskich", matters: [matter("dowod", "Dowód osobisty", "D")] },
    { id: "bdg", name: "Biuro Działalności Gospodarczej", matters: [matter("ceidg", "CEIDG", "G")] },
    { id: "rwp", name: "Referat Wymiaru Podatków i Opłat Lokalnych", matters: [matter("podatek", "Podatek od nieruchomości", "N")] },
    { id: "usc", name: "Urząd Stanu Cywilnego", matters: [matter("akt", "Akt stanu cywilnego – odpis", "A")] },
  ];
  return {
    id: siteId,
    city: "Testowo",
    name: "Urząd Miejski w Testowie – Ratusz",
    address: "Rynek 1",
    voice: false,
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedOnPublicHolidays: false,
    departments,
    desks: [{ id: "s1", name: "Stanowisko 1", number: 1, matterIds: departments.flatMap((d) => d.matters.map((m) => m.id)) }],
    devices: [],
    booking: { horizonDays: 14, checkIn: "kiosk" },
    closure,
  };
}

/** Every visible button's box, and whether it lies inside the viewport (the page not scrolled). */
async function buttonsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const out: string[] = [];
    for (const b of document.querySelectorAll("button")) {
      const r = b.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
      if (!inside)
        out.push(
          `"${(b.textContent ?? "").trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return out;
  });
}

describe("kiosk layout in both orientations", () => {
  let browser: Browser;
  let admin: string;
  let agent: AgentSocket;
  const bigId = `e2e-kiosk-big-${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launch();
    admin = await token("admin", "admin");
    agent = await openAgent("demo", admin);
    await call(`/api/v1/sites/${bigId}?org=demo`, { method: "PUT", token: admin, body: bigSite(bigId) });
  });
  afterAll(async () => {
    agent?.printer("kiosk-1", "ready");
    await new Promise((r) => setTimeout(r, 300));
    agent?.close();
    await browser?.close();
  });

  async function open(viewport: { width: number; height: number }, siteId: string, user: string, password = "demo"): Promise<Page> {
    const page = await newPage(browser, { viewport, hasTouch: true });
    await page.goto(`${base()}/kiosk/${siteId}?idle=600`);
    await signIn(page, user, password);
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  async function expectAllInside(page: Page, where: string, shot?: string): Promise<void> {
    // Let the new screen settle (it takes no taps for a moment) and the live frame arrive.
    await page.waitForTimeout(300);
    if (shot) await screenshot(page, shot);
    expect(await buttonsOutside(page), where).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), `${where}: no scrolling`).toBe(true);
  }

  for (const [orientation, viewport] of ORIENTATIONS) {
    test(`${orientation}: the demo's start, matters, ticket, check-in keypad and its refusal, printer out, offline`, async () => {
      const page = await open(viewport, "demo", "kiosk-demo");
      await expectAllInside(page, "start", `kiosk-${orientation}-start`);

      await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
      await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
      await expectAllInside(page, "matters", `kiosk-${orientation}-matters`);

      await page.getByRole("button", { name: /Informacja/ }).tap();
      await page.getByTestId("kiosk-number").waitFor();
      await expectAllInside(page, "ticket", `kiosk-${orientation}-ticket`);
      await page.getByRole("button", { name: "Gotowe" }).tap();

      await page.getByRole("button", { name: "Mam rezerwację" }).tap();
      await page.getByRole("heading", { name: /Wpisz kod/ }).waitFor();
      await expectAllInside(page, "check-in keypad", `kiosk-${orientation}-booking`);
      for (const k of "ZZZZZZ") await page.getByRole("button", { name: k, exact: true }).tap();
      await page.getByRole("button", { name: "Potwierdź" }).tap();
      await expectText(page.getByTestId("booking-result"), "Nie ma rezerwacji z takim kodem");
      await expectAllInside(page, "check-in refusal", `kiosk-${orientation}-booking-refused`);
      await page.getByRole("button", { name: "Wstecz" }).tap();

      agent.printer("kiosk-1", "paper-out");
      await page.getByTestId("printer-note").waitFor();
      await expectAllInside(page, "start, printer out", `kiosk-${orientation}-printer-out`);
      await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
      await page.getByRole("button", { name: /Informacja/ }).tap();
      await page.getByTestId("not-printed").waitFor();
      await expectAllInside(page, "ticket, not printed", `kiosk-${orientation}-ticket-not-printed`);
      await page.getByRole("button", { name: "Gotowe" }).tap();
      agent.printer("kiosk-1", "ready");
      await page.getByTestId("printer-note").waitFor({ state: "detached" });

      await page.context().setOffline(true);
      await page.locator("[data-conn=offline]").waitFor();
      await expectAllInside(page, "start, offline", `kiosk-${orientation}-offline`);
      await page.context().setOffline(false);
      await page.context().close();
    });

    test(`${orientation}: a big office's start and matters, closed for a while, and closed at this hour`, async () => {
      const page = await open(viewport, bigId, "admin", "admin");
      await expectAllInside(page, "big office: start", `kiosk-${orientation}-big-start`);
      await page.getByRole("button", { name: "Wydział Komunikacji i Transportu Zbiorowego" }).tap();
      await page.getByRole("heading", { name: "Wybierz sprawę" }).waitFor();
      await expectAllInside(page, "big office: five matters", `kiosk-${orientation}-big-matters`);
      await page.getByRole("button", { name: "Wstecz" }).tap();

      await call(`/api/v1/sites/${bigId}?org=demo`, {
        method: "PUT",
        token: admin,
        body: bigSite(bigId, { message: "Awaria systemu. Zapraszamy jutro od 8:00." }),
      });
      await page.getByTestId("closure-message").waitFor();
      await expectAllInside(page, "closed for a while", `kiosk-${orientation}-closed`);
      await call(`/api/v1/sites/${bigId}?org=demo`, { method: "PUT", token: admin, body: bigSite(bigId) });
      await page.getByRole("button", { name: "Urząd Stanu Cywilnego" }).waitFor();

      // Closed at this hour: the note with the hours above the five departments.
      await call(`/api/v1/sites/${bigId}?org=demo`, { method: "PUT", token: admin, body: bigSite(bigId, null, "none") });
      await page.getByTestId("kiosk-hours").waitFor();
      await expectAllInside(page, "closed at this hour", `kiosk-${orientation}-closed-hours`);
      await call(`/api/v1/sites/${bigId}?org=demo`, { method: "PUT", token: admin, body: bigSite(bigId) });
      await page.context().close();
    });
  }
});
