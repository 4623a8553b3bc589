// The kiosk's printer fallback: the print agent reports the kiosk's printer out of paper, the kiosk's
// start screen says so (the ticket is shown on screen, scan its QR code), a ticket taken then says it
// was not printed and shows a QR code that really holds the e-ticket link; "ready" takes the note away.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AgentSocket, openAgent } from "./agent-socket.ts";
import {
  base,
  decodeQr,
  expectHidden,
  expectNoViolations,
  expectText,
  launch,
  newPage,
  SIZES,
  screenshot,
  signIn,
  token,
} from "./helpers.ts";

const BANNER = "Drukarka nieczynna – bilet pokażemy na ekranie, zeskanuj kod QR telefonem";

describe("kiosk printer fallback", () => {
  let browser: Browser;
  let agent: AgentSocket;

  beforeAll(async () => {
    browser = await launch();
    agent = await openAgent("demo", await token("admin", "admin"));
  });
  afterAll(async () => {
    // Whatever happened, the other tests find the printer working.
    agent?.printer("kiosk-1", "ready");
    await new Promise((r) => setTimeout(r, 300));
    agent?.close();
    await browser?.close();
  });

  async function openKiosk(): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await signIn(page, "kiosk-demo");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    return page;
  }

  test("paper out: the start screen says so, the ticket says it was not printed; ready: the note goes", async () => {
    agent.printer("kiosk-1", "ready");
    const page = await openKiosk();
    const banner = page.getByTestId("printer-note");
    // Known to be ready: no note.
    await page.waitForTimeout(500);
    expect(await banner.count()).toBe(0);

    agent.printer("kiosk-1", "paper-out");
    await expectText(banner, BANNER);
    await expectText(page.getByRole("status").filter({ hasText: "Drukarka nieczynna" }), BANNER);
    await expectNoViolations(page, "kiosk start with the printer note");
    await screenshot(page, "kiosk-printer-out");

    // A ticket now: the screen says it was not printed, and its QR code is the e-ticket.
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    await expectText(page.getByTestId("not-printed"), "Bilet nie został wydrukowany – drukarka jest nieczynna.");
    await expectText(page.locator(".kiosk-qr figcaption"), "Zeskanuj kod QR telefonem – to Twój bilet.");
    const qr = page.getByRole("img", { name: "Kod QR e-biletu" });
    expect(await decodeQr(page, qr)).toMatch(new RegExp(`^${base()}/t/demo\\.[A-Za-z0-9_-]+$`));
    await expectNoViolations(page, "kiosk ticket, not printed");
    await screenshot(page, "kiosk-printer-out-ticket");

    // In English too. Back at the start by "Gotowe", or by itself when the checks above outlasted the ticket
    // screen's idle time (a loaded machine: axe and the QR decoding take a while).
    const done = page.getByRole("button", { name: "Gotowe" });
    if (await done.isVisible()) await done.tap({ timeout: 5_000 }).catch(() => undefined);
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    await page.getByRole("button", { name: "English" }).tap();
    await expectText(banner, "The printer is out of order");
    await page.getByRole("button", { name: "Polski" }).tap();

    // The agent reports the paper refilled: the note goes, and the next ticket says nothing of printing.
    agent.printer("kiosk-1", "ready");
    await expectHidden(banner);
    await page.getByRole("button", { name: "Wydział Spraw Obywatelskich" }).tap();
    await page.getByRole("button", { name: /Informacja/ }).tap();
    await expectText(page.getByTestId("kiosk-number"), /^N\d{3}$/);
    await expectText(page.locator(".kiosk-qr figcaption"), "Zeskanuj kod telefonem, aby śledzić kolejkę na żywo.");
    expect(await page.getByTestId("not-printed").count()).toBe(0);
    await page.context().close();
  });

  test("staff signed in on the kiosk screen (no kiosk device id) see no printer note", async () => {
    agent.printer("kiosk-1", "cover-open");
    // Signed in as a manager: no kiosk device id, so no printer of its own.
    const page = await newPage(browser, { viewport: SIZES.kiosk, hasTouch: true });
    await page.goto(`${base()}/kiosk/demo`);
    await signIn(page, "admin", "admin");
    await page.getByRole("heading", { name: "Pobierz numerek" }).waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId("printer-note").count()).toBe(0);
    await page.context().close();
    agent.printer("kiosk-1", "ready");
  });
});
